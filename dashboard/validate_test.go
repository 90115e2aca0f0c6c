package dashboard_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

func TestBadFiltersGiveOneClearError(t *testing.T) {
	t.Parallel()
	d := newDash(t, shared(t).DB(), dashboard.Options{})
	ctx := context.Background()
	for _, c := range []struct {
		f    dashboard.Filter
		want string
	}{
		{dashboard.Filter{Regions: []string{"Nowhere"}}, `unknown region "Nowhere" (valid: East, North, South, West)`},
		{dashboard.Filter{Categories: []string{"sports"}}, `unknown category "sports" (valid: AUTOMOTIVE, BEAUTY, BOOKS, CLOTHING, ELECTRONICS, GROCERY, HOME, OFFICE, SPORTS, TOYS)`},
		{dashboard.Filter{Segments: []string{"Gov"}}, `unknown segment "Gov" (valid: Consumer, Enterprise, SMB)`},
		{dashboard.Filter{Channel: "Mail"}, `unknown channel "Mail" (valid: Online, Partner, Phone, Retail)`},
		{dashboard.Filter{Reps: []int64{51}}, `unknown rep 51 (valid: ids 1 to 50)`},
		{dashboard.Filter{Products: []int64{0}}, `unknown product 0 (valid: ids 1 to 500)`},
		{dashboard.Filter{From: date("2025-03-01"), To: date("2025-02-01")}, `from 2025-03-01 is after to 2025-02-01`},
		{dashboard.Filter{From: date("2026-03-01")}, `from 2026-03-01 is after to 2025-12-31`},
		{dashboard.Filter{From: date("2023-01-01"), To: date("2023-12-31")}, `2023-01-01 to 2023-12-31 is outside the data (2024-01-01 to 2025-12-31)`},
	} {
		_, err := d.Executive(ctx, c.f, dashboard.ExecutiveOptions{})
		require.ErrorIs(t, err, dashboard.ErrInvalidFilter, c.f.String())
		require.ErrorContains(t, err, c.want)
		_, err = d.Customers(ctx, c.f, dashboard.CustomersOptions{})
		require.ErrorContains(t, err, c.want)
	}
	_, err := d.Regional(ctx, dashboard.Filter{}, dashboard.RegionalOptions{Compare: "lastweek"})
	require.ErrorContains(t, err, `compare "lastweek" (valid: previous, year, none)`)
	_, err = d.Product(ctx, dashboard.Filter{}, dashboard.ProductOptions{TopN: -1})
	require.ErrorContains(t, err, "TopN -1 cannot be negative")
}

// TestEmptyStateIsNotAnError: a filter that selects no orders gives empty tables
// and zero totals, not an error.
func TestEmptyStateIsNotAnError(t *testing.T) {
	t.Parallel()
	d := newDash(t, shared(t).DB(), dashboard.Options{})
	f := dashboard.Filter{From: date("2025-03-01"), To: date("2025-03-01"), Products: []int64{1}, Customers: []int64{1}}
	v, err := d.Executive(context.Background(), f, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	require.True(t, v.Totals.Revenue.IsZero())
	require.False(t, v.Totals.AOV.Valid)
	require.Empty(t, v.Regions)
	require.False(t, v.KPIs[0].Change.Pct.Valid, "a zero base has no percentage, never 0%")
	c, err := d.Customers(context.Background(), f, dashboard.CustomersOptions{})
	require.NoError(t, err)
	require.Empty(t, c.Top)
}

// TestPartialPeriodsAreFlagged: a range past the last day of data is partial, and
// so is its comparison; a year-earlier comparison before the data is missing.
func TestPartialPeriodsAreFlagged(t *testing.T) {
	t.Parallel()
	d := newDash(t, shared(t).DB(), dashboard.Options{})
	ctx := context.Background()
	v, err := d.Executive(ctx, dashboard.Filter{From: date("2025-12-01"), To: date("2026-01-31")}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	require.True(t, v.Period.Partial)
	require.True(t, v.Comparison.Partial)
	require.False(t, v.Comparison.Missing)
	require.True(t, v.Trend[len(v.Trend)-1].Partial || v.Trend[len(v.Trend)-1].Month.Equal(date("2025-12-01")))

	y, err := d.Executive(ctx, dashboard.Filter{From: date("2024-02-01"), To: date("2024-02-29")}, dashboard.ExecutiveOptions{Compare: dashboard.CompareYear})
	require.NoError(t, err)
	require.False(t, y.Period.Partial)
	require.True(t, y.Comparison.Missing)
	require.Equal(t, date("2023-02-28"), y.Comparison.To)
	require.Nil(t, y.Base)
	for _, k := range y.KPIs {
		require.False(t, k.Change.Comparable(), "%s: no data a year earlier means no comparison", k.Name)
	}
	require.Equal(t, date("2024-02-01"), y.ToDate[0].Period.From)
	require.True(t, y.ToDate[0].YearAgo.Missing)

	n, err := d.Executive(ctx, dashboard.Filter{}, dashboard.ExecutiveOptions{Compare: dashboard.CompareNone})
	require.NoError(t, err)
	require.Nil(t, n.Comparison)
	require.False(t, n.KPIs[0].Change.Comparable())
}
