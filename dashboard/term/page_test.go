package term

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPeriod(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		p    dashboard.Period
		want string
	}{
		{dashboard.Period{From: day("2025-01-01"), To: day("2025-12-31")}, "2025-01-01 – 2025-12-31 (365 days)"},
		{dashboard.Period{From: day("2024-01-01"), To: day("2024-12-31")}, "2024-01-01 – 2024-12-31 (366 days)"},
		{dashboard.Period{From: day("2025-03-09"), To: day("2025-03-09")}, "2025-03-09 – 2025-03-09 (1 day)"},
		{dashboard.Period{From: day("2025-12-01"), To: day("2026-01-31"), Partial: true}, "2025-12-01 – 2026-01-31 (62 days), partial"},
		{dashboard.Period{From: day("2021-01-01"), To: day("2021-01-31"), Missing: true, Partial: true}, "2021-01-01 – 2021-01-31 (31 days), no data"},
		{dashboard.Period{From: day("2020-01-01"), To: day("2025-12-31")}, "2020-01-01 – 2025-12-31 (2,192 days)"},
	} {
		require.Equal(t, c.want, period(c.p))
	}
}

func TestMonth(t *testing.T) {
	t.Parallel()
	require.Equal(t, "2025-03", month(dashboard.MonthPoint{Month: day("2025-03-01")}))
	require.Equal(t, "2025-12*", month(dashboard.MonthPoint{Month: day("2025-12-01"), Partial: true}))
}

func TestShareBar(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		share string
		want  string
	}{
		{"1", "████████████████████"},
		{"0.5", "██████████"},
		{"0.05", "█"},
		{"0.0125", "▎"}, // 2 eighths
		{"0.0001", "▏"}, // rounds to nothing, still visible
		{"0.6040", "████████████▏"}, // 96.64 → 97 eighths
	} {
		require.Equal(t, c.want, ShareBar(decimal.NewNullDecimal(decimal.RequireFromString(c.share))), c.share)
	}
	require.Empty(t, ShareBar(decimal.NullDecimal{}), "no share, no bar")
	require.Empty(t, ShareBar(decimal.NewNullDecimal(decimal.Zero)))
	require.Empty(t, ShareBar(decimal.NewNullDecimal(decimal.RequireFromString("-0.2"))), "a negative share draws nothing")
}

func TestMoneyAndShareOfNothing(t *testing.T) {
	t.Parallel()
	require.Equal(t, termui.NotApplicable, money(decimal.NullDecimal{}))
	require.Equal(t, "$1,234,567.89", money(decimal.NewNullDecimal(decimal.RequireFromString("1234567.89"))))
	require.Equal(t, termui.NotApplicable, share(decimal.NullDecimal{}))
	require.Equal(t, "previous period", compareName(dashboard.ComparePrevious))
	require.Equal(t, "a year earlier", compareName(dashboard.CompareYear))
}

func ExampleShareBar() {
	for _, s := range []string{"0.604", "0.296", "0.1"} {
		fmt.Printf("%5s %s\n", s, ShareBar(decimal.NewNullDecimal(decimal.RequireFromString(s))))
	}
	// Output:
	// 0.604 ████████████▏
	// 0.296 █████▉
	//   0.1 ██
}
