package embedded_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// A mart groups by its key and its attributes (SALES_BY_REP by REP_ID and
// MONTH, and REP_NAME and REGION beside them), so a rep held under two names
// has two rows per month. The planner cannot know the data: it reads a mart's
// rows as the request's groups, and a stored distinct count as a group's, only
// when the request groups by the key and every attribute. With rep 5 held
// under two names, routed requests by REP_ID equal hand-written SQL over RAW:
// one row per rep and month, its customers counted once.
func TestRoutedRepsHeldUnderTwoNames(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	mustSetup(t, eng, options(0.05, 0))
	db := eng.DB()
	_, err := db.Exec(`INSERT INTO "RAW"."SALES_REPS" SELECT "REP_ID", "REP_NAME" || ' Jr', "EMAIL", "REGION", "HIRE_DATE", "ANNUAL_QUOTA" FROM "RAW"."SALES_REPS" WHERE "REP_ID" = 5`)
	require.NoError(t, err)
	_, err = pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	var names int64
	require.NoError(t, db.QueryRow(`SELECT COUNT(DISTINCT "REP_NAME") FROM "MARTS"."SALES_BY_REP" WHERE "REP_ID" = 5`).Scan(&names))
	require.Equal(t, int64(2), names, "rep 5 has two rows a month in SALES_BY_REP")

	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: func() time.Time { return querytest.Now() }})
	require.NoError(t, err)
	oracle := func(month bool, from, to time.Time) [][]string {
		t.Helper()
		group, cols := `"REP_ID"`, `"REP_ID"`
		if month {
			group, cols = `1, 2`, `DATE_TRUNC('month', o."ORDER_DATE") AS m, "REP_ID"`
		}
		rows, err := db.Query(`WITH o AS (
  SELECT o."ORDER_DATE", o."CUSTOMER_ID", r."REP_ID", ROUND(o."QUANTITY" * o."UNIT_PRICE" * (1 - o."DISCOUNT_PCT"), 2) AS net
  FROM "RAW"."ORDERS" o
  JOIN "RAW"."CUSTOMERS" c ON c."CUSTOMER_ID" = o."CUSTOMER_ID"
  JOIN "RAW"."PRODUCTS" p ON p."PRODUCT_ID" = o."PRODUCT_ID"
  JOIN "RAW"."SALES_REPS" r ON r."REP_ID" = o."REP_ID")
SELECT `+cols+`, SUM(net), COUNT(*), COUNT(DISTINCT "CUSTOMER_ID") FROM o
WHERE CAST(o."ORDER_DATE" AS DATE) BETWEEN ? AND ? GROUP BY `+group+` ORDER BY `+group, from, to)
		require.NoError(t, err)
		defer rows.Close()
		var out [][]string
		for rows.Next() {
			var m time.Time
			var rep, orders, customers int64
			var rev decimal.Decimal
			dest := []any{&rep, scan.Decimal(&rev), &orders, &customers}
			if month {
				dest = append([]any{&m}, dest...)
			}
			require.NoError(t, rows.Scan(dest...))
			row := []string{cellString(rep), cellString(rev), cellString(orders), cellString(customers)}
			if month {
				row = append([]string{cellString(m)}, row...)
			}
			out = append(out, row)
		}
		require.NoError(t, rows.Err())
		return out
	}
	metrics := []string{"revenue", "orders", "customers"}
	for _, tc := range []struct {
		name  string
		req   query.Request
		month bool
		table string // the table the sums come from
	}{
		{"by rep and month, stored counts not summed", query.Request{Metrics: metrics, Dimensions: []string{"rep_id"},
			Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month}, Dates: &query.DateFilter{Range: query.Year(2025)}}, true, "SALES_BY_REP"},
		{"one month by rep, rows not read as groups", query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"rep_id"},
			Dates: &query.DateFilter{Range: query.Month(2025, 3)}}, false, "SALES_BY_REP"},
		{"one month's customers by rep", query.Request{Metrics: metrics, Dimensions: []string{"rep_id"},
			Dates: &query.DateFilter{Range: query.Month(2025, 3)}}, false, "SALES_BY_REP"},
	} {
		q, err := c.Compile(tc.req)
		require.NoError(t, err, tc.name)
		require.Equal(t, tc.table, q.Route.Table, tc.name)
		from, to := tc.req.Dates.Range.From, tc.req.Dates.Range.To
		want := oracle(tc.month, from, to)
		if len(tc.req.Metrics) == 2 { // no customers column
			for i := range want {
				want[i] = want[i][:len(want[i])-1]
			}
		}
		require.NotEmpty(t, want, tc.name)
		require.Equal(t, want, rowsOf(t, q, db), "%s: answered by %s", tc.name, q.Route.Table)
	}
}
