package web

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// maxLayoutSQL is the longest SQL laid out on lines; longer SQL is shown as
// it came.
const maxLayoutSQL = 64 << 10

// clauseWords start a line of their own at their query's depth.
var clauseWords = map[string]bool{
	"SELECT": true, "FROM": true, "WHERE": true, "GROUP": true, "ORDER": true, "HAVING": true,
	"QUALIFY": true, "LIMIT": true, "OFFSET": true, "UNION": true, "EXCEPT": true, "INTERSECT": true,
	"WITH": true, "WINDOW": true, "JOIN": true, "LEFT": true, "RIGHT": true, "INNER": true, "FULL": true, "CROSS": true,
}

// layoutSQL lays the analyst's SQL out on lines as a person writes it: each
// clause on its own line, each selected column and each AND of a WHERE on its
// own indented line, a subquery indented under its parenthesis. Only the
// spaces between tokens change: strings, names and comments are as they were
// (tokens come from the lexer that reads SQL as the engines do). SQL the lexer
// does not read, or too long, comes back as it was.
func layoutSQL(sql string) string {
	if len(sql) > maxLayoutSQL {
		return sql
	}
	toks, err := sqlparse.Lex(sql, sqlparse.Options{Dialect: dialect.DuckDB})
	if err != nil {
		if toks, err = sqlparse.Lex(sql, sqlparse.Options{Dialect: dialect.Snowflake}); err != nil {
			return sql
		}
	}
	var b strings.Builder
	// queries[i] is whether bracket level i+1 opened a subquery; the clause
	// words of the query at the current level break lines.
	var queries []bool
	depth, indent := 0, 0 // bracket depth; the current query's indent
	inSelect, between, breakNext := false, false, false
	prevEnd := 0
	for i, t := range toks {
		gap := sql[prevEnd:t.Pos]
		atQuery := depth == 0 || len(queries) >= depth && queries[depth-1]
		word := ""
		if t.Kind == sqlparse.Ident && !t.Quoted {
			word = t.Text
		}
		next := func(s string) bool { return i+1 < len(toks) && toks[i+1].Is(s) }
		brk, extra := false, 0
		closing := t.Is(")") && depth > 0 && len(queries) >= depth && queries[depth-1]
		switch {
		case i == 0:
		case closing:
			indent -= 4
			brk = true
		case breakNext:
			brk, extra = true, 2
		case atQuery && clauseWords[word] && !(next("(") && (word == "LEFT" || word == "RIGHT")) && !(word == "JOIN" && joinWord(toks[i-1])) && (word != "GROUP" && word != "ORDER" || next("BY")):
			brk = true
		case atQuery && (word == "AND" || word == "OR") && !between:
			brk, extra = true, 2
		}
		breakNext = false
		if brk {
			b.WriteString("\n" + strings.Repeat(" ", indent+extra))
		} else {
			b.WriteString(gap)
		}
		b.WriteString(sql[t.Pos:t.End])
		prevEnd = t.End
		switch {
		case t.Is("("):
			depth++
			sub := next("SELECT") || next("WITH")
			queries = append(queries[:depth-1], sub)
			if sub {
				indent += 4
			}
		case t.Is(")"):
			depth--
		case atQuery && word == "SELECT":
			inSelect = true
		case atQuery && clauseWords[word] && !next("("):
			inSelect = false
		case atQuery && word == "BETWEEN":
			between = true
		case atQuery && word == "AND" && between:
			between = false
		case atQuery && inSelect && t.Is(","):
			breakNext = true
		}
	}
	b.WriteString(sql[prevEnd:])
	return b.String()
}

// joinWord reports whether t is a word that a JOIN follows on the same line.
func joinWord(t sqlparse.Token) bool {
	for _, w := range []string{"LEFT", "RIGHT", "INNER", "FULL", "CROSS", "OUTER", "NATURAL"} {
		if t.Is(w) {
			return true
		}
	}
	return false
}
