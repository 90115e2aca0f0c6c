package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// sqlView is an answer's SQL as the page shows it: laid out on lines, with the
// values bound to its placeholders as SQL literals read.
type sqlView struct {
	SQL  string
	Args []string
}

// sqlOf lays sql out and writes its bound values.
func sqlOf(sql string, args []any) sqlView {
	v := sqlView{SQL: layoutSQL(sql)}
	for _, a := range args {
		v.Args = append(v.Args, literal(a))
	}
	return v
}

// literal is a bound value as SQL writes it: a quoted string, a date, a number.
func literal(a any) string {
	switch x := a.(type) {
	case string:
		return "'" + strings.ReplaceAll(x, "'", "''") + "'"
	case time.Time:
		if x.Equal(x.Truncate(24 * time.Hour)) {
			return "DATE '" + x.Format(time.DateOnly) + "'"
		}
		return "TIMESTAMP '" + x.UTC().Format(time.DateTime) + "'"
	case decimal.Decimal:
		return x.String()
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case nil:
		return "NULL"
	}
	return fmt.Sprint(a)
}

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
	// queries[i] says what bracket level i+1 opened: a subquery, whose clause
	// words break lines, or the condition of a WHERE, whose ANDs do.
	var queries []bracket
	depth, indent := 0, 0 // bracket depth; the current query's indent
	inSelect, between, breakNext := false, false, false
	prevEnd := 0
	for i, t := range toks {
		gap := sql[prevEnd:t.Pos]
		atQuery := depth == 0 || len(queries) >= depth && queries[depth-1] == subquery
		inCond := depth > 0 && len(queries) >= depth && queries[depth-1] == condition
		word := ""
		if t.Kind == sqlparse.Ident && !t.Quoted {
			word = t.Text
		}
		next := func(s string) bool { return i+1 < len(toks) && toks[i+1].Is(s) }
		brk, extra := false, 0
		closing := t.Is(")") && depth > 0 && len(queries) >= depth && queries[depth-1] == subquery
		switch {
		case i == 0:
		case closing:
			indent -= 4
			brk = true
		case breakNext:
			brk, extra = true, 2
		case atQuery && clauseWords[word] && !(next("(") && (word == "LEFT" || word == "RIGHT")) && !(word == "JOIN" && joinWord(toks[i-1])) && (word != "GROUP" && word != "ORDER" || next("BY")):
			brk = true
		case (atQuery || inCond) && (word == "AND" || word == "OR") && !between:
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
			kind := plain
			switch {
			case next("SELECT") || next("WITH"):
				kind = subquery
				indent += 4
			case atQuery && i > 0 && (toks[i-1].Is("WHERE") || toks[i-1].Is("HAVING")):
				kind = condition
			}
			queries = append(queries[:depth-1], kind)
		case t.Is(")"):
			depth--
		case atQuery && word == "SELECT":
			inSelect = true
		case atQuery && clauseWords[word] && !next("("):
			inSelect = false
		case (atQuery || inCond) && word == "BETWEEN":
			between = true
		case (atQuery || inCond) && word == "AND" && between:
			between = false
		case atQuery && inSelect && t.Is(","):
			breakNext = true
		}
	}
	b.WriteString(sql[prevEnd:])
	return b.String()
}

// bracket is what a bracket opened, for the layout.
type bracket int

const (
	plain     bracket = iota // a call, a list, an expression
	subquery                 // a SELECT or WITH
	condition                // the whole condition of a WHERE or HAVING
)

// joinWord reports whether t is a word that a JOIN follows on the same line.
func joinWord(t sqlparse.Token) bool {
	for _, w := range []string{"LEFT", "RIGHT", "INNER", "FULL", "CROSS", "OUTER", "NATURAL"} {
		if t.Is(w) {
			return true
		}
	}
	return false
}
