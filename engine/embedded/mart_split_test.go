package embedded_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// The embedded full build of SALES_BY_REP groups most reps by key alone and
// the reps with several names or regions by key and attributes (warehouse's
// splitBase): the built mart equals the mart's own SELECT (Mart.Select, what
// Snowflake's dynamic table runs) row for row, with one name per rep and then
// with a rep held twice under another name and one under another region.
func TestSplitMartBuildEqualsSelect(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	mustSetup(t, eng, options(0.05, 0.02))
	db, n := eng.DB(), warehouse.Names{}
	var m warehouse.Mart
	for _, x := range warehouse.AggregateMarts() {
		if x.Table.Name == warehouse.SalesByRep().Name {
			m = x
		}
	}
	same := func(what string) {
		t.Helper()
		built, sel := "SELECT * FROM "+m.Table.Ref(dialect.DuckDB, n), m.Select(dialect.DuckDB, n)
		var rows, diff int64
		require.NoError(t, db.QueryRow("SELECT COUNT(*) FROM "+m.Table.Ref(dialect.DuckDB, n)).Scan(&rows))
		require.NoError(t, db.QueryRow(fmt.Sprintf(`SELECT COUNT(*) FROM ((%s EXCEPT ALL %s) UNION ALL (%s EXCEPT ALL %s))`,
			built, sel, sel, built)).Scan(&diff))
		require.Positive(t, rows, what)
		require.Zero(t, diff, "%s: the built %s differs from its SELECT (%d rows)", what, m.Table.Name, rows)
	}
	same("one name per rep")

	for _, q := range []string{
		`INSERT INTO "RAW"."SALES_REPS" SELECT "REP_ID", "REP_NAME" || ' Jr', "EMAIL", "REGION", "HIRE_DATE", "ANNUAL_QUOTA" FROM "RAW"."SALES_REPS" WHERE "REP_ID" = 5`,
		`INSERT INTO "RAW"."SALES_REPS" SELECT "REP_ID", "REP_NAME", "EMAIL", 'Central', "HIRE_DATE", "ANNUAL_QUOTA" FROM "RAW"."SALES_REPS" WHERE "REP_ID" = 6`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err)
	}
	res, err := pipelinetest.Refresh(ctx, eng, n, nil)
	require.NoError(t, err)
	require.Equal(t, "full", string(res.Kind))
	var variants int64
	require.NoError(t, db.QueryRow(`SELECT COUNT(DISTINCT ("REP_ID", "REP_NAME", "REGION")) FROM `+m.Table.Ref(dialect.DuckDB, n)+
		` WHERE "REP_ID" IN (5, 6)`).Scan(&variants))
	require.Equal(t, int64(4), variants, "reps 5 and 6 have two rows per month each")
	same("reps held twice")
}
