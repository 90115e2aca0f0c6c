package embedded_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// The full build's staged orders (warehouse.StagedSplitSQL, which numbers
// duplicates only among the ORDER_IDs that can have any) equal STG_ORDERS row for
// row: with duplicates inside and across loads, and then with a customer, a
// product and a rep held twice by their RAW tables and SETTINGS holding two rows,
// each of which makes the view's joins repeat orders.
func TestStagedSplitEqualsStgOrders(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.05, 0.02)
	mustSetup(t, eng, o)
	g := generator(t, o)
	db, n := eng.DB(), warehouse.Names{}
	base := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	for _, b := range batchesWithDuplicates(g, []time.Time{base, base.Add(time.Hour)}) {
		require.NoError(t, pipelinetest.AppendOrders(ctx, eng, n, b))
	}
	split := warehouse.StagedSplitSQL(dialect.DuckDB, n)
	view := `SELECT * FROM "STAGING"."STG_ORDERS"`
	same := func(what string) {
		t.Helper()
		var rows, diff, dups int64
		require.NoError(t, db.QueryRow(`SELECT COUNT(*), COUNT(CASE WHEN "INVALID_REASON" = 'duplicate_id' THEN 1 END) FROM (`+view+`)`).Scan(&rows, &dups))
		require.NoError(t, db.QueryRow(fmt.Sprintf(`SELECT COUNT(*) FROM ((%s EXCEPT ALL %s) UNION ALL (%s EXCEPT ALL %s))`,
			split, view, view, split)).Scan(&diff))
		require.Positive(t, dups, "%s: the data holds duplicates", what)
		require.Zero(t, diff, "%s: the split staging differs from STG_ORDERS (%d rows)", what, rows)
	}
	same("duplicate orders")

	var before int64
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM "STAGING"."STG_ORDERS"`).Scan(&before))
	for _, q := range []string{
		`INSERT INTO "RAW"."CUSTOMERS" SELECT * FROM "RAW"."CUSTOMERS" WHERE "CUSTOMER_ID" = 7`,
		`INSERT INTO "RAW"."PRODUCTS" SELECT * FROM "RAW"."PRODUCTS" WHERE "PRODUCT_ID" = 3`,
		`INSERT INTO "RAW"."SALES_REPS" SELECT * FROM "RAW"."SALES_REPS" WHERE "REP_ID" = 5`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err)
	}
	var after int64
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM "STAGING"."STG_ORDERS"`).Scan(&after))
	require.Greater(t, after, before, "the repeated dimension rows repeat orders")
	same("repeated dimension rows")

	_, err := db.Exec(`INSERT INTO "RAW"."SETTINGS" SELECT * FROM "RAW"."SETTINGS"`)
	require.NoError(t, err)
	same("two settings rows")
}
