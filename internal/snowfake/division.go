package snowfake

import (
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Snowflake divides NUMBERs exactly; DuckDB divides decimals in DOUBLE, which can
// land a half-cent quotient on the wrong side of ROUND. The division pattern this
// module generates, ROUND(a / NULLIF(b, 0), s), is rewritten to DuckDB's exact
// integer form ([dialect.Dialect.DivRound]). It is exact for operands with at
// most operandScale decimal places; other divisions stay DuckDB's.

// operandScale is the largest operand scale the exact rewrite supports.
const operandScale = 4

// exactDivision rewrites every ROUND(a / NULLIF(b, 0), s) in stmt.
func exactDivision(stmt string) string {
	var b strings.Builder
	for {
		i := strings.Index(stmt, "ROUND(")
		if i < 0 || inQuotes(stmt[:i]) {
			b.WriteString(stmt)
			return b.String()
		}
		b.WriteString(stmt[:i])
		end, args := call(stmt, i+len("ROUND("))
		if end < 0 {
			b.WriteString(stmt[i:])
			return b.String()
		}
		if rewritten, ok := divRound(args); ok {
			b.WriteString(rewritten)
		} else {
			b.WriteString("ROUND(" + exactDivision(stmt[i+len("ROUND("):end]) + ")")
		}
		stmt = stmt[end+1:]
	}
}

// divRound rewrites the arguments of one ROUND call when they are a / NULLIF(b, 0)
// and an integer scale.
func divRound(args []string) (string, bool) {
	if len(args) != 2 {
		return "", false
	}
	scale, err := strconv.Atoi(strings.TrimSpace(args[1]))
	if err != nil {
		return "", false
	}
	num, den, ok := strings.Cut(args[0], " / NULLIF(")
	if !ok || depth(num) != 0 {
		return "", false
	}
	end, inner := call(den, 0)
	if end != len(den)-1 || len(inner) != 2 || strings.TrimSpace(inner[1]) != "0" {
		return "", false
	}
	return dialect.DuckDB.DivRound(exactDivision(num), exactDivision(inner[0]), operandScale, operandScale, scale), true
}

// call reads the arguments of a call whose opening parenthesis ends just before
// s[start]: it returns the index of the closing parenthesis and the top-level
// comma-separated arguments, or -1 if the parentheses do not balance.
func call(s string, start int) (int, []string) {
	level, from := 0, start
	var args []string
	var quote byte
	for i := start; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			level++
		case c == ')' && level > 0:
			level--
		case c == ')':
			return i, append(args, s[from:i])
		case c == ',' && level == 0:
			args = append(args, s[from:i])
			from = i + 1
		}
	}
	return -1, nil
}

// depth returns the parenthesis depth at the end of s, outside quotes.
func depth(s string) int {
	d := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			d++
		case c == ')':
			d--
		}
	}
	return d
}

// inQuotes reports whether s ends inside a quoted string or identifier.
func inQuotes(s string) bool {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
		} else if c == '\'' || c == '"' {
			quote = c
		}
	}
	return quote != 0
}
