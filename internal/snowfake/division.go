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

// exactDivision rewrites every ROUND(a / NULLIF(b, 0), s) in stmt that stands
// outside quotes.
func exactDivision(stmt string) string {
	var b strings.Builder
	for {
		i := -1
		outsideQuotes(stmt, 0, func(j int, _ byte) bool {
			if strings.HasPrefix(stmt[j:], "ROUND(") {
				i = j
				return false
			}
			return true
		})
		if i < 0 {
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
	level, from, end := 0, start, -1
	var args []string
	outsideQuotes(s, start, func(i int, c byte) bool {
		switch {
		case c == '(':
			level++
		case c == ')' && level > 0:
			level--
		case c == ')':
			end, args = i, append(args, s[from:i])
			return false
		case c == ',' && level == 0:
			args = append(args, s[from:i])
			from = i + 1
		}
		return true
	})
	if end < 0 {
		return -1, nil
	}
	return end, args
}

// depth returns the parenthesis depth at the end of s, outside quotes.
func depth(s string) int {
	d := 0
	outsideQuotes(s, 0, func(_ int, c byte) bool {
		switch c {
		case '(':
			d++
		case ')':
			d--
		}
		return true
	})
	return d
}

// outsideQuotes calls fn for each byte of s from start that is outside a quoted
// string or identifier, until fn returns false. It reports whether s ends inside
// quotes.
func outsideQuotes(s string, start int, fn func(i int, c byte) bool) bool {
	var quote byte
	for i := start; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case !fn(i, c):
			return false
		}
	}
	return quote != 0
}
