package dashboard

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func d(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

func TestComparisonPeriods(t *testing.T) {
	t.Parallel()
	b := bounds{d("2024-01-01"), d("2025-12-31")}
	p := b.period(d("2025-03-01"), d("2025-03-31"), false)
	prev, _ := comparison(p, ComparePrevious, b)
	require.Equal(t, d("2025-02-01"), prev.From, "a month's previous period is the previous month")
	require.Equal(t, d("2025-02-28"), prev.To)
	for _, c := range []struct{ from, to, pfrom, pto string }{
		{"2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31"}, // a year: the previous calendar year
		{"2025-04-01", "2025-06-30", "2025-01-01", "2025-03-31"}, // a quarter: the previous quarter
		{"2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29"}, // a month: the previous month, whatever its length
		{"2025-03-10", "2025-03-19", "2025-02-28", "2025-03-09"}, // other ranges: as many days just before
		{"2025-01-01", "2025-12-30", "2024-01-03", "2024-12-31"}, // 364 days; 2024 has 366
	} {
		prev, _ := comparison(b.period(d(c.from), d(c.to), false), ComparePrevious, b)
		require.Equal(t, [2]time.Time{d(c.pfrom), d(c.pto)}, [2]time.Time{prev.From, prev.To}, "%s to %s", c.from, c.to)
	}
	yr, _ := comparison(p, CompareYear, b)
	require.Equal(t, d("2024-03-01"), yr.From)
	require.Equal(t, d("2024-03-31"), yr.To)
	require.Equal(t, d("2023-02-28"), yearEarlier(d("2024-02-29")))
	_, ok := comparison(p, CompareNone, b)
	require.False(t, ok)
	part := b.period(d("2025-12-15"), d("2026-01-14"), false)
	require.True(t, part.Partial)
	prev, _ = comparison(part, ComparePrevious, b)
	require.True(t, prev.Partial, "the comparison of a partial period is flagged too")
	require.Equal(t, QuarterToDate.Start(d("2025-08-17")), d("2025-07-01"))
}
