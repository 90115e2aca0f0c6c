package dashboard_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

func TestPresetRange(t *testing.T) {
	// The demo data: two whole years, read a year later (its clock is past it).
	first, last := date("2024-01-01"), date("2025-12-31")
	later := date("2026-12-07").Add(9 * time.Hour)
	// A live warehouse: data to today, 15 August 2025 at noon (today is not over).
	liveLast := date("2025-08-15")
	liveNow := liveLast.Add(12 * time.Hour)
	cases := []struct {
		name             string
		p                dashboard.Preset
		first, last, now time.Time
		from, to         string
		ok               bool
	}{
		{"30 days end on the last day", dashboard.PresetLast30Days, first, last, later, "2025-12-02", "2025-12-31", true},
		{"this quarter to date", dashboard.PresetThisQuarter, first, last, later, "2025-10-01", "2025-12-31", true},
		{"a quarter the data closes is the last quarter", dashboard.PresetLastQuarter, first, last, later, "2025-10-01", "2025-12-31", true},
		{"year to date", dashboard.PresetYTD, first, last, later, "2025-01-01", "2025-12-31", true},
		{"a year the data closes is the last year", dashboard.PresetLastYear, first, last, later, "2025-01-01", "2025-12-31", true},
		{"all", dashboard.PresetAll, first, last, later, "2024-01-01", "2025-12-31", true},
		{"31 Dec not over yet: 2025 is not complete", dashboard.PresetLastYear, first, last, last.Add(20 * time.Hour), "2024-01-01", "2024-12-31", true},
		{"31 Dec not over yet: Q4 is not complete", dashboard.PresetLastQuarter, first, last, last.Add(20 * time.Hour), "2025-07-01", "2025-09-30", true},
		{"live: this quarter", dashboard.PresetThisQuarter, first, liveLast, liveNow, "2025-07-01", "2025-08-15", true},
		{"live: last quarter", dashboard.PresetLastQuarter, first, liveLast, liveNow, "2025-04-01", "2025-06-30", true},
		{"live: last year", dashboard.PresetLastYear, first, liveLast, liveNow, "2024-01-01", "2024-12-31", true},
		{"live: ytd", dashboard.PresetYTD, first, liveLast, liveNow, "2025-01-01", "2025-08-15", true},
		{"live: 30 days", dashboard.PresetLast30Days, first, liveLast, liveNow, "2025-07-17", "2025-08-15", true},
		{"no complete year in the data", dashboard.PresetLastYear, date("2025-03-01"), liveLast, liveNow, "", "", false},
		{"a quarter starting before the data is not complete", dashboard.PresetLastQuarter, date("2025-05-01"), liveLast, liveNow, "", "", false},
		{"30 days may start before the data", dashboard.PresetLast30Days, date("2025-08-10"), liveLast, liveNow, "2025-07-17", "2025-08-15", true},
		{"no data", dashboard.PresetAll, time.Time{}, time.Time{}, later, "", "", false},
		{"unknown preset", dashboard.Preset("fortnight"), first, last, later, "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			from, to, ok := c.p.Range(c.first, c.last, c.now)
			require.Equal(t, c.ok, ok)
			if !c.ok {
				return
			}
			require.Equal(t, c.from, from.Format(time.DateOnly))
			require.Equal(t, c.to, to.Format(time.DateOnly))
		})
	}
}

func TestDefaultRange(t *testing.T) {
	cases := []struct {
		name, first, last, from, to string
	}{
		{"the last complete year", "2024-01-01", "2025-12-31", "2025-01-01", "2025-12-31"},
		{"mid-year data: the year before", "2023-06-01", "2025-06-30", "2024-01-01", "2024-12-31"},
		{"no complete year: all of it", "2025-02-01", "2025-06-30", "2025-02-01", "2025-06-30"},
	}
	now := date("2026-12-07")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			from, to, ok := dashboard.DefaultRange(date(c.first), date(c.last), now)
			require.True(t, ok)
			require.Equal(t, c.from, from.Format(time.DateOnly))
			require.Equal(t, c.to, to.Format(time.DateOnly))
		})
	}
}

func TestParsePreset(t *testing.T) {
	cases := []struct {
		in   string
		want dashboard.Preset
		err  string
	}{
		{"ytd", dashboard.PresetYTD, ""},
		{" Last-Year ", dashboard.PresetLastYear, ""},
		{"last-30-days", dashboard.PresetLast30Days, ""},
		{"yesterday", "", `period "yesterday" (valid: last-30-days, this-quarter, last-quarter, ytd, last-year, all)`},
		{"", "", `period ""`},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			p, err := dashboard.ParsePreset(c.in)
			if c.err != "" {
				require.ErrorIs(t, err, dashboard.ErrInvalidFilter)
				require.ErrorContains(t, err, c.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.want, p)
		})
	}
	for _, p := range dashboard.Presets() {
		require.True(t, p.Valid(), p)
		require.NotEqual(t, string(p), p.Label(), "every preset has a label")
	}
	require.False(t, dashboard.Preset("").Valid())
}

// A preset resolves against the data's first and last days; the clock only
// says whether the last day is over.
func ExamplePreset_Range() {
	first, last := date("2024-01-01"), date("2025-08-15")
	now := date("2025-08-16")
	for _, p := range dashboard.Presets() {
		from, to, _ := p.Range(first, last, now)
		fmt.Printf("%-12s %-13s %s – %s\n", p, p.Label(), from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	// Output:
	// last-30-days Last 30 days  2025-07-17 – 2025-08-15
	// this-quarter This quarter  2025-07-01 – 2025-08-15
	// last-quarter Last quarter  2025-04-01 – 2025-06-30
	// ytd          Year to date  2025-01-01 – 2025-08-15
	// last-year    Last year     2024-01-01 – 2024-12-31
	// all          All           2024-01-01 – 2025-08-15
}
