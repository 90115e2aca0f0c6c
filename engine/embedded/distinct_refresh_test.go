package embedded_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// rawDistinct is, for each mart with a distinct count, its key, distinct
// customers, orders and units computed by hand from RAW (clean data: every
// row is valid), and the same columns read from the mart.
var rawDistinct = []struct{ mart, martKeys, rawKeys string }{
	{"SALES_BY_YEAR", `"YEAR"`, `YEAR(o."ORDER_DATE")`},
	{"SALES_BY_REGION_YEAR", `"REGION", "YEAR"`, `r."REGION", YEAR(o."ORDER_DATE")`},
	{"SALES_BY_REP_YEAR", `"REP_ID", "YEAR"`, `o."REP_ID", YEAR(o."ORDER_DATE")`},
	{"SALES_BY_SEGMENT_YEAR", `"SEGMENT", "YEAR"`, `c."SEGMENT", YEAR(o."ORDER_DATE")`},
	{"SALES_BY_INDUSTRY_YEAR", `"INDUSTRY", "YEAR"`, `c."INDUSTRY", YEAR(o."ORDER_DATE")`},
	{"SALES_BY_MONTH", `"MONTH"`, `DATE_TRUNC('month', o."ORDER_DATE")`},
	{"SALES_BY_REGION", `"REGION", "MONTH"`, `r."REGION", DATE_TRUNC('month', o."ORDER_DATE")`},
	{"SALES_BY_REP", `"REP_ID", "MONTH"`, `o."REP_ID", DATE_TRUNC('month', o."ORDER_DATE")`},
	{"DAILY_SALES", `"REGION", "SALES_DATE"`, `r."REGION", o."ORDER_DATE"`},
}

// requireDistinctMatchRaw compares every mart with a distinct count with the
// hand-written aggregate over RAW, row for row, both ways.
func requireDistinctMatchRaw(t *testing.T, db *sql.DB) {
	t.Helper()
	for _, c := range rawDistinct {
		units := `, "UNITS"`
		if c.mart == "SALES_BY_REP" {
			units = "" // the rep mart has no units
		}
		mart := fmt.Sprintf(`SELECT %s, "CUSTOMERS", "ORDERS"%s FROM "MARTS".%q`, c.martKeys, units, c.mart)
		raw := fmt.Sprintf(`SELECT %s, COUNT(DISTINCT o."CUSTOMER_ID"), COUNT(*)%s
FROM "RAW"."ORDERS" o JOIN "RAW"."SALES_REPS" r ON r."REP_ID" = o."REP_ID" JOIN "RAW"."CUSTOMERS" c ON c."CUSTOMER_ID" = o."CUSTOMER_ID"
GROUP BY %s`, c.rawKeys, map[bool]string{true: `, SUM(o."QUANTITY")`}[units != ""], c.rawKeys)
		var diff int
		require.NoError(t, db.QueryRow(fmt.Sprintf(`SELECT COUNT(*) FROM ((%s EXCEPT ALL %s) UNION ALL (%s EXCEPT ALL %s))`, mart, raw, raw, mart)).Scan(&diff))
		require.Zero(t, diff, "%s differs from RAW in %d rows", c.mart, diff)
	}
}

// customersOf reads a mart's distinct customers of one group.
func customersOf(t *testing.T, db *sql.DB, mart, where string, args ...any) int64 {
	t.Helper()
	var n int64
	require.NoError(t, db.QueryRow(fmt.Sprintf(`SELECT "CUSTOMERS" FROM "MARTS".%q WHERE %s`, mart, where), args...).Scan(&n))
	return n
}

// An incremental refresh adds to a distinct count only the batch's customers
// new to the group: new orders of a customer who already ordered this year
// through the rep (twice, one the same day) add no one to the rep's, the
// region's or any year's customers; a customer who ordered this year in the
// region through another rep adds one to the rep's, none to the region's; a
// customer who had not ordered in the region this year adds one to both.
// Every mart with a distinct count then equals SQL over RAW written by hand,
// before and after.
func TestRefreshCountsEachCustomerOnceAGroup(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.05, 0)
	mustSetup(t, eng, o)
	g := generator(t, o)
	db, n := eng.DB(), warehouse.Names{}
	requireDistinctMatchRaw(t, db)

	var seen, rep int64
	var day time.Time
	var region string
	require.NoError(t, db.QueryRow(`SELECT o."CUSTOMER_ID", o."REP_ID", o."ORDER_DATE", r."REGION" FROM "RAW"."ORDERS" o
JOIN "RAW"."SALES_REPS" r ON r."REP_ID" = o."REP_ID" WHERE o."ORDER_DATE" BETWEEN DATE '2025-12-01' AND DATE '2025-12-20' ORDER BY o."ORDER_ID" LIMIT 1`).
		Scan(&seen, &rep, &day, &region))
	var inRegion, newcomer int64 // ordered in 2025 in the region, not through rep; not in the region
	require.NoError(t, db.QueryRow(`SELECT o."CUSTOMER_ID" FROM "RAW"."ORDERS" o JOIN "RAW"."SALES_REPS" r ON r."REP_ID" = o."REP_ID"
WHERE r."REGION" = ? AND YEAR(o."ORDER_DATE") = 2025 GROUP BY 1 HAVING COUNT(*) FILTER (WHERE o."REP_ID" = ?) = 0 ORDER BY 1 LIMIT 1`, region, rep).Scan(&inRegion))
	require.NoError(t, db.QueryRow(`SELECT c."CUSTOMER_ID" FROM "RAW"."CUSTOMERS" c WHERE NOT EXISTS (SELECT 1 FROM "RAW"."ORDERS" o
JOIN "RAW"."SALES_REPS" r ON r."REP_ID" = o."REP_ID" WHERE o."CUSTOMER_ID" = c."CUSTOMER_ID" AND r."REGION" = ? AND YEAR(o."ORDER_DATE") = 2025) ORDER BY 1 LIMIT 1`, region).Scan(&newcomer))

	byRep, byRegion := `"REP_ID" = ? AND "YEAR" = 2025`, `"REGION" = ? AND "YEAR" = 2025`
	repBefore, regionBefore := customersOf(t, db, "SALES_BY_REP_YEAR", byRep, rep), customersOf(t, db, "SALES_BY_REGION_YEAR", byRegion, region)
	dayBefore := customersOf(t, db, "DAILY_SALES", `"REGION" = ? AND "SALES_DATE" = ?`, region, day)

	at := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	batch := g.Arrivals(50_000_000, 4, day, day, at)
	for i, who := range []int64{seen, seen, inRegion, newcomer} {
		batch[i].CustomerID, batch[i].HasCustomer, batch[i].RepID = who, true, rep
	}
	batch[1].OrderDate = day.AddDate(0, 0, 1)
	require.NoError(t, pipelinetest.AppendOrders(ctx, eng, n, batch))
	res, err := pipelinetest.Refresh(ctx, eng, n, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshIncremental, res.Kind, res.Reason)

	require.Equal(t, repBefore+2, customersOf(t, db, "SALES_BY_REP_YEAR", byRep, rep), "rep %d", rep)
	require.Equal(t, regionBefore+1, customersOf(t, db, "SALES_BY_REGION_YEAR", byRegion, region), "region %s", region)
	require.Equal(t, dayBefore+2, customersOf(t, db, "DAILY_SALES", `"REGION" = ? AND "SALES_DATE" = ?`, region, day),
		"the day: the customer who ordered that day counts once, the two others once each")
	requireDistinctMatchRaw(t, db)
}
