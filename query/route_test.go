package query_test

import (
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

func TestGoldenSQLOfThePlanner(t *testing.T) {
	t.Parallel()
	for _, d := range dialect.All() {
		c := compiler(t, d)
		for _, tc := range append(querytest.Planner(), querytest.MultiTable()...) {
			t.Run(string(d)+"/"+tc.Name, func(t *testing.T) {
				q, err := c.Compile(tc.Req)
				require.NoError(t, err)
				require.Equal(t, strings.Count(q.SQL, "?"), len(q.Args), "one argument per placeholder")
				again, err := c.Compile(tc.Req)
				require.NoError(t, err)
				require.Equal(t, q.SQL, again.SQL, "deterministic")
				require.Equal(t, q.Route, again.Route, "deterministic")
				golden.Check(t, filepath.Join("testdata", string(d), tc.Name+".sql"), []byte(q.Explain()))
			})
		}
	}
}

// Each request goes where its grain, filters and measures allow, and nowhere
// else; the reasons name what the smaller marts lack.
func TestRoutePicksTheSmallestMartThatIsExact(t *testing.T) {
	t.Parallel()
	c := compiler(t, dialect.DuckDB)
	byName := map[string]query.Request{}
	for _, tc := range querytest.Planner() {
		byName[tc.Name] = tc.Req
	}
	for _, tc := range []struct {
		name, table string
		reasons     []string
	}{
		{"route_region_kpis_2025", "SALES_BY_REGION_YEAR", []string{"SALES_BY_YEAR has no column for REGION"}},
		{"route_revenue_by_month_region_2025", "SALES_BY_REGION", nil},
		{"route_top_products_2025", "SALES_BY_PRODUCT", []string{"SALES_BY_REGION has no column for PRODUCT_ID", "DAILY_SALES has no column for PRODUCT_ID"}},
		{"route_partial_months_use_days", "DAILY_SALES", []string{"the range 2025-01-15 to 2025-03-31 does not start and end on whole months, the grain of SALES_BY_REGION"}},
		{"route_rep_month_customers", "SALES_BY_REP", []string{"SALES_BY_REGION has no column for REP_ID", "its distinct counts apart, by: FCT_ORDERS",
			"SALES_BY_REP, which only add up when the request groups by all of REP_ID, MONTH, REP_NAME, REGION (one row per group)"}},
		{"route_customers_do_not_add_up", "SALES_BY_REGION", []string{"its distinct counts apart, by: FCT_ORDERS",
			"the range 2025-01-01 to 2025-06-30 does not start and end on whole years, the grain of SALES_BY_REGION_YEAR",
			"orders.distinct_customers counts distinct values per row of SALES_BY_REGION, which only add up when the request groups by all of REGION, MONTH (one row per group)"}},
		{"route_named_filter_stays_on_facts", "FCT_ORDERS", []string{"SALES_BY_REGION has no column for STATUS"}},
		{"route_quarters_from_months", "SALES_BY_REGION", nil},
		{"route_weeks_from_days", "DAILY_SALES", []string{"orders.order_date by week is finer than the month grain of SALES_BY_REGION"}},
		{"route_customers_by_month", "SALES_BY_MONTH", nil},
		{"route_customers_one_month", "SALES_BY_MONTH", nil},
		{"route_customers_by_segment_year", "SALES_BY_SEGMENT_YEAR", []string{"SALES_BY_YEAR has no column for SEGMENT"}},
		{"route_customers_over_two_years", "SALES_BY_CUSTOMER_YEAR", []string{"SUM(QUANTITY) is not a measure of SALES_BY_CUSTOMER"}},
		{"route_top_customers_year", "SALES_BY_CUSTOMER_YEAR", nil},
		{"route_customers_part_of_year", "FCT_ORDERS", []string{"the range 2025-01-01 to 2025-06-30 does not start and end on whole years, the grain of SALES_BY_CUSTOMER_YEAR"}},
		{"route_customers_by_category_year", "FCT_ORDERS", []string{"SALES_BY_CUSTOMER_YEAR has no column for CATEGORY"}},
		{"route_customers_by_region_year", "SALES_BY_REGION_YEAR", []string{"SALES_BY_YEAR has no column for REGION"}},
		{"route_customers_by_rep_year", "SALES_BY_REP_YEAR", []string{"SALES_BY_REGION_YEAR has no column for REP_ID"}},
		{"route_customers_by_rep_name_year", "SALES_BY_REP", []string{"its distinct counts apart, by: FCT_ORDERS",
			"SALES_BY_REP_YEAR has no column for REP_NAME",
			"SALES_BY_REP, which only add up when the request groups by all of REP_ID, MONTH, REP_NAME, REGION (one row per group)"}},
		{"route_customers_two_years", "SALES_BY_CUSTOMER_YEAR", []string{
			"orders.distinct_customers counts distinct values per row of SALES_BY_YEAR, which only add up when the request groups by all of YEAR (one row per group)"}},
	} {
		q, err := c.Compile(byName[tc.name])
		require.NoError(t, err, tc.name)
		require.Equal(t, tc.table, q.Route.Table, tc.name)
		require.Equal(t, tc.table != "FCT_ORDERS", q.Route.Rollup, tc.name)
		for _, r := range tc.reasons {
			require.Contains(t, q.Explain(), r, tc.name)
		}
	}
	q, err := c.Compile(byName["route_distinct_counts_apart"])
	require.NoError(t, err)
	require.Equal(t, "SALES_BY_YEAR", q.Route.Table)
	require.Equal(t, "SALES_BY_YEAR, SALES_BY_PRODUCT", q.Route.Distinct, "every distinct count's table, once")
	off, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, NoRollups: true, Now: func() time.Time { return querytest.Now() }})
	require.NoError(t, err)
	q, err = off.Compile(querytest.RegionKPIs2025())
	require.NoError(t, err)
	require.Equal(t, query.Route{Table: "FCT_ORDERS"}, q.Route, "switched off")
	sf, err := off.For(dialect.Snowflake)
	require.NoError(t, err)
	q, err = sf.Compile(querytest.RegionKPIs2025())
	require.NoError(t, err)
	require.False(t, q.Route.Rollup, "the option carries to the other dialect")
}
