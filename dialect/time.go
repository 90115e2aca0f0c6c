package dialect

import "fmt"

// Grain is a time granularity for truncating dates.
type Grain string

// The supported grains. Weeks start on Monday on both engines.
const (
	Day     Grain = "day"
	Week    Grain = "week"
	Month   Grain = "month"
	Quarter Grain = "quarter"
	Year    Grain = "year"
)

// Grains lists every grain from finest to coarsest.
func Grains() []Grain { return []Grain{Day, Week, Month, Quarter, Year} }

// Valid reports whether g is a supported grain.
func (g Grain) Valid() bool {
	switch g {
	case Day, Week, Month, Quarter, Year:
		return true
	}
	return false
}

// DateTrunc truncates the DATE expression expr to g and returns a DATE on both
// engines. DuckDB's DATE_TRUNC returns a TIMESTAMP, so it is cast back; Snowflake's
// keeps the input type. Snowflake's week start follows the session parameter
// WEEK_START, whose default (0) means ISO Monday, the same as DuckDB.
func (d Dialect) DateTrunc(g Grain, expr string) string {
	if g == Day {
		return expr
	}
	if d == DuckDB {
		return fmt.Sprintf("CAST(DATE_TRUNC('%s', %s) AS DATE)", g, expr)
	}
	return fmt.Sprintf("DATE_TRUNC('%s', %s)", g, expr)
}

// AddDays returns expr shifted by n days, as a DATE.
func (d Dialect) AddDays(expr string, n int) string {
	if d == DuckDB {
		return fmt.Sprintf("CAST(%s + INTERVAL '%d day' AS DATE)", expr, n)
	}
	return fmt.Sprintf("DATEADD('day', %d, %s)", n, expr)
}
