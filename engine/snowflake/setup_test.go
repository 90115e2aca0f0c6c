package snowflake_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/engine/snowflake"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// testOptions is a small, dirty data set: every STAGING rule and every mart
// window has rows to work on, and the INSERT load path stays quick.
func testOptions(now func() time.Time) pipelinetest.Opts {
	o := pipelinetest.Default()
	o.Data.Scale = 0.03
	o.Data.DirtyFraction = 0.02
	o.Now = now
	return o
}

// martKeys orders a mart's rows for comparison.
func martKeys(m warehouse.Mart) []string {
	var keys []string
	for _, k := range m.Key {
		keys = append(keys, k.Column)
	}
	return keys
}

// TestSetupOnSnowflakeMatchesEmbedded runs the whole set-up plan in the Snowflake
// dialect — DDL, INSERT loads, STAGING views, DYNAMIC TABLE marts — through the
// real driver, and requires every mart to equal, row for row and to the cent,
// the same marts built by the embedded engine in the DuckDB dialect.
func TestSetupOnSnowflakeMatchesEmbedded(t *testing.T) {
	ctx := context.Background()
	f := startFake(t)
	o := testOptions(f.clock)
	res, err := pipelinetest.Setup(ctx, f.eng, o)
	require.NoError(t, err)
	require.Len(t, res.Loads, len(warehouse.RawTables()))
	require.Equal(t, pipelinetest.EveryMart(pipeline.BuildCreated), pipelinetest.Actions(res.MartBuilds))
	require.Equal(t, pipelinetest.EveryView(pipeline.BuildCreated), pipelinetest.Actions(res.ViewBuilds))

	emb, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(t, err)
	defer emb.Close()
	_, err = pipelinetest.Setup(ctx, emb, o)
	require.NoError(t, err)

	n := o.Names
	for _, m := range warehouse.AllMarts() {
		sf := dump(t, f.eng.DB(), dialect.Snowflake, n, m.Table, martKeys(m))
		duck := dump(t, emb.DB(), dialect.DuckDB, n, m.Table, martKeys(m))
		require.NotEmpty(t, sf, m.Table.Name)
		require.Equal(t, duck, sf, "%s differs between the Snowflake and the embedded build", m.Table.Name)
	}
	for _, tbl := range []warehouse.Table{warehouse.DataQualitySummary()} {
		require.Equal(t,
			dump(t, emb.DB(), dialect.DuckDB, n, tbl, []string{"TABLE_NAME", "RULE_NAME"}),
			dump(t, f.eng.DB(), dialect.Snowflake, n, tbl, []string{"TABLE_NAME", "RULE_NAME"}))
	}

	// Every validation checkpoint, in the Snowflake dialect, through the driver,
	// passes and reports the same figures as on the embedded engine.
	rep, err := pipelinetest.Validate(ctx, f.eng, o)
	require.NoError(t, err)
	require.True(t, rep.Passed(), "%s", rep)
	embRep, err := pipelinetest.Validate(ctx, emb, o)
	require.NoError(t, err)
	require.Equal(t, embRep.Checks, withoutSemanticView(rep.Checks), "the checkpoints differ between the engines")
	require.Len(t, rep.Checks, len(embRep.Checks)+2, "Snowflake adds the semantic view's two checkpoints")

	// Every golden query, compiled for each dialect, returns the same columns and
	// values on both engines.
	requireGoldenQueriesEqual(t, emb.DB(), f.eng.DB())

	// A second run skips every RAW load and recreates nothing: no view or mart
	// is replaced, and no DDL reaches a view or a dynamic table.
	sent := len(f.fake.Queries())
	again, err := pipelinetest.Setup(ctx, f.eng, o)
	require.NoError(t, err)
	for _, l := range again.Loads {
		require.True(t, l.Skipped, "%s reloaded", l.Table)
	}
	require.Equal(t, pipelinetest.EveryMart(pipeline.BuildUnchanged), pipelinetest.Actions(again.MartBuilds))
	require.Equal(t, pipelinetest.EveryView(pipeline.BuildUnchanged), pipelinetest.Actions(again.ViewBuilds))
	require.Empty(t, viewDDL(f.fake.Queries()[sent:]), "a second set-up must not re-create a view")
	for _, q := range f.fake.Queries()[sent:] {
		require.NotContains(t, q, "CREATE OR REPLACE DYNAMIC TABLE", "a second set-up must not rebuild a mart")
	}
}

// viewDDL returns the statements among sent that create or comment on a view.
func viewDDL(sent []string) []string {
	var out []string
	for _, q := range sent {
		if u := strings.ToUpper(q); strings.Contains(u, "CREATE OR REPLACE VIEW") || strings.Contains(u, "COMMENT ON VIEW") {
			out = append(out, q)
		}
	}
	return out
}

// TestSetupReplacesOnlyWhatChanged: a mart whose dynamic table was made from
// another definition (here, as an older version made it: REFRESH_MODE = AUTO and
// no fingerprint) is replaced, and so is a STAGING view made from another
// definition (lower-case categories, a stale fingerprint); the others stay, and
// no DDL reaches them.
func TestSetupReplacesOnlyWhatChanged(t *testing.T) {
	ctx := context.Background()
	f := startFake(t)
	o := testOptions(f.clock)
	_, err := pipelinetest.Setup(ctx, f.eng, o)
	require.NoError(t, err)
	m := warehouse.AllMarts()[5]
	old := fmt.Sprintf("CREATE OR REPLACE DYNAMIC TABLE %s\n  TARGET_LAG = '5 minutes'\n  WAREHOUSE = \"SALES_ANALYTICS_WH\"\n  REFRESH_MODE = AUTO\nAS\n%s",
		m.Table.Ref(dialect.Snowflake, o.Names), m.Select(dialect.Snowflake, o.Names))
	_, err = f.eng.DB().ExecContext(ctx, old)
	require.NoError(t, err)
	v := warehouse.StgProducts()
	ref := v.Ref(dialect.Snowflake, o.Names)
	for _, stmt := range []string{
		`CREATE OR REPLACE VIEW ` + ref + ` AS SELECT "PRODUCT_ID", TRIM("PRODUCT_NAME") AS "PRODUCT_NAME",
			LOWER(TRIM("CATEGORY")) AS "CATEGORY", "UNIT_PRICE", "UNIT_COST" FROM ` + warehouse.RawProducts().Ref(dialect.Snowflake, o.Names),
		`COMMENT ON VIEW ` + ref + ` IS '` + warehouse.FingerprintComment("0123456789abcdef01234567") + `'`,
	} {
		_, err = f.eng.DB().ExecContext(ctx, stmt)
		require.NoError(t, err, stmt)
	}
	lowered := `SELECT COUNT(*) FROM ` + ref + ` WHERE "CATEGORY" <> UPPER("CATEGORY")`
	var bad int64
	require.NoError(t, f.eng.DB().QueryRowContext(ctx, lowered).Scan(&bad))
	require.Positive(t, bad)

	sent := len(f.fake.Queries())
	res, err := pipelinetest.Setup(ctx, f.eng, o)
	require.NoError(t, err)
	want := pipelinetest.EveryMart(pipeline.BuildUnchanged)
	want[m.Table.Name] = pipeline.BuildReplaced
	require.Equal(t, want, pipelinetest.Actions(res.MartBuilds))
	wantViews := pipelinetest.EveryView(pipeline.BuildUnchanged)
	wantViews[v.Name] = pipeline.BuildReplaced
	require.Equal(t, wantViews, pipelinetest.Actions(res.ViewBuilds))
	ddl := viewDDL(f.fake.Queries()[sent:])
	require.Len(t, ddl, 2, "one view re-created and its fingerprint recorded: %q", ddl)
	for _, q := range ddl {
		require.Contains(t, q, ref)
	}
	require.NoError(t, f.eng.DB().QueryRowContext(ctx, lowered).Scan(&bad))
	require.Zero(t, bad, "the view has this version's definition again")
	comments, err := f.eng.ViewComments(ctx, o.Names, warehouse.Staging)
	require.NoError(t, err)
	for _, b := range res.ViewBuilds {
		require.Equal(t, warehouse.FingerprintComment(b.Fingerprint), comments[b.Name], b.Name)
	}
	st, err := pipelinetest.Status(ctx, f.eng, o.Names, f.clock)
	require.NoError(t, err)
	for _, s := range st {
		if s.Name == m.Table.Name {
			require.Equal(t, string(m.RefreshMode()), s.RefreshMode)
		}
	}
}

// TestDynamicTablesStatusAndRefresh reads the marts' status from SHOW DYNAMIC
// TABLES, appends orders, and refreshes on demand: the marts take them in and the
// last refresh moves to the refresh's time.
func TestDynamicTablesStatusAndRefresh(t *testing.T) {
	ctx := context.Background()
	f := startFake(t)
	o := testOptions(f.clock)
	_, err := pipelinetest.Setup(ctx, f.eng, o)
	require.NoError(t, err)
	n := o.Names
	built := f.clock()

	f.advance(2 * time.Minute)
	st, err := pipelinetest.Status(ctx, f.eng, n, f.clock)
	require.NoError(t, err)
	require.Len(t, st, len(warehouse.AllMarts()))
	modes := map[string]string{}
	for _, m := range warehouse.AllMarts() {
		modes[m.Table.Name] = string(m.RefreshMode())
	}
	for _, s := range st {
		require.Equal(t, 5*time.Minute, s.TargetLag, s.Name) // marts.TargetLag
		require.Equal(t, modes[s.Name], s.RefreshMode, "%s states its refresh mode", s.Name)
		require.Equal(t, "ACTIVE", s.State, s.Name)
		require.True(t, s.LastRefresh.Equal(built), "%s last refresh %s", s.Name, s.LastRefresh)
		require.Equal(t, 2*time.Minute, s.Lag, s.Name)
	}

	g, err := datagen.New(o.Data)
	require.NoError(t, err)
	orders := g.Arrivals(900_000_000, 50, datagen.DefaultEnd().AddDate(0, 0, -6), datagen.DefaultEnd(), f.clock())
	require.NoError(t, pipelinetest.AppendOrders(ctx, f.eng, n, orders))

	var before, after int64
	count := `SELECT COUNT(*) FROM ` + warehouse.FctOrders().Ref(dialect.Snowflake, n)
	require.NoError(t, f.eng.DB().QueryRow(count).Scan(&before))
	f.advance(time.Minute)
	for _, stmt := range snowflake.RefreshDynamicTablesSQL(n) {
		_, err := f.eng.DB().ExecContext(ctx, stmt)
		require.NoError(t, err, stmt)
	}
	require.NoError(t, f.eng.DB().QueryRow(count).Scan(&after))
	require.Equal(t, before+int64(len(orders)), after, "every appended order is valid and reaches FCT_ORDERS")

	st, err = pipelinetest.Status(ctx, f.eng, n, f.clock)
	require.NoError(t, err)
	for _, s := range st {
		require.True(t, s.LastRefresh.Equal(f.clock()), "%s last refresh %s", s.Name, s.LastRefresh)
		require.Zero(t, s.Lag, s.Name)
	}
}

// TestSetupCancelledMidwayThenRerun cancels the set-up while RAW.ORDERS is
// loading: the table keeps what it held (nothing), no manifest row claims the
// load, and a second run completes a warehouse that passes every checkpoint.
func TestSetupCancelledMidwayThenRerun(t *testing.T) {
	f := startFake(t)
	o := testOptions(f.clock)
	ctx, cancel := context.WithCancel(context.Background())
	o.Progress = func(e pipeline.Event) {
		if e.Table == warehouse.RawOrders().Name && e.Done > 0 {
			cancel()
		}
	}
	_, err := pipelinetest.Setup(ctx, f.eng, o)
	require.ErrorIs(t, err, context.Canceled)

	n := o.Names
	var rows int64
	require.NoError(t, f.eng.DB().QueryRow(`SELECT COUNT(*) FROM `+warehouse.RawOrders().Ref(dialect.Snowflake, n)).Scan(&rows))
	require.Zero(t, rows, "a cancelled load must roll back")

	o.Progress = nil
	res, err := pipelinetest.Setup(context.Background(), f.eng, o)
	require.NoError(t, err)
	for _, l := range res.Loads {
		if l.Table == warehouse.RawOrders().Name {
			require.False(t, l.Skipped, "the cancelled load must not be recorded as done")
		}
	}
	rep, err := pipelinetest.Validate(context.Background(), f.eng, o)
	require.NoError(t, err)
	require.True(t, rep.Passed(), "%s", rep)
}

// The STAGING rules on Snowflake, through the driver: as-of date, twins,
// corrected re-deliveries (see pipelinetest.CheckRules).
func TestQualityRulesOnSnowflake(t *testing.T) {
	f := startFake(t)
	pipelinetest.CheckRules(t, f.eng, func(ctx context.Context) error {
		_, err := pipelinetest.Refresh(ctx, f.eng, warehouse.Names{}, f.clock)
		return err
	})
}
