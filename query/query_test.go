package query_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

func compiler(tb testing.TB, d dialect.Dialect) *query.Compiler {
	tb.Helper()
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: d, Now: func() time.Time { return querytest.Now() }})
	require.NoError(tb, err)
	return c
}

func TestGoldenSQL(t *testing.T) {
	t.Parallel()
	cases := append(querytest.All(), querytest.Layers()...)
	require.GreaterOrEqual(t, len(cases), 25)
	for _, d := range dialect.All() {
		c := compiler(t, d)
		for _, tc := range cases {
			t.Run(string(d)+"/"+tc.Name, func(t *testing.T) {
				q, err := c.Compile(tc.Req)
				require.NoError(t, err)
				require.Equal(t, strings.Count(q.SQL, "?"), len(q.Args), "one argument per placeholder")
				again, err := c.Compile(tc.Req)
				require.NoError(t, err)
				require.Equal(t, q.SQL, again.SQL, "deterministic")
				golden.Check(t, filepath.Join("testdata", string(d), tc.Name+".sql"), []byte(q.Explain()))
			})
		}
	}
}

func TestErrorsNameTheFieldAndTheValidOnes(t *testing.T) {
	t.Parallel()
	c := compiler(t, dialect.DuckDB)
	for _, tc := range []struct {
		name string
		req  query.Request
		msg  []string
	}{
		{"unknown metric", query.Request{Metrics: []string{"revenu"}},
			[]string{"metric: semantic: unknown metric \"revenu\"; did you mean \"revenue\"?", "total_revenue"}},
		{"dimension given as metric", query.Request{Metrics: []string{"region"}}, []string{"unknown metric \"region\""}},
		{"unknown dimension", query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"regoin"}},
			[]string{"dimension:", `did you mean "region"?`}},
		{"wrong grain", query.Request{Metrics: []string{"revenue"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: "fortnight"}},
			[]string{`time grain "fortnight" is not valid (valid: day, week, month, quarter, year)`}},
		{"grain finer than a year number", query.Request{Metrics: []string{"revenue"}, Time: &query.TimeGrain{Dimension: "order_year", Grain: dialect.Month}},
			[]string{"order_year holds a year number; it only takes the year grain, not month"}},
		{"text field, number value", query.Request{Metrics: []string{"revenue"}, Where: query.Eq("region", 3)},
			[]string{"filter on region: value 1: a text field takes a string, not int"}},
		{"money field, float value", query.Request{Metrics: []string{"revenue"}, Where: query.Gt("net_amount", 12.5)},
			[]string{"float64 12.5 is not exact"}},
		{"date field, bad date", query.Request{Metrics: []string{"revenue"}, Where: query.Gt("order_date", "yesterday")},
			[]string{`a date field takes a time.Time or "YYYY-MM-DD"`}},
		{"like on a number", query.Request{Metrics: []string{"revenue"}, Where: query.Like("quantity", "1%")},
			[]string{"LIKE needs a text field"}},
		{"between arity", query.Request{Metrics: []string{"revenue"}, Where: query.Cmp{Field: "quantity", Op: query.OpBetween, Values: []any{1}}},
			[]string{"BETWEEN takes two values, got 1"}},
		{"metric in where", query.Request{Metrics: []string{"revenue"}, Where: query.Gt("total_revenue", 1)},
			[]string{"filter: semantic: unknown dimension or time dimension or fact \"total_revenue\""}},
		{"dimension in having", query.Request{Metrics: []string{"revenue"}, Having: query.Eq("region", "North")},
			[]string{"having: semantic: unknown metric \"region\""}},
		{"order by a field not selected", query.Request{Metrics: []string{"revenue"}, OrderBy: []query.Order{query.Desc("orders")}},
			[]string{`cannot order by "orders": it is not an output column (columns: revenue)`}},
		{"unknown named filter", query.Request{Metrics: []string{"revenue"}, Filters: []string{"vip"}}, []string{"named filter: semantic: unknown filter \"vip\""}},
		{"empty request", query.Request{}, []string{"needs at least one metric, dimension or time grain"}},
		{"negative limit", query.Request{Metrics: []string{"revenue"}, Limit: -1}, []string{"cannot be negative"}},
		{"inverted dates", query.Request{Metrics: []string{"revenue"}, Dates: &query.DateFilter{Range: query.Dates(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))}},
			[]string{"the date range starts 2025-02-01, after it ends 2025-01-01"}},
		{"fact as metric", query.Request{Metrics: []string{"discount_pct"}}, []string{"metric: orders.discount_pct is a fact, a value per row, not a metric; use a metric over it: average_discount"}},
		{"twice", query.Request{Metrics: []string{"revenue", "total_revenue"}}, []string{`orders.total_revenue is requested twice, as "revenue" and "total_revenue"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := c.Compile(tc.req)
			require.Nil(t, q, "no SQL for a refused request")
			require.ErrorIs(t, err, query.ErrInvalidRequest)
			for _, m := range tc.msg {
				require.ErrorContains(t, err, m)
			}
		})
	}
	_, err := c.Compile(query.Request{Metrics: []string{"revenu"}})
	require.True(t, errors.Is(err, semantic.ErrUnknownField))
	var lerr *semantic.LookupError
	require.ErrorAs(t, err, &lerr)
	require.Contains(t, lerr.Valid, "average_order_value")
}

// Hostile filter values are bound, never pasted: the SQL text is the same as for a
// plain value, and the value reaches the driver unchanged.
func TestInjectionCorpusNeverChangesTheSQL(t *testing.T) {
	t.Parallel()
	c := compiler(t, dialect.Snowflake)
	shape := func(v any) (string, []any) {
		q, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"region"},
			Where: query.Or(query.Eq("customer_name", v), query.In("region", v, "North"), query.Like("product_name", v.(string)))})
		require.NoError(t, err)
		return q.SQL, q.Args
	}
	plain, _ := shape("Alice")
	for _, v := range []string{
		"' OR '1'='1", "'; DROP TABLE \"MARTS\".\"FCT_ORDERS\"; --", "x\" OR \"\"=\"", "/* comment */", "-- tail",
		"Robert'); DELETE FROM x;--", "\\' \\\" \\\\", "naïve café 数据 🚀", "\x00nul", strings.Repeat("A'", 5000),
		"$1", "?", ":name", "@var", "%_%", "${jndi}",
	} {
		sql, args := shape(v)
		require.Equal(t, plain, sql, "value %.40q changed the SQL", v)
		require.Equal(t, v, args[0])
	}
	for _, name := range []string{`region"; DROP TABLE x; --`, "region OR 1=1", "REGION--", "*"} {
		_, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{name}})
		require.ErrorIs(t, err, semantic.ErrUnknownField, name)
	}
}

func TestDateRangesResolveAgainstTheClock(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 18, 15, 4, 5, 0, time.UTC) // a Wednesday
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	for _, tc := range []struct {
		r        query.DateRange
		from, to string
	}{
		{query.Last(query.Today), "2026-03-18", "2026-03-18"},
		{query.Last(query.Yesterday), "2026-03-17", "2026-03-17"},
		{query.LastNDays(7), "2026-03-11", "2026-03-17"},
		{query.Last(query.ThisWeek), "2026-03-16", "2026-03-18"},
		{query.Last(query.LastWeek), "2026-03-09", "2026-03-15"},
		{query.Last(query.MonthToDate), "2026-03-01", "2026-03-18"},
		{query.Last(query.LastMonth), "2026-02-01", "2026-02-28"},
		{query.Last(query.LastQuarter), "2025-10-01", "2025-12-31"},
		{query.Last(query.YearToDate), "2026-01-01", "2026-03-18"},
		{query.Last(query.LastYear), "2025-01-01", "2025-12-31"},
		{query.Last(query.LastMonth).PreviousPeriod(), "2026-01-04", "2026-01-31"},
		{query.Dates(d("2025-01-01"), d("2025-06-30")).PreviousPeriod(), "2024-07-04", "2024-12-31"},
	} {
		from, to, err := tc.r.Resolve(now)
		require.NoError(t, err)
		require.Equal(t, [2]string{tc.from, tc.to}, [2]string{from.Format(time.DateOnly), to.Format(time.DateOnly)}, "%+v", tc.r)
	}
	_, _, err := query.LastNDays(0).Resolve(now)
	require.ErrorContains(t, err, "positive number of days")
}

func TestExplainListsTheFieldsUsed(t *testing.T) {
	t.Parallel()
	q, err := compiler(t, dialect.DuckDB).Compile(query.Request{Metrics: []string{"aov"}, Dimensions: []string{"territory"}, Filters: []string{"online"}})
	require.NoError(t, err)
	require.Equal(t, []string{"orders.region", "orders.average_order_value", "orders.online_orders"}, q.Fields)
	require.Contains(t, q.Explain(), "-- fields: orders.region, orders.average_order_value, orders.online_orders")
	require.NotContains(t, q.SQL, "AVG(", "no floating AVG")
}
