package embedded_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// TestRefreshOfARepHeldTwice: a rep held twice in RAW.SALES_REPS under one
// name and region (a second row with another quota) gives SALES_BY_REP two
// rows a month in a full build; incremental refreshes of orders of that rep
// keep exactly the rows a full rebuild has (they doubled on every refresh
// when the merge read the mart's rows back twice), compared row for row,
// duplicates counted (EXCEPT ALL both ways).
func TestRefreshOfARepHeldTwice(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.05, 0.02)
	mustSetup(t, eng, o)
	g := generator(t, o)
	db, n := eng.DB(), warehouse.Names{}
	_, err := db.Exec(`INSERT INTO "RAW"."SALES_REPS" SELECT * REPLACE ("ANNUAL_QUOTA" + 1000 AS "ANNUAL_QUOTA") FROM "RAW"."SALES_REPS" WHERE "REP_ID" = 24`)
	require.NoError(t, err)
	res, err := pipelinetest.Refresh(ctx, eng, n, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshFull, res.Kind)

	at := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	day := time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC)
	for k := range 3 {
		at = at.Add(time.Hour)
		b := g.Arrivals(int64(90_000_000+k), 1, day, day, at)
		b[0].RepID = 24
		require.NoError(t, pipelinetest.AppendOrders(ctx, eng, n, b))
		res, err := pipelinetest.Refresh(ctx, eng, n, nil)
		require.NoError(t, err)
		require.Equal(t, pipeline.RefreshIncremental, res.Kind)
	}
	_, err = db.Exec(`CREATE TEMP TABLE incremental AS SELECT * FROM "MARTS"."SALES_BY_REP"`)
	require.NoError(t, err)
	_, err = db.Exec(`DELETE FROM "MARTS"."REFRESH_STATE"`)
	require.NoError(t, err)
	res, err = pipelinetest.Refresh(ctx, eng, n, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshFull, res.Kind)

	var twice, diff int64
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM "MARTS"."SALES_BY_REP" WHERE "REP_ID" = 24 AND "MONTH" = DATE '2025-12-01'`).Scan(&twice))
	require.EqualValues(t, 2, twice, "the full build holds the rep's month once per quota")
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM ((SELECT * FROM incremental EXCEPT ALL SELECT * FROM "MARTS"."SALES_BY_REP")
		UNION ALL (SELECT * FROM "MARTS"."SALES_BY_REP" EXCEPT ALL SELECT * FROM incremental))`).Scan(&diff))
	require.Zero(t, diff, "SALES_BY_REP after incremental refreshes differs from a full rebuild")
}
