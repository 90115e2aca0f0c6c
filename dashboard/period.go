package dashboard

import (
	"fmt"
	"strings"
	"time"
)

// Preset names a date range by what a person says ("last quarter") instead of
// two dates. The web dashboard's period buttons and the terminal programs'
// -period flag take the same words.
//
// A preset is resolved against the data, not the wall clock alone: demo data
// that ends on 31 December 2025 still has a "last quarter" a year later. The
// clock only says whether the last day of data is over (a live warehouse loads
// today's orders as they come, so today is not yet a complete day).
type Preset string

// The presets.
const (
	// PresetLast30Days is the 30 days that end on the last day of data.
	PresetLast30Days Preset = "last-30-days"
	// PresetThisQuarter runs from the first day of the quarter holding the
	// last day of data to that day (quarter to date).
	PresetThisQuarter Preset = "this-quarter"
	// PresetLastQuarter is the latest calendar quarter the data covers
	// completely.
	PresetLastQuarter Preset = "last-quarter"
	// PresetYTD runs from 1 January of the last day of data's year to that day.
	PresetYTD Preset = "ytd"
	// PresetLastYear is the latest calendar year the data covers completely;
	// the dashboards open on it.
	PresetLastYear Preset = "last-year"
	// PresetAll is every day of data.
	PresetAll Preset = "all"
)

// DefaultPreset is the range a page or program shows when none is asked for:
// the last complete year, which the views compare with the year before, so the
// first screen shows growth. (A rolling twelve months would be as complete, but
// a calendar year is what budgets, quotas and annual reports are counted in,
// and its comparison is the calendar year before.)
const DefaultPreset = PresetLastYear

// Presets lists every preset in the order a page shows them.
func Presets() []Preset {
	return []Preset{PresetLast30Days, PresetThisQuarter, PresetLastQuarter, PresetYTD, PresetLastYear, PresetAll}
}

// Valid reports whether p is a known preset.
func (p Preset) Valid() bool {
	switch p {
	case PresetLast30Days, PresetThisQuarter, PresetLastQuarter, PresetYTD, PresetLastYear, PresetAll:
		return true
	}
	return false
}

// ParsePreset reads a preset name, ignoring case and surrounding space, with an
// error listing the valid names. An underscore reads as a hyphen: last_year,
// as the query tool's -period spells it, is last-year.
func ParsePreset(s string) (Preset, error) {
	p := Preset(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-"))
	if !p.Valid() {
		names := make([]string, 0, len(Presets()))
		for _, q := range Presets() {
			names = append(names, string(q))
		}
		return "", fmt.Errorf("%w: period %q (valid: %s)", ErrInvalidFilter, s, strings.Join(names, ", "))
	}
	return p, nil
}

// Label is the preset as a person reads it: "Last 30 days".
func (p Preset) Label() string {
	switch p {
	case PresetLast30Days:
		return "Last 30 days"
	case PresetThisQuarter:
		return "This quarter"
	case PresetLastQuarter:
		return "Last quarter"
	case PresetYTD:
		return "Year to date"
	case PresetLastYear:
		return "Last year"
	case PresetAll:
		return "All"
	}
	return string(p)
}

// Range returns the first and last days of p for data that runs from first to
// last (days, as [Catalog.First] and [Catalog.Last]), at the time now. ok is
// false when there is no such range: no data, or no complete quarter or year in
// it. The range may start before the first day of data (the last 30 days of a
// week of data); the views then flag it partial.
func (p Preset) Range(first, last, now time.Time) (from, to time.Time, ok bool) {
	if first.IsZero() || last.IsZero() || last.Before(first) {
		return time.Time{}, time.Time{}, false
	}
	first, last = day(first), day(last)
	switch p {
	case PresetLast30Days:
		return last.AddDate(0, 0, -29), last, true
	case PresetThisQuarter:
		return QuarterToDate.Start(last), last, true
	case PresetYTD:
		return YearToDate.Start(last), last, true
	case PresetAll:
		return first, last, true
	case PresetLastQuarter, PresetLastYear:
		months := 3
		if p == PresetLastYear {
			months = 12
		}
		return lastComplete(first, completeThrough(last, now), months)
	}
	return time.Time{}, time.Time{}, false
}

// completeThrough is the last day of data that is over at now: last itself
// once now has passed it, the day before while last is still today.
func completeThrough(last, now time.Time) time.Time {
	if now.IsZero() || !now.Before(last.AddDate(0, 0, 1)) {
		return last
	}
	return last.AddDate(0, 0, -1)
}

// lastComplete returns the latest calendar block of months (3: a quarter, 12: a
// year) that lies inside [first, through].
func lastComplete(first, through time.Time, months int) (time.Time, time.Time, bool) {
	start := QuarterToDate.Start(through)
	if months == 12 {
		start = YearToDate.Start(through)
	}
	end := start.AddDate(0, months, -1)
	if end.After(through) {
		start, end = start.AddDate(0, -months, 0), start.AddDate(0, 0, -1)
	}
	if start.Before(first) {
		return time.Time{}, time.Time{}, false
	}
	return start, end, true
}

// DefaultRange is the range a view opens on for data from first to last at
// now: [DefaultPreset], or every day of data when the data holds no complete
// year.
func DefaultRange(first, last, now time.Time) (from, to time.Time, ok bool) {
	if from, to, ok = DefaultPreset.Range(first, last, now); ok {
		return from, to, true
	}
	return PresetAll.Range(first, last, now)
}
