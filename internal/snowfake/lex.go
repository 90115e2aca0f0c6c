package snowfake

import (
	"fmt"
	"strings"
)

// A small SQL lexer, enough for what the server must understand about a
// statement's structure: where statements end and what the operands of each
// division are. Tokens keep their text, so a statement reassembles exactly.

type tokKind int

const (
	tkSpace  tokKind = iota // white space and comments
	tkWord                  // unquoted identifier or keyword
	tkQuoted                // "quoted identifier"
	tkString                // 'string literal'
	tkNumber                // 12, 1.5, 1e3
	tkOp                    // operators and other punctuation
	tkParam                 // ? or $1
)

type token struct {
	kind tokKind
	text string
}

// maxStatement bounds what the lexer reads.
const maxStatement = 4 << 20

// lex splits s into tokens. It fails on an unterminated quote or comment.
func lex(s string) ([]token, error) {
	if len(s) > maxStatement {
		return nil, fmt.Errorf("statement of %d bytes exceeds %d", len(s), maxStatement)
	}
	var out []token
	for i := 0; i < len(s); {
		c := s[i]
		start := i
		kind := tkOp
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			for i < len(s) && strings.IndexByte(" \t\n\r", s[i]) >= 0 {
				i++
			}
			kind = tkSpace
		case strings.HasPrefix(s[i:], "--"), strings.HasPrefix(s[i:], "//"):
			if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
				i += j + 1
			} else {
				i = len(s)
			}
			kind = tkSpace
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return nil, fmt.Errorf("unterminated comment at byte %d", i)
			}
			i += j + 4
			kind = tkSpace
		case c == '\'' || c == '"':
			j, err := closeQuote(s, i)
			if err != nil {
				return nil, err
			}
			i = j
			kind = tkString
			if c == '"' {
				kind = tkQuoted
			}
		case isDigit(c) || c == '.' && i+1 < len(s) && isDigit(s[i+1]):
			for i < len(s) && (isDigit(s[i]) || s[i] == '.') {
				i++
			}
			if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
				j := i + 1
				if j < len(s) && (s[j] == '+' || s[j] == '-') {
					j++
				}
				if j < len(s) && isDigit(s[j]) {
					for i = j; i < len(s) && isDigit(s[i]); i++ {
					}
				}
			}
			kind = tkNumber
		case isWordStart(c):
			for i < len(s) && (isWordStart(s[i]) || isDigit(s[i]) || s[i] == '$') {
				i++
			}
			kind = tkWord
		case c == '?' || c == '$' && i+1 < len(s) && isDigit(s[i+1]):
			for i++; i < len(s) && isDigit(s[i]); i++ {
			}
			kind = tkParam
		default:
			i++
			for _, op := range []string{"::", "||", "<=", ">=", "<>", "!=", "=>"} {
				if strings.HasPrefix(s[start:], op) {
					i = start + 2
					break
				}
			}
		}
		out = append(out, token{kind: kind, text: s[start:i]})
	}
	return out, nil
}

// closeQuote returns the index just after the quote opened at s[i]; a doubled
// quote stays inside, and in a string literal a backslash escapes the next byte,
// as Snowflake reads them.
func closeQuote(s string, i int) (int, error) {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && q == '\'':
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			j++
		case s[j] == q:
			return j + 1, nil
		}
	}
	return 0, fmt.Errorf("unterminated %c quote at byte %d", q, i)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isWordStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// statementCount returns how many statements s holds: the non-empty pieces
// between top-level semicolons.
func statementCount(s string) (int, error) {
	toks, err := lex(s)
	if err != nil {
		return 0, err
	}
	n, open := 0, false
	for _, t := range toks {
		switch {
		case t.kind == tkOp && t.text == ";":
			open = false
		case t.kind != tkSpace && !open:
			open = true
			n++
		}
	}
	return n, nil
}
