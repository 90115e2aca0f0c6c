package query_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

func TestCalendarRanges(t *testing.T) {
	t.Parallel()
	d := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
	now := d("2026-01-01")
	for _, tc := range []struct {
		r        query.DateRange
		from, to string
	}{
		{query.Year(2025), "2025-01-01", "2025-12-31"},
		{query.Quarter(2024, 3), "2024-07-01", "2024-09-30"},
		{query.Quarter(2024, 4), "2024-10-01", "2024-12-31"},
		{query.Month(2024, time.February), "2024-02-01", "2024-02-29"},
		{query.Month(2025, time.December), "2025-12-01", "2025-12-31"},
		{query.Day(d("2025-03-04")), "2025-03-04", "2025-03-04"},
		{query.LastNDays(30), "2025-12-02", "2025-12-31"},
		// The previous period has equal length: 365 days before 2025 end on 2024-12-31
		// and start on 2024-01-02, since 2024 has 366 days.
		{query.Year(2025).PreviousPeriod(), "2024-01-02", "2024-12-31"},
	} {
		from, to, err := tc.r.Resolve(now)
		require.NoError(t, err)
		require.Equal(t, tc.from, from.Format(time.DateOnly))
		require.Equal(t, tc.to, to.Format(time.DateOnly))
	}
}

func TestDateRangesRefuseAmbiguity(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	both := query.Year(2025)
	both.Relative = query.LastMonth
	_, _, err := both.Resolve(now)
	require.ErrorContains(t, err, "either From/To or Relative (last_month), not both")

	n := query.Last(query.LastMonth)
	n.N = 7
	_, _, err = n.Resolve(now)
	require.ErrorContains(t, err, "N (7 days) only goes with LastNDays")

	_, _, err = query.Quarter(2025, 5).Resolve(now)
	require.ErrorContains(t, err, "quarter 5 is not 1, 2, 3 or 4")
}

func TestColumnsAreNamedAsAsked(t *testing.T) {
	t.Parallel()
	c := compiler(t, "duckdb")
	q, err := c.Compile(query.Request{Metrics: []string{"revenue", "Order_Count"}, Dimensions: []string{"territory"},
		OrderBy: []query.Order{query.Desc("total_revenue")}})
	require.NoError(t, err)
	var names []string
	for _, col := range q.Columns {
		names = append(names, col.Name)
	}
	require.Equal(t, []string{"territory", "revenue", "order_count"}, names)
	require.Contains(t, q.SQL, `ORDER BY "revenue" DESC`, "order by resolves the model name to the asked column")
	require.NotContains(t, q.SQL, "CAST((", "no doubled parentheses inside CAST")
}

func TestOneCompilerRendersForEitherDialect(t *testing.T) {
	t.Parallel()
	duck := compiler(t, "duckdb")
	sf, err := duck.For("snowflake")
	require.NoError(t, err)
	again, err := duck.For("snowflake")
	require.NoError(t, err)
	require.Same(t, sf, again, "prepared once")
	back, err := sf.For("duckdb")
	require.NoError(t, err)
	require.Same(t, duck, back)
	req := query.Request{Metrics: []string{"revenue"}, Dates: &query.DateFilter{Range: query.Last(query.LastMonth)}}
	want, err := compiler(t, "snowflake").Compile(req)
	require.NoError(t, err)
	got, err := sf.Compile(req)
	require.NoError(t, err)
	require.Equal(t, want.SQL, got.SQL)
	require.Equal(t, want.Args, got.Args, "the same clock")
	_, err = duck.For("oracle")
	require.ErrorIs(t, err, query.ErrInvalidRequest)
}

func TestCountOfTheUniqueKeyNeedsNoDistinct(t *testing.T) {
	t.Parallel()
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: "duckdb", NoRollups: true})
	require.NoError(t, err)
	q, err := c.Compile(query.Request{Metrics: []string{"order_count", "distinct_customers"}})
	require.NoError(t, err)
	require.Contains(t, q.SQL, `COUNT("orders"."ORDER_ID")`, "ORDER_ID is the orders table's primary key")
	require.Contains(t, q.SQL, `COUNT(DISTINCT "orders"."CUSTOMER_ID")`, "a customer has many orders")
}
