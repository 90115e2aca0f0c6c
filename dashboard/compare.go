package dashboard

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Compare says what a view compares its range with.
type Compare string

// The comparisons.
const (
	// ComparePrevious is the period of equal length just before the range.
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

// changeOf compares cur with base; base is invalid when there is no comparison.
func changeOf(cur decimal.Decimal, base decimal.NullDecimal) Change {
	if !base.Valid {
		return Change{}
	}
	ch := Change{Base: base, Delta: valid(cur.Sub(base.Decimal))}
	if !base.Decimal.IsZero() {
		ch.Pct = valid(ch.Delta.Decimal.DivRound(base.Decimal, 4))
	}
	return ch
}

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
// bounds; ok is false for CompareNone.
func comparison(p Period, c Compare, b bounds) (Period, bool) {
	var from, to time.Time
	switch c {
	case CompareNone:
		return Period{}, false
	case CompareYear:
		from, to = yearEarlier(p.From), yearEarlier(p.To)
	default:
		n := p.Days()
		from, to = p.From.AddDate(0, 0, -n), p.From.AddDate(0, 0, -1)
	}
	return b.period(from, to, p.Partial), true
}

// yearEarlier is the same day a year before; 29 February becomes 28 February.
func yearEarlier(t time.Time) time.Time {
	y := time.Date(t.Year()-1, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if y.Month() != t.Month() {
		y = time.Date(t.Year()-1, t.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	}
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
