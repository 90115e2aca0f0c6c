package dashboard

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func d(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

func TestChangeOf(t *testing.T) {
	t.Parallel()
	dec := decimal.RequireFromString
	c := changeOf(dec("110.00"), valid(dec("100.00")))
	require.Equal(t, "10", c.Delta.Decimal.String())
	require.Equal(t, "0.1", c.Pct.Decimal.String())
	c = changeOf(dec("5"), valid(decimal.Zero))
	require.True(t, c.Delta.Valid)
	require.False(t, c.Pct.Valid, "zero base: no percentage")
	c = changeOf(dec("5"), decimal.NullDecimal{})
	require.False(t, c.Base.Valid || c.Delta.Valid || c.Pct.Valid)
	c = changeOf(dec("1"), valid(dec("3")))
	require.Equal(t, "-0.6667", c.Pct.Decimal.String(), "rounded half away from zero to 4 places")
}

func TestComparisonPeriods(t *testing.T) {
	t.Parallel()
	b := bounds{d("2024-01-01"), d("2025-12-31")}
	p := b.period(d("2025-03-01"), d("2025-03-31"), false)
	prev, _ := comparison(p, ComparePrevious, b)
	require.Equal(t, d("2025-01-29"), prev.From)
	require.Equal(t, d("2025-02-28"), prev.To)
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

func TestProratedQuota(t *testing.T) {
	t.Parallel()
	m := decimal.RequireFromString("10000.00")
	require.Equal(t, "120000", prorated(m, d("2025-01-01"), d("2025-12-31")).String())
	require.Equal(t, "5000", prorated(m, d("2025-04-01"), d("2025-04-15")).String())
	require.Equal(t, "3225.81", prorated(m, d("2025-01-01"), d("2025-01-10")).String())
}
