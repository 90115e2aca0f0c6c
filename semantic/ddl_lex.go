package semantic

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// MaxDDLSize is the longest CREATE SEMANTIC VIEW statement ParseSemanticViewDDL
// reads, the same 8 MiB as a model file; the sales model's DDL is about 20 KiB.
const MaxDDLSize = MaxModelSize

// MaxDDLDepth caps the nesting of parentheses in the statement.
const MaxDDLDepth = 100

// ddlTokens is a lexed statement: Snowflake's tokens (sqlparse, which decodes
// string literals and quoted names, drops comments and checks brackets), where
// each starts, and the matching ')' of each '('.
type ddlTokens struct {
	file  string
	src   string
	toks  []sqlparse.Token
	lines []int       // byte offset of each line's start
	match map[int]int // index of '(' → index of its ')'
}

var offsetRE = regexp.MustCompile(`at offset (\d+)`)

// lexDDL tokenises src; a lexical error comes back as a problem at its place.
func lexDDL(file, src string) (*ddlTokens, *Problem) {
	d := &ddlTokens{file: file, src: src, lines: []int{0}, match: map[int]int{}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	toks, err := sqlparse.Lex(src, sqlparse.Options{Dialect: dialect.Snowflake, MaxBytes: MaxDDLSize, MaxDepth: MaxDDLDepth})
	if err != nil {
		off := len(src)
		if m := offsetRE.FindStringSubmatch(err.Error()); m != nil {
			off, _ = strconv.Atoi(m[1])
		}
		return nil, &Problem{Pos: d.at(off), Message: trimPrefix(err.Error(), "sqlparse: "), Severity: SeverityError}
	}
	d.toks = toks
	var open []int
	for i, t := range toks {
		switch {
		case t.Kind == sqlparse.Punct && t.Text == "(":
			open = append(open, i)
		case t.Kind == sqlparse.Punct && t.Text == ")":
			d.match[open[len(open)-1]] = i // the lexer has checked the balance
			open = open[:len(open)-1]
		}
	}
	return d, nil
}

func trimPrefix(s, prefix string) string {
	if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):]
	}
	return s
}

// at turns a byte offset into file:line:column, the column counted in characters.
func (d *ddlTokens) at(off int) Position {
	line := 0
	for lo, hi := 0, len(d.lines)-1; lo <= hi; {
		mid := (lo + hi) / 2
		if d.lines[mid] <= off {
			line, lo = mid, mid+1
		} else {
			hi = mid - 1
		}
	}
	if off > len(d.src) {
		off = len(d.src)
	}
	return Position{File: d.file, Line: line + 1, Column: utf8.RuneCountInString(d.src[d.lines[line]:off]) + 1}
}

// posOf is the position of token i, or of the end of the text past the last one.
func (d *ddlTokens) posOf(i int) Position {
	if i < len(d.toks) {
		return d.at(d.toks[i].Pos)
	}
	return d.at(len(d.src))
}

// kw reports whether the tokens from i on are the unquoted keywords words.
func (d *ddlTokens) kw(i int, words ...string) bool {
	for k, w := range words {
		if i+k >= len(d.toks) || !d.toks[i+k].Is(w) {
			return false
		}
	}
	return true
}

// punct reports whether token i is the punctuation p.
func (d *ddlTokens) punct(i int, p string) bool {
	return i < len(d.toks) && d.toks[i].Kind == sqlparse.Punct && d.toks[i].Text == p
}

// name returns token i as a name: a quoted one's text, a bare one as written.
func (d *ddlTokens) name(i int) (string, bool) {
	if i >= len(d.toks) || d.toks[i].Kind != sqlparse.Ident {
		return "", false
	}
	t := d.toks[i]
	if t.Quoted {
		return t.Text, true
	}
	return d.src[t.Pos:t.End], true
}

// text describes token i for an error message.
func (d *ddlTokens) text(i int) string {
	if i >= len(d.toks) {
		return "the end of the statement"
	}
	t := d.toks[i]
	s := d.src[t.Pos:t.End]
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strconv.Quote(s)
}

// raw is the source text of tokens [i, j), as written, with any comment that
// follows them up to token j.
func (d *ddlTokens) raw(i, j int) string {
	if i >= j {
		return ""
	}
	end := len(d.src)
	if j < len(d.toks) {
		end = d.toks[j].Pos
	}
	return strings.TrimRightFunc(d.src[d.toks[i].Pos:end], unicode.IsSpace)
}

// skip returns the index after token i, past the whole group when i opens one.
func (d *ddlTokens) skip(i int) int {
	if j, ok := d.match[i]; ok {
		return j + 1
	}
	return i + 1
}

// split returns the ranges of the comma-separated items inside the group that
// opens at token open.
func (d *ddlTokens) split(open int) [][2]int {
	end := d.match[open]
	var out [][2]int
	start := open + 1
	for k := start; k < end; k = d.skip(k) {
		if d.punct(k, ",") {
			out = append(out, [2]int{start, k})
			start = k + 1
		}
	}
	if start < end || len(out) > 0 {
		out = append(out, [2]int{start, end})
	}
	return out
}
