package embedded_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// stagingCatalog reads, by hand from DuckDB's catalog, each STAGING view's
// object id (new on every CREATE) and comment.
func stagingCatalog(tb testing.TB, db *sql.DB) (oids map[string]int64, comments map[string]string) {
	tb.Helper()
	rows, err := db.Query(`SELECT view_name, view_oid, coalesce(comment, '') FROM duckdb_views() WHERE schema_name = 'STAGING'`)
	require.NoError(tb, err)
	defer rows.Close()
	oids, comments = map[string]int64{}, map[string]string{}
	for rows.Next() {
		var name, comment string
		var oid int64
		require.NoError(tb, rows.Scan(&name, &oid, &comment))
		oids[name], comments[name] = oid, comment
	}
	require.NoError(tb, rows.Err())
	return oids, comments
}

// A second set-up over an up-to-date warehouse issues no DDL on the STAGING
// views: every view keeps the catalog object the first set-up made, and its
// COMMENT records the fingerprint of its definition.
func TestSetupLeavesCurrentViewsAlone(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(0.05, 0.01)
	first := mustSetup(t, eng, o)
	require.Equal(t, pipelinetest.EveryView(pipeline.BuildCreated), pipelinetest.Actions(first.ViewBuilds))
	oids, comments := stagingCatalog(t, eng.DB())
	require.Len(t, oids, len(warehouse.StagingViews()))
	for _, b := range first.ViewBuilds {
		require.Equal(t, warehouse.FingerprintComment(b.Fingerprint), comments[b.Name], b.Name)
	}

	second := mustSetup(t, eng, o)
	require.Equal(t, pipelinetest.EveryView(pipeline.BuildUnchanged), pipelinetest.Actions(second.ViewBuilds))
	for i, b := range second.ViewBuilds {
		require.Equal(t, first.ViewBuilds[i].Fingerprint, b.Fingerprint, "%s: the same definition", b.Name)
	}
	again, _ := stagingCatalog(t, eng.DB())
	require.Equal(t, oids, again, "no view was re-created")
	require.Equal(t, pipeline.RefreshNone, second.Marts.Kind)
}

// A view whose definition differs from this version's (here STG_PRODUCTS made
// by hand with lower-case categories and a stale fingerprint, and STG_SALES_REPS
// as an older version left it, without a fingerprint) is re-created; the others
// keep their catalog objects; and the embedded marts, built over the wrong
// view, are rebuilt in full over the right one.
func TestSetupRecreatesChangedViewsAndRebuildsTheMarts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.05, 0)
	mustSetup(t, eng, o)
	db := eng.DB()
	products, reps := warehouse.StgProducts().Name, warehouse.StgSalesReps().Name
	for _, stmt := range []string{
		`CREATE OR REPLACE VIEW "STAGING"."STG_PRODUCTS" AS SELECT "PRODUCT_ID", TRIM("PRODUCT_NAME") AS "PRODUCT_NAME",
			LOWER(TRIM("CATEGORY")) AS "CATEGORY", "UNIT_PRICE", "UNIT_COST" FROM "RAW"."PRODUCTS"`,
		`COMMENT ON VIEW "STAGING"."STG_PRODUCTS" IS '` + warehouse.FingerprintComment("0123456789abcdef01234567") + `'`,
		`COMMENT ON VIEW "STAGING"."STG_SALES_REPS" IS NULL`,
		`DELETE FROM "MARTS"."REFRESH_STATE"`,
	} {
		_, err := db.ExecContext(ctx, stmt)
		require.NoError(t, err, stmt)
	}
	lowered := `SELECT COUNT(*) FROM "MARTS"."SALES_BY_PRODUCT" WHERE "CATEGORY" <> UPPER("CATEGORY")`
	rebuild, err := pipelinetest.Refresh(ctx, eng, o.Names, o.Now)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshFull, rebuild.Kind)
	require.Positive(t, scalar[int64](t, db, lowered), "the marts were built over the hand-made view")
	oids, _ := stagingCatalog(t, db)

	res := mustSetup(t, eng, o)
	want := pipelinetest.EveryView(pipeline.BuildUnchanged)
	want[products], want[reps] = pipeline.BuildReplaced, pipeline.BuildReplaced
	require.Equal(t, want, pipelinetest.Actions(res.ViewBuilds))
	after, comments := stagingCatalog(t, db)
	for name, oid := range oids {
		if want[name] == pipeline.BuildUnchanged {
			require.Equal(t, oid, after[name], "%s must not be re-created", name)
		} else {
			require.NotEqual(t, oid, after[name], "%s must be re-created", name)
		}
	}
	for _, b := range res.ViewBuilds {
		require.Equal(t, warehouse.FingerprintComment(b.Fingerprint), comments[b.Name], b.Name)
	}
	require.Zero(t, scalar[int64](t, db, `SELECT COUNT(*) FROM "STAGING"."STG_PRODUCTS" WHERE "CATEGORY" <> UPPER("CATEGORY")`))
	require.Equal(t, pipeline.RefreshFull, res.Marts.Kind)
	require.Contains(t, res.Marts.Reason, products)
	require.Zero(t, scalar[int64](t, db, lowered), "the marts were rebuilt over the re-created view")

	// The fingerprints are this version's, so a third set-up changes nothing.
	third := mustSetup(t, eng, o)
	require.Equal(t, pipelinetest.EveryView(pipeline.BuildUnchanged), pipelinetest.Actions(third.ViewBuilds))
	require.Equal(t, pipeline.RefreshNone, third.Marts.Kind)
}
