package dialect

import (
	"fmt"
	"strings"
)

// DivRound returns SQL for num / den rounded half away from zero to scale places,
// as DECIMAL(38, scale), computed exactly on both engines; NULL when den is zero.
// numScale and denScale are the scales of the two operands (0 for counts).
//
// Snowflake divides NUMBERs exactly (keeping at least six more places than the
// dividend) so ROUND of the quotient is exact. DuckDB divides decimals in DOUBLE,
// so there the operands become scaled HUGEINTs whose integer division (which
// truncates toward zero, and is NULL for a zero divisor) gives the quotient to
// one place more than scale, or to the dividend's scale when that is finer;
// DuckDB's CAST of that DECIMAL to scale places, which rounds half away from
// zero, is then exact, because truncating toward zero keeps the digit that
// decides it. Few operators: the engine binds and optimises every one of them
// per statement.
func (d Dialect) DivRound(num, den string, numScale, denScale, scale int) string {
	if d == Snowflake {
		// num is parenthesised: it may be an expression such as a - b, and / binds
		// tighter than - (den is already delimited by NULLIF's parentheses).
		return fmt.Sprintf("CAST(ROUND((%s) / NULLIF(%s, 0), %d) AS NUMBER(38,%d))", num, den, scale, scale)
	}
	// value × 10^k = num × 10^(k+denScale) / (den × 10^denScale), both integers
	k := max(scale+1, numScale-denScale)
	n := fmt.Sprintf("CAST((%s) * %s AS HUGEINT)", num, pow10(k+denScale))
	q := "CAST(" + den + " AS HUGEINT)"
	if denScale > 0 {
		q = fmt.Sprintf("CAST((%s) * %s AS HUGEINT)", den, pow10(denScale))
	}
	return fmt.Sprintf("CAST((%s // %s) * %s AS DECIMAL(38,%d))", n, q, unit(k), scale)
}

func pow10(n int) string { return "1" + strings.Repeat("0", n) }

// unit returns 10^-scale as decimal text, e.g. 0.01.
func unit(scale int) string { return "0." + strings.Repeat("0", scale-1) + "1" }

// DateDiff returns the number of whole grain boundaries (day or month) from start
// to end, as an integer.
func (d Dialect) DateDiff(g Grain, start, end string) string {
	return fmt.Sprintf("DATEDIFF('%s', %s, %s)", g, start, end)
}

// AddMonths returns the DATE expr shifted by n months.
func (d Dialect) AddMonths(expr string, n int) string {
	if d == DuckDB {
		return fmt.Sprintf("CAST(%s + INTERVAL '%d month' AS DATE)", expr, n)
	}
	return fmt.Sprintf("DATEADD('month', %d, %s)", n, expr)
}

// Interval returns an interval literal of n grains for window frames, e.g.
// INTERVAL '6 days'. Both engines read the quoted form.
func (d Dialect) Interval(n int, g Grain) string {
	return fmt.Sprintf("INTERVAL '%d %ss'", n, g)
}

// Year returns the calendar year of a DATE expr as an integer.
func (d Dialect) Year(expr string) string {
	return fmt.Sprintf("CAST(EXTRACT(YEAR FROM %s) AS %s)", expr, d.TypeName(Int()))
}
