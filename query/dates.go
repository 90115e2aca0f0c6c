package query

import (
	"fmt"
	"time"
)

// Relative names a date range relative to today.
type Relative string

// The relative ranges. Weeks start on Monday. "Last" ranges end yesterday: the
// current day is not complete.
const (
	Today       Relative = "today"
	Yesterday   Relative = "yesterday"
	LastDays    Relative = "last_n_days" // the N days ending yesterday: see [LastNDays]
	ThisWeek    Relative = "this_week"
	LastWeek    Relative = "last_week"
	ThisMonth   Relative = "this_month" // month to date
	LastMonth   Relative = "last_month"
	ThisQuarter Relative = "this_quarter"
	LastQuarter Relative = "last_quarter"
	ThisYear    Relative = "this_year" // year to date
	LastYear    Relative = "last_year"
)

// YearToDate, QuarterToDate and MonthToDate are the "to date" names of
// ThisYear, ThisQuarter and ThisMonth: against the compiler's clock.
const (
	YearToDate    = ThisYear
	QuarterToDate = ThisQuarter
	MonthToDate   = ThisMonth
)

// Valid reports whether r is a known relative range.
func (r Relative) Valid() bool {
	switch r {
	case Today, Yesterday, LastDays, ThisWeek, LastWeek, ThisMonth, LastMonth, ThisQuarter, LastQuarter, ThisYear, LastYear:
		return true
	}
	return false
}

// DateRange is an inclusive range of dates: absolute (From, To) or Relative to the
// compiler's clock, optionally shifted to the previous period of equal length.
type DateRange struct {
	From, To time.Time // absolute bounds, inclusive; used when Relative is empty
	Relative Relative
	N        int // days, for LastDays
	// Previous shifts the range to the period of equal length just before it: the
	// comparison period of a KPI.
	Previous bool

	badQuarter int // set by Quarter for a quarter outside 1–4
}

// Dates returns an absolute range from from to to, inclusive.
func Dates(from, to time.Time) DateRange { return DateRange{From: from, To: to} }

// Last returns a range relative to the compiler's clock, such as Last(LastMonth)
// or Last(YearToDate). For the last n days use [LastNDays].
func Last(r Relative) DateRange { return DateRange{Relative: r} }

// LastNDays returns the n days ending yesterday.
func LastNDays(n int) DateRange { return DateRange{Relative: LastDays, N: n} }

// Year returns the calendar year y.
func Year(y int) DateRange {
	return Dates(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
}

// Quarter returns quarter q (1–4) of year y. A q outside 1–4 gives a range that
// Resolve refuses.
func Quarter(y, q int) DateRange {
	if q < 1 || q > 4 {
		return DateRange{badQuarter: q}
	}
	from := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
	return Dates(from, from.AddDate(0, 3, -1))
}

// Month returns month m of year y.
func Month(y int, m time.Month) DateRange {
	from := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	return Dates(from, from.AddDate(0, 1, -1))
}

// Day returns the one day d.
func Day(d time.Time) DateRange { return Dates(d, d) }

// PreviousPeriod returns r shifted to the period of equal length just before it.
func (r DateRange) PreviousPeriod() DateRange { r.Previous = true; return r }

// Resolve returns the range's inclusive bounds as dates, given today's date.
func (r DateRange) Resolve(now time.Time) (from, to time.Time, err error) {
	today := day(now)
	if r.badQuarter != 0 {
		return from, to, fmt.Errorf("quarter %d is not 1, 2, 3 or 4", r.badQuarter)
	}
	if r.Relative != "" && (!r.From.IsZero() || !r.To.IsZero()) {
		return from, to, fmt.Errorf("a date range is either From/To or Relative (%s), not both", r.Relative)
	}
	if r.N != 0 && r.Relative != LastDays {
		return from, to, fmt.Errorf("N (%d days) only goes with LastNDays, not %q", r.N, r.Relative)
	}
	switch r.Relative {
	case "":
		if r.From.IsZero() || r.To.IsZero() {
			return from, to, fmt.Errorf("a date range needs From and To, or a Relative range")
		}
		from, to = day(r.From), day(r.To)
	case Today:
		from, to = today, today
	case Yesterday:
		from, to = today.AddDate(0, 0, -1), today.AddDate(0, 0, -1)
	case LastDays:
		if r.N <= 0 {
			return from, to, fmt.Errorf("last_n_days needs a positive number of days, got %d", r.N)
		}
		from, to = today.AddDate(0, 0, -r.N), today.AddDate(0, 0, -1)
	case ThisWeek:
		from, to = monday(today), today
	case LastWeek:
		from = monday(today).AddDate(0, 0, -7)
		to = from.AddDate(0, 0, 6)
	case ThisMonth:
		from, to = firstOfMonth(today), today
	case LastMonth:
		from = firstOfMonth(today).AddDate(0, -1, 0)
		to = firstOfMonth(today).AddDate(0, 0, -1)
	case ThisQuarter:
		from, to = firstOfQuarter(today), today
	case LastQuarter:
		from = firstOfQuarter(today).AddDate(0, -3, 0)
		to = firstOfQuarter(today).AddDate(0, 0, -1)
	case ThisYear:
		from, to = time.Date(today.Year(), 1, 1, 0, 0, 0, 0, time.UTC), today
	case LastYear:
		from = time.Date(today.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC)
		to = time.Date(today.Year()-1, 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		return from, to, fmt.Errorf("unknown relative range %q (valid: today, yesterday, last_n_days, this_week, last_week, this_month, last_month, this_quarter, last_quarter, this_year, last_year)", r.Relative)
	}
	if to.Before(from) {
		return from, to, fmt.Errorf("the date range starts %s, after it ends %s", from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	if r.Previous {
		days := int(to.Sub(from)/(24*time.Hour)) + 1
		from, to = from.AddDate(0, 0, -days), from.AddDate(0, 0, -1)
	}
	return from, to, nil
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func firstOfQuarter(t time.Time) time.Time {
	return time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
}
