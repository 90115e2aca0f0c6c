package sqlparse

import (
	"errors"
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Kind classifies a [Token].
type Kind int

// Token kinds.
const (
	Ident  Kind = iota // a name; Text is upper-cased unless Quoted
	String             // a string literal ('…', E'…', $$…$$, $tag$…$tag$); Text is its value
	Number             // a numeric literal, as written
	Param              // a parameter or positional column: ?, $1, $name
	Punct              // one punctuation character, or ->> on Snowflake
)

// Token is one lexical token.
type Token struct {
	Kind   Kind
	Text   string
	Quoted bool // a "quoted" identifier, whose case is kept
	// Pos and End are the token's byte offsets in the source: src[Pos:End].
	Pos, End int
}

// Is reports whether t is the unquoted keyword or punctuation s (upper case).
func (t Token) Is(s string) bool {
	return (t.Kind == Ident && !t.Quoted || t.Kind == Punct) && t.Text == s
}

// Limits of [Lex] when its options leave them zero.
const (
	DefaultMaxBytes = 256 << 10 // 256 KiB of SQL
	DefaultMaxDepth = 200       // nested ( [ {
)

// Errors [Lex] returns (wrapped) for input beyond its limits.
var (
	ErrTooLarge = errors.New("sqlparse: input too large")
	ErrTooDeep  = errors.New("sqlparse: nested too deeply")
)

// Options configure [Lex] and [ParseExpr].
type Options struct {
	// Dialect is whose rules the SQL is read by. Required.
	Dialect dialect.Dialect
	// MaxBytes caps the input's size; zero means DefaultMaxBytes.
	MaxBytes int
	// MaxDepth caps bracket nesting (and, in ParseExpr, expression nesting);
	// zero means DefaultMaxDepth.
	MaxDepth int
	// Functions, for ParseExpr, reports whether a function may be called. Nil
	// means the dialect's allow-list ([Allowed]).
	Functions func(name string) bool
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) maxDepth() int {
	if o.MaxDepth > 0 {
		return o.MaxDepth
	}
	return DefaultMaxDepth
}

// Lex splits src into tokens the way the dialect's engine reads it, dropping
// comments, in one pass (linear time). It fails, saying why, on what the engine
// would not read as complete tokens (an unclosed string, quoted identifier or
// comment), on unbalanced brackets, on a NUL byte, and on input beyond the size
// and nesting limits. Where the lexer cannot be sure how the engine reads a text,
// it refuses rather than guesses (a carriage return in a Snowflake line comment,
// DuckDB's U&'…' strings, non-ASCII outside literals on Snowflake).
func Lex(src string, opts Options) ([]Token, error) {
	if !opts.Dialect.Valid() {
		return nil, fmt.Errorf("sqlparse: unknown dialect %q (valid: snowflake, duckdb)", opts.Dialect)
	}
	if len(src) > opts.maxBytes() {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, len(src), opts.maxBytes())
	}
	l := lexer{src: src, d: opts.Dialect, maxDepth: opts.maxDepth()}
	if err := l.run(); err != nil {
		return nil, err
	}
	return l.out, nil
}

type lexer struct {
	src      string
	d        dialect.Dialect
	out      []Token
	closers  []byte // expected closing brackets
	maxDepth int
}

func (l *lexer) duck() bool { return l.d == dialect.DuckDB }

func (l *lexer) emit(k Kind, text string, quoted bool, pos, end int) {
	l.out = append(l.out, Token{Kind: k, Text: text, Quoted: quoted, Pos: pos, End: end})
}

func (l *lexer) run() error {
	s := l.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0:
			return fmt.Errorf("sqlparse: a NUL byte at offset %d", i)
		case isSpace(c):
			i++
		case c == '-' && at(s, i+1) == '-', !l.duck() && c == '/' && at(s, i+1) == '/':
			j, err := l.lineComment(i + 2)
			if err != nil {
				return err
			}
			i = j
		case c == '/' && at(s, i+1) == '*':
			j, err := l.blockComment(i)
			if err != nil {
				return err
			}
			i = j
		case c == '\'':
			j, err := l.str(i, i+1, !l.duck())
			if err != nil {
				return err
			}
			i = j
		case c == '"':
			j, err := l.quotedIdent(i)
			if err != nil {
				return err
			}
			i = j
		case c == '$':
			j, err := l.dollar(i)
			if err != nil {
				return err
			}
			i = j
		case isIdentStart(c) || c >= 0x80:
			if c >= 0x80 && !l.duck() {
				return fmt.Errorf("sqlparse: a non-ASCII character at offset %d outside a string or quoted identifier", i)
			}
			if l.duck() && (c == 'e' || c == 'E') && at(s, i+1) == '\'' {
				j, err := l.str(i, i+2, true) // E'…': backslash escapes
				if err != nil {
					return err
				}
				i = j
				continue
			}
			if l.duck() && (c == 'u' || c == 'U') && at(s, i+1) == '&' && (at(s, i+2) == '\'' || at(s, i+2) == '"') {
				return fmt.Errorf("sqlparse: U&'…' unicode escapes at offset %d are not supported", i)
			}
			j := i + 1
			for j < len(s) && (isIdentPart(s[j]) || (s[j] >= 0x80 && l.duck())) {
				j++
			}
			if j < len(s) && s[j] >= 0x80 && !l.duck() {
				return fmt.Errorf("sqlparse: a non-ASCII character at offset %d outside a string or quoted identifier", j)
			}
			l.emit(Ident, strings.ToUpper(s[i:j]), false, i, j)
			i = j
		case isDigit(c) || (c == '.' && isDigit(at(s, i+1))):
			j := l.number(i)
			l.emit(Number, s[i:j], false, i, j)
			i = j
		case c == '?':
			l.emit(Param, "?", false, i, i+1)
			i++
		default:
			if err := l.bracket(c, i); err != nil {
				return err
			}
			if !l.duck() && c == '-' && at(s, i+1) == '>' && at(s, i+2) == '>' {
				l.emit(Punct, "->>", false, i, i+3) // Snowflake's flow operator
				i += 3
				continue
			}
			l.emit(Punct, s[i:i+1], false, i, i+1)
			i++
		}
	}
	if len(l.closers) > 0 {
		return fmt.Errorf("sqlparse: unbalanced parentheses or brackets: %d not closed", len(l.closers))
	}
	return nil
}

// bracket tracks nesting: the limit, and that each bracket closes its own kind.
func (l *lexer) bracket(c byte, pos int) error {
	switch c {
	case '(', '[', '{':
		if len(l.closers) >= l.maxDepth {
			return fmt.Errorf("%w: more than %d nested brackets at offset %d", ErrTooDeep, l.maxDepth, pos)
		}
		closer := byte(')')
		switch c {
		case '[':
			closer = ']'
		case '{':
			closer = '}'
		}
		l.closers = append(l.closers, closer)
	case ')', ']', '}':
		if len(l.closers) == 0 || l.closers[len(l.closers)-1] != c {
			return fmt.Errorf("sqlparse: unbalanced parentheses or brackets: unexpected %c at offset %d", c, pos)
		}
		l.closers = l.closers[:len(l.closers)-1]
	}
	return nil
}

// lineComment skips a -- (or Snowflake //) comment from i, its text's start.
// DuckDB ends it at \n or \r; Snowflake at \n, and a lone \r in it is refused:
// whether Snowflake ends the comment there is not documented.
func (l *lexer) lineComment(i int) (int, error) {
	s := l.src
	for ; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i + 1, nil
		case '\r':
			if l.duck() {
				return i + 1, nil
			}
			if at(s, i+1) != '\n' {
				return 0, fmt.Errorf("sqlparse: a carriage return inside a line comment at offset %d", i)
			}
		case 0:
			return 0, fmt.Errorf("sqlparse: a NUL byte at offset %d", i)
		}
	}
	return i, nil
}

// blockComment skips a /* … */ comment starting at i. DuckDB nests them;
// Snowflake ends one at the first */. An unclosed comment is an error.
func (l *lexer) blockComment(start int) (int, error) {
	s := l.src
	depth := 0
	for i := start; i < len(s); {
		switch {
		case s[i] == '/' && at(s, i+1) == '*':
			if depth > 0 && !l.duck() {
				i += 2 // Snowflake: no nesting
				continue
			}
			depth++
			if depth > l.maxDepth {
				return 0, fmt.Errorf("%w: more than %d nested comments at offset %d", ErrTooDeep, l.maxDepth, i)
			}
			i += 2
		case s[i] == '*' && at(s, i+1) == '/':
			depth--
			i += 2
			if depth == 0 {
				return i, nil
			}
		case s[i] == 0:
			return 0, fmt.Errorf("sqlparse: a NUL byte at offset %d", i)
		default:
			i++
		}
	}
	return 0, fmt.Errorf("sqlparse: unclosed /* comment at offset %d", start)
}

// str reads a '…' literal whose opening quote is at open-1 (the token starts at
// pos). A doubled quote is a quote; with backslash escapes, \x is x (and \n, \t,
// … their control characters).
func (l *lexer) str(pos, open int, backslash bool) (int, error) {
	s := l.src
	var b strings.Builder
	for j := open; j < len(s); j++ {
		switch c := s[j]; {
		case c == 0:
			return 0, fmt.Errorf("sqlparse: a NUL byte at offset %d", j)
		case c == '\\' && backslash:
			if j+1 >= len(s) {
				return 0, fmt.Errorf("sqlparse: unclosed string literal at offset %d", pos)
			}
			j++
			b.WriteByte(unescape(s[j]))
		case c == '\'':
			if at(s, j+1) == '\'' {
				b.WriteByte('\'')
				j++
				continue
			}
			l.emit(String, b.String(), false, pos, j+1)
			return j + 1, nil
		default:
			b.WriteByte(c)
		}
	}
	return 0, fmt.Errorf("sqlparse: unclosed string literal at offset %d", pos)
}

func unescape(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	case 'r':
		return '\r'
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case '0':
		return 0
	}
	return c
}

func (l *lexer) quotedIdent(pos int) (int, error) {
	s := l.src
	var b strings.Builder
	for j := pos + 1; j < len(s); j++ {
		switch s[j] {
		case 0:
			return 0, fmt.Errorf("sqlparse: a NUL byte at offset %d", j)
		case '"':
			if at(s, j+1) == '"' {
				b.WriteByte('"')
				j++
				continue
			}
			l.emit(Ident, b.String(), true, pos, j+1)
			return j + 1, nil
		default:
			b.WriteByte(s[j])
		}
	}
	return 0, fmt.Errorf("sqlparse: unclosed quoted identifier at offset %d", pos)
}

// dollar reads what starts with $: a dollar-quoted string ($$…$$ on both
// engines; $tag$…$tag$ on DuckDB), a parameter or positional column ($1, $name),
// or a lone $.
func (l *lexer) dollar(pos int) (int, error) {
	s := l.src
	j := pos + 1
	if l.duck() && j < len(s) && (isIdentStart(s[j]) || s[j] >= 0x80) {
		for j < len(s) && (isIdentStart(s[j]) || isDigit(s[j]) || s[j] >= 0x80) {
			j++
		}
	}
	if at(s, j) == '$' { // $$ or $tag$
		delim := s[pos : j+1]
		body := j + 1
		end := strings.Index(s[body:], delim) // one forward scan: linear
		if end < 0 {
			return 0, fmt.Errorf("sqlparse: unclosed dollar-quoted string at offset %d", pos)
		}
		text := s[body : body+end]
		if strings.IndexByte(text, 0) >= 0 {
			return 0, fmt.Errorf("sqlparse: a NUL byte in the string at offset %d", pos)
		}
		l.emit(String, text, false, pos, body+end+len(delim))
		return body + end + len(delim), nil
	}
	j = pos + 1
	for j < len(s) && (isIdentPart(s[j]) && s[j] != '$' || (l.duck() && s[j] >= 0x80)) {
		j++
	}
	if j == pos+1 {
		l.emit(Punct, "$", false, pos, j)
		return j, nil
	}
	l.emit(Param, strings.ToUpper(s[pos:j]), false, pos, j)
	return j, nil
}

// number reads digits, an optional fraction and exponent (DuckDB also reads _
// between digits).
func (l *lexer) number(i int) int {
	s := l.src
	digits := func(j int) int {
		for j < len(s) && (isDigit(s[j]) || (l.duck() && s[j] == '_' && isDigit(at(s, j+1)))) {
			j++
		}
		return j
	}
	j := digits(i)
	if at(s, j) == '.' {
		j = digits(j + 1)
	}
	if c := at(s, j); c == 'e' || c == 'E' {
		k := j + 1
		if c := at(s, k); c == '+' || c == '-' {
			k++
		}
		if isDigit(at(s, k)) {
			j = digits(k)
		}
	}
	return j
}

func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isIdentStart(c byte) bool { return c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') }
func isIdentPart(c byte) bool  { return isIdentStart(c) || isDigit(c) || c == '$' }
