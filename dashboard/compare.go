package dashboard

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/query"
)

// Compare says what a view compares its range with.
type Compare string

// The comparisons.
const (
	// ComparePrevious is the period just before the range: the previous
	// calendar year, quarter or month of a year, quarter or month (as many
	// whole months before a range of whole months), else the days of equal
	// length just before it.
	ComparePrevious Compare = "previous"
	// CompareYear is the same dates a year earlier.
	CompareYear Compare = "year"
	// CompareNone turns comparisons off.
	CompareNone Compare = "none"
)

// Compares lists every comparison.
func Compares() []Compare { return []Compare{ComparePrevious, CompareYear, CompareNone} }

// Valid reports whether c is a known comparison; the empty value means
// [ComparePrevious].
func (c Compare) Valid() bool {
	switch c {
	case "", ComparePrevious, CompareYear, CompareNone:
		return true
	}
	return false
}

// ParseCompare reads a comparison name, with an error listing the valid ones.
func ParseCompare(s string) (Compare, error) {
	c := Compare(s)
	if !c.Valid() {
		return "", fmt.Errorf("%w: compare %q (valid: previous, year, none)", ErrInvalidFilter, s)
	}
	if c == "" {
		c = ComparePrevious
	}
	return c, nil
}

// Period is a resolved, inclusive range of days.
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	// Partial is set when the period runs past the last day of data (or starts
	// before the first): its figures cover fewer days than it has.
	Partial bool `json:"partial"`
	// Missing is set when no day of the period holds data.
	Missing bool `json:"missing"`
}

// Days returns the number of days in p.
func (p Period) Days() int { return int(p.To.Sub(p.From)/(24*time.Hour)) + 1 }

// Contains reports whether day t is in p.
func (p Period) Contains(t time.Time) bool { return !t.Before(p.From) && !t.After(p.To) }

// Change compares a value with its value in the comparison period. Every field is
// null when there is no comparison (none asked for, or the comparison period holds
// no data); Pct is also null when the base is zero: a change from nothing has no
// percentage, and it is never shown as 0%.
type Change struct {
	Base  decimal.NullDecimal `json:"base"`
	Delta decimal.NullDecimal `json:"delta"`
	// Pct is Delta / Base as a fraction rounded to 4 places (0.0525 is +5.25%).
	Pct decimal.NullDecimal `json:"pct"`
}

// Comparable reports whether there is a comparison.
func (c Change) Comparable() bool { return c.Base.Valid }

// ratio returns num/den rounded to places, null when den is zero.
func ratio(num, den decimal.Decimal, places int32) decimal.NullDecimal {
	if den.IsZero() {
		return decimal.NullDecimal{}
	}
	return valid(num.DivRound(den, places))
}

func valid(d decimal.Decimal) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: d, Valid: true}
}

// comparison returns the period c compares p with, flagged against the data's
// bounds; ok is false for CompareNone. The periods are query's
// ([query.Compare.ComparisonPeriod]), so a view and a request compare alike:
// the previous period of whole calendar months is as many whole months before
// (a year's is the previous calendar year, a quarter's the previous quarter, a
// month's the previous month), of any other range the days of equal length just
// before it; a year earlier is the same dates (29 February becomes 28).
func comparison(p Period, c Compare, b bounds) (Period, bool) {
	if c == CompareNone {
		return Period{}, false
	}
	from, to := comparedRange(p.From, p.To, c)
	return b.period(from, to, p.Partial), true
}

// comparedRange is the range c compares [from, to] with (ComparePrevious for
// the empty value).
func comparedRange(from, to time.Time, c Compare) (time.Time, time.Time) {
	qc := query.Compare{To: query.ComparePrevious}
	if c == CompareYear {
		qc.To = query.CompareYearAgo
	}
	f, t, _ := qc.ComparisonPeriod(from, to, time.Time{}) // never fails for these two
	return f, t
}

// yearEarlier is the same day a year before; 29 February becomes 28 February.
func yearEarlier(t time.Time) time.Time {
	y, _ := comparedRange(t, t, CompareYear)
	return y
}

// bounds are the first and last days of data.
type bounds struct{ first, last time.Time }

// period resolves [from, to] against the data: partial if it runs outside the
// data (or inheritPartial, for the comparison of a partial period), missing if
// it holds none.
func (b bounds) period(from, to time.Time, inheritPartial bool) Period {
	p := Period{From: from, To: to}
	p.Missing = b.first.IsZero() || to.Before(b.first) || from.After(b.last)
	p.Partial = inheritPartial || p.Missing || from.Before(b.first) || to.After(b.last)
	return p
}

// ToDate is a to-date period: month, quarter or year to date.
type ToDate string

// The to-date periods.
const (
	MonthToDate   ToDate = "MTD"
	QuarterToDate ToDate = "QTD"
	YearToDate    ToDate = "YTD"
)

// ToDates lists the to-date periods.
func ToDates() []ToDate { return []ToDate{MonthToDate, QuarterToDate, YearToDate} }

// Valid reports whether t is a known to-date period.
func (t ToDate) Valid() bool { return t == MonthToDate || t == QuarterToDate || t == YearToDate }

// Start returns the first day of the to-date period that ends on day.
func (t ToDate) Start(day time.Time) time.Time {
	switch t {
	case MonthToDate:
		return time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	case QuarterToDate:
		return time.Date(day.Year(), (day.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}
func monthEnd(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC)
}
