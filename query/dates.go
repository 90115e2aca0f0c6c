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
	LastNDays   Relative = "last_n_days" // the N days ending yesterday
	ThisWeek    Relative = "this_week"
	LastWeek    Relative = "last_week"
	ThisMonth   Relative = "this_month" // month to date
	LastMonth   Relative = "last_month"
	ThisQuarter Relative = "this_quarter"
	LastQuarter Relative = "last_quarter"
	ThisYear    Relative = "this_year" // year to date
	LastYear    Relative = "last_year"
)

// YearToDate and MonthToDate are the "to date" names of ThisYear and ThisMonth.
const (
	YearToDate  = ThisYear
	MonthToDate = ThisMonth
)

// Valid reports whether r is a known relative range.
func (r Relative) Valid() bool {
	switch r {
	case Today, Yesterday, LastNDays, ThisWeek, LastWeek, ThisMonth, LastMonth, ThisQuarter, LastQuarter, ThisYear, LastYear:
		return true
	}
	return false
}

// DateRange is an inclusive range of dates: absolute (From, To) or Relative to the
// compiler's clock, optionally shifted to the previous period of equal length.
type DateRange struct {
	From, To time.Time // absolute bounds, inclusive; used when Relative is empty
	Relative Relative
	N        int // days, for LastNDays
	// Previous shifts the range to the period of equal length just before it: the
	// comparison period of a KPI.
	Previous bool
}

// Dates returns an absolute range from from to to, inclusive.
func Dates(from, to time.Time) DateRange { return DateRange{From: from, To: to} }

// Last returns a relative range such as Last(LastMonth) or Last(LastNDays, 30).
func Last(r Relative, n ...int) DateRange {
	d := DateRange{Relative: r}
	if len(n) > 0 {
		d.N = n[0]
	}
	return d
}

// PreviousPeriod returns r shifted to the period of equal length just before it.
func (r DateRange) PreviousPeriod() DateRange { r.Previous = true; return r }

// Resolve returns the range's inclusive bounds as dates, given today's date.
func (r DateRange) Resolve(now time.Time) (from, to time.Time, err error) {
	today := day(now)
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
	case LastNDays:
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
