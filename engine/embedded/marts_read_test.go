package embedded_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/marts"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// TestMartRowsMatchLiveSchema holds the warehouse definitions the marts row
// structs are tested against to the live embedded schema (names, order, types),
// and reads every mart through its reader: every value scans into its field.
func TestMartRowsMatchLiveSchema(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	mustSetup(t, eng, options(0.05, 0))
	db := eng.DB()
	ctx := context.Background()
	for _, tbl := range warehouse.MartTables() {
		rows, err := db.Query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'MARTS' AND table_name = ? ORDER BY ordinal_position`, tbl.Name)
		require.NoError(t, err)
		var i int
		for rows.Next() {
			var name, typ string
			require.NoError(t, rows.Scan(&name, &typ))
			require.Less(t, i, len(tbl.Columns), "%s has more columns than its definition", tbl.Name)
			c := tbl.Columns[i]
			require.Equal(t, c.Name, name, "%s column %d", tbl.Name, i)
			require.Equal(t, strings.ReplaceAll(dialect.DuckDB.TypeName(c.Type), " ", ""), strings.ReplaceAll(typ, " ", ""), "%s.%s", tbl.Name, name)
			i++
		}
		require.NoError(t, rows.Err())
		rows.Close()
		require.Equal(t, len(tbl.Columns), i, "%s", tbl.Name)
	}

	q := marts.New(db, dialect.DuckDB, warehouse.Names{})
	count := func(tbl warehouse.Table, where string, args ...any) int {
		var n int
		require.NoError(t, db.QueryRow("SELECT COUNT(*) FROM "+tbl.Ref(dialect.DuckDB, warehouse.Names{})+" WHERE "+where, args...).Scan(&n))
		return n
	}
	jan := marts.DateRange{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC)}
	ds, err := q.DailySales(ctx, marts.DailySalesParams{Dates: jan, Regions: []string{"North"}})
	require.NoError(t, err)
	require.Len(t, ds, count(warehouse.DailySales(), `SALES_DATE BETWEEN '2025-01-01' AND '2025-01-31' AND REGION = 'North'`))
	sr, err := q.SalesByRegion(ctx, marts.SalesByRegionParams{})
	require.NoError(t, err)
	require.Len(t, sr, count(warehouse.SalesByRegion(), "TRUE"))
	require.False(t, sr[0].MoMGrowth.Valid, "a region's first month has no growth")
	sp, err := q.SalesByProduct(ctx, marts.SalesByProductParams{Months: jan, Categories: []string{"SPORTS"}})
	require.NoError(t, err)
	require.Len(t, sp, count(warehouse.SalesByProduct(), `MONTH = '2025-01-01' AND CATEGORY = 'SPORTS'`))
	sc, err := q.SalesByCustomer(ctx, marts.SalesByCustomerParams{Segments: []string{"Enterprise"}, Limit: 5})
	require.NoError(t, err)
	require.Len(t, sc, 5)
	require.True(t, sc[0].LifetimeRevenue.GreaterThanOrEqual(sc[4].LifetimeRevenue))
	rp, err := q.SalesByRep(ctx, marts.SalesByRepParams{RepIDs: []int64{7}})
	require.NoError(t, err)
	require.Len(t, rp, count(warehouse.SalesByRep(), `REP_ID = 7`))
	require.True(t, rp[0].MonthlyQuota.Equal(rp[0].AnnualQuota.DivRound(decimal.NewFromInt(12), 2)))

	// the FCT_ORDERS stream: every row of the range, its net amounts summing as SQL does
	sum, n := decimal.Zero, 0
	for o, err := range q.FctOrders(ctx, marts.FctOrdersParams{Dates: jan, Channels: []string{"Online"}}) {
		require.NoError(t, err)
		require.Equal(t, "Online", o.Channel)
		sum = sum.Add(o.NetAmount)
		n++
	}
	require.Equal(t, count(warehouse.FctOrders(), `ORDER_DATE BETWEEN '2025-01-01' AND '2025-01-31' AND CHANNEL = 'Online'`), n)
	require.True(t, sum.Equal(sumDecimal(t, db, `SELECT SUM(NET_AMOUNT) FROM MARTS.FCT_ORDERS WHERE ORDER_DATE BETWEEN '2025-01-01' AND '2025-01-31' AND CHANNEL = 'Online'`)))
	// stopping early closes the rows
	for range q.FctOrders(ctx, marts.FctOrdersParams{}) {
		break
	}
	v, err := q.DataVersion(ctx)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(v.Token, "refresh/"))
	fv, err := q.FactsVersion(ctx)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(fv.Token, "facts/"))
}
