package embedded_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func generator(tb testing.TB, o pipelinetest.Opts) *datagen.Generator {
	tb.Helper()
	g, err := datagen.New(o.Data)
	require.NoError(tb, err)
	return g
}

func scalar[T any](tb testing.TB, db *sql.DB, q string, args ...any) T {
	tb.Helper()
	var v T
	require.NoError(tb, db.QueryRow(q, args...).Scan(&v), q)
	return v
}

// requireReconciled checks the layer counts and that every mart's revenue equals
// FCT_ORDERS revenue to the cent, which equals want (computed in Go).
func requireReconciled(tb testing.TB, db *sql.DB, want datagen.Cents) {
	tb.Helper()
	raw := count(tb, db, warehouse.RawOrders())
	valid := scalar[int64](tb, db, `SELECT COUNT(*) FROM "STAGING"."STG_ORDERS" WHERE "IS_VALID"`)
	invalid := scalar[int64](tb, db, `SELECT COUNT(*) FROM "STAGING"."STG_ORDERS" WHERE NOT "IS_VALID"`)
	require.Equal(tb, raw, valid+invalid, "RAW.ORDERS = valid + invalid")
	require.Equal(tb, valid, count(tb, db, warehouse.FctOrders()), "FCT_ORDERS = valid rows")
	require.Equal(tb, valid, scalar[int64](tb, db, `SELECT COUNT(DISTINCT "ORDER_ID") FROM "MARTS"."FCT_ORDERS"`), "one row per order")

	nulls := "SELECT 0"
	for _, c := range warehouse.FctOrders().Columns {
		nulls += fmt.Sprintf(` + COUNT(*) - COUNT("%s")`, c.Name)
	}
	require.Zero(tb, scalar[int64](tb, db, nulls+` FROM "MARTS"."FCT_ORDERS"`), "no NULL in FCT_ORDERS")

	fct := sumDecimal(tb, db, `SELECT SUM("NET_AMOUNT") FROM "MARTS"."FCT_ORDERS"`)
	require.Equal(tb, want.Decimal().String(), fct.String(), "FCT_ORDERS revenue vs Go")
	for _, m := range []struct{ table, col string }{
		{"DAILY_SALES", "REVENUE"}, {"SALES_BY_REGION", "REVENUE"}, {"SALES_BY_PRODUCT", "REVENUE"},
		{"SALES_BY_CUSTOMER", "LIFETIME_REVENUE"}, {"SALES_BY_REP", "REVENUE"}, {"SALES_BY_CUSTOMER_YEAR", "REVENUE"},
		{"SALES_BY_MONTH", "REVENUE"}, {"SALES_BY_YEAR", "REVENUE"}, {"SALES_BY_REGION_YEAR", "REVENUE"}, {"SALES_BY_REP_YEAR", "REVENUE"},
		{"SALES_BY_SEGMENT_YEAR", "REVENUE"}, {"SALES_BY_INDUSTRY_YEAR", "REVENUE"}, {"SALES_BY_REGION_CATEGORY", "REVENUE"},
	} {
		got := sumDecimal(tb, db, fmt.Sprintf(`SELECT SUM("%s") FROM "MARTS"."%s"`, m.col, m.table))
		require.Equal(tb, fct.String(), got.String(), "%s revenue reconciles to the cent", m.table)
	}
}

func revenueOf(orders []datagen.Order) datagen.Cents {
	var c datagen.Cents
	for _, o := range orders {
		c += o.NetAmount()
	}
	return c
}

func TestMartsReconcileWithGoAtScale1(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(1, 0)
	res := mustSetup(t, eng, o)
	require.Equal(t, pipeline.RefreshFull, res.Marts.Kind)
	g := generator(t, o)
	f := g.Figures()
	requireReconciled(t, eng.DB(), f.Revenue)
	requireMartsMatchOracle(t, eng.DB(), oracle(g, validOrders(g)))
}

func TestQualitySummaryCountsExactlyWhatWasInjected(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(1, 0.01)
	res := mustSetup(t, eng, o)
	g := generator(t, o)
	require.Positive(t, res.Injected.Total())

	rows, err := eng.DB().Query(`SELECT "RULE_NAME", "ROWS_CHECKED", "FAILURES" FROM "STAGING"."DATA_QUALITY_SUMMARY" WHERE "TABLE_NAME" = 'ORDERS'`)
	require.NoError(t, err)
	got := map[datagen.Rule]int64{}
	for rows.Next() {
		var rule string
		var checked, failures int64
		require.NoError(t, rows.Scan(&rule, &checked, &failures))
		require.Equal(t, g.NumOrders(), checked)
		got[datagen.Rule(rule)] = failures
	}
	require.NoError(t, rows.Err())
	for _, r := range datagen.Rules() {
		require.Equal(t, res.Injected.Counts[r], got[r], "rule %s", r)
	}
	require.Zero(t, got[warehouse.RuleUnknownCustomer])
	require.Zero(t, got[warehouse.RuleUnknownRep])
	require.Len(t, got, len(warehouse.OrderRules()))

	// Each injected row carries exactly its rule.
	for _, in := range res.Injected.Rows[:50] {
		var reason string
		require.NoError(t, eng.DB().QueryRow(
			`SELECT "INVALID_REASON" FROM "STAGING"."STG_ORDERS" WHERE "ORDER_ID" = ? AND NOT "IS_VALID" ORDER BY "LOADED_AT" DESC LIMIT 1`, in.OrderID).Scan(&reason))
		require.Equal(t, string(in.Rule), reason, "order %d", in.OrderID)
	}
	requireReconciled(t, eng.DB(), g.Figures().Revenue)
	requireMartsMatchOracle(t, eng.DB(), oracle(g, validOrders(g)))
}

func TestNewOrdersFoldInIncrementallyAndReconcile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.2, 0.01)
	mustSetup(t, eng, o)
	g := generator(t, o)

	loaded := time.Date(2026, 1, 3, 9, 0, 0, 0, time.UTC) // after every generated load
	arrivals := g.Arrivals(10_000_001, 1000, time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), datagen.DefaultEnd(), loaded)
	dup := arrivals[0] // the same order again, loaded later: a duplicate, not revenue
	dup.LoadedAt = loaded.Add(time.Minute)
	require.NoError(t, pipelinetest.AppendOrders(ctx, eng, warehouse.Names{}, append(arrivals, dup)))

	st, err := pipelinetest.Status(ctx, eng, warehouse.Names{}, func() time.Time { return loaded.Add(2 * time.Minute) })
	require.NoError(t, err)
	require.Len(t, st, len(warehouse.AllMarts()))
	require.Equal(t, int64(1001), st[0].Pending)
	require.True(t, st[0].WithinLag() == (st[0].Lag <= warehouse.TargetLag))

	res, err := pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshIncremental, res.Kind, res.Reason)
	require.Equal(t, int64(1001), res.NewOrders)

	valid := validOrders(g, arrivals...)
	requireReconciled(t, eng.DB(), revenueOf(valid))
	requireMartsMatchOracle(t, eng.DB(), oracle(g, valid))

	st, err = pipelinetest.Status(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	for _, s := range st {
		require.Zero(t, s.Pending, s.Name)
		require.True(t, s.WithinLag(), s.String())
	}
	again, err := pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshNone, again.Kind)
}

func TestRefreshRebuildsFullyWhenHistoryChanges(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.05, 0)
	mustSetup(t, eng, o)
	g := generator(t, o)

	// A deleted order is not an append: only a full rebuild is right.
	_, err := eng.DB().Exec(`DELETE FROM "RAW"."ORDERS" WHERE "ORDER_ID" = 1`)
	require.NoError(t, err)
	res, err := pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshFull, res.Kind)
	require.Contains(t, res.Reason, "RAW.ORDERS up to the watermark changed")
	requireMartsMatchOracle(t, eng.DB(), oracle(g, validOrders(g)[1:]))

	_, err = eng.DB().Exec(`DELETE FROM "RAW"."SALES_REPS" WHERE "REP_ID" = 1`)
	require.NoError(t, err)
	res, err = pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshFull, res.Kind)
	require.Contains(t, res.Reason, "dimension tables changed")
	require.Zero(t, scalar[int64](t, eng.DB(), `SELECT COUNT(*) FROM "MARTS"."FCT_ORDERS" WHERE "REP_ID" = 1`))
	require.Positive(t, scalar[int64](t, eng.DB(), `SELECT COUNT(*) FROM "STAGING"."STG_ORDERS" WHERE "INVALID_REASON" = 'unknown_rep'`))
}

// TestRefreshBuildsAMartTheModelGained: a warehouse built before the model had
// one of its marts (here: that mart dropped) is rebuilt in full on the next
// refresh, not folded into a table that is not there — which failed every
// incremental refresh after it, so appended orders never reached the marts.
func TestRefreshBuildsAMartTheModelGained(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.05, 0)
	mustSetup(t, eng, o)
	g := generator(t, o)
	marts := warehouse.AllMarts()
	last := marts[len(marts)-1].Table.Name
	_, err := eng.DB().Exec(fmt.Sprintf(`DROP TABLE "MARTS".%q`, last))
	require.NoError(t, err)

	res, err := pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshFull, res.Kind)
	require.Contains(t, res.Reason, "mart "+last+" is missing")
	requireMartsMatchOracle(t, eng.DB(), oracle(g, validOrders(g)))
	again, err := pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.NoError(t, err)
	require.Equal(t, pipeline.RefreshNone, again.Kind)
}

// martsChecksum hashes every mart's rows in key order.
func martsChecksum(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	var s string
	for _, t := range warehouse.MartTables() {
		var h string
		require.NoError(tb, db.QueryRow(fmt.Sprintf(`SELECT CAST(SUM(hash(t)) AS VARCHAR) FROM (SELECT * FROM "MARTS"."%s") t`, t.Name)).Scan(&h))
		s += t.Name + "=" + h + ";"
	}
	return s
}

func TestSetupTwiceGivesIdenticalMarts(t *testing.T) {
	t.Parallel()
	path := tempDB(t)
	o := options(0.2, 0.01)
	eng := openFile(t, path)
	mustSetup(t, eng, o)
	first := martsChecksum(t, eng.DB())
	require.NoError(t, eng.Close())

	eng = openFile(t, path)
	defer eng.Close()
	res := mustSetup(t, eng, o)
	require.Equal(t, pipeline.RefreshNone, res.Marts.Kind, "current marts are left alone")
	require.Equal(t, first, martsChecksum(t, eng.DB()))

	// Forcing a rebuild gives the same marts too.
	_, err := eng.DB().Exec(`DELETE FROM "MARTS"."REFRESH_STATE"`)
	require.NoError(t, err)
	res = mustSetup(t, eng, o)
	require.Equal(t, pipeline.RefreshFull, res.Marts.Kind)
	require.Equal(t, first, martsChecksum(t, eng.DB()))
}

func TestSetupCancelledWhileBuildingMartsThenRerun(t *testing.T) {
	t.Parallel()
	path := tempDB(t)
	eng := openFile(t, path)
	defer eng.Close()
	o := options(0.3, 0.01)
	ctx, cancel := context.WithCancel(context.Background())
	o.Progress = func(e pipeline.Event) {
		if e.Phase == pipeline.PhaseStaging && e.Finished {
			cancel() // the marts build starts with a cancelled context
		}
	}
	_, err := pipelinetest.Setup(ctx, eng, o)
	require.ErrorIs(t, err, context.Canceled)
	require.False(t, tableExists(t, eng.DB(), warehouse.FctOrders()), "no half-built marts")
	require.False(t, tableExists(t, eng.DB(), warehouse.RefreshState()))

	o.Progress = nil
	res := mustSetup(t, eng, o)
	require.Equal(t, pipeline.RefreshFull, res.Marts.Kind)
	g := generator(t, o)
	requireReconciled(t, eng.DB(), g.Figures().Revenue)
	requireMartsMatchOracle(t, eng.DB(), oracle(g, validOrders(g)))
}

// Tiny data sets leave days and months without sales: the moving averages must
// count them as zero (the oracle does), and growth must skip a missing month.
func TestMovingAveragesCountMissingPeriodsAsZero(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(0.002, 0) // 200 orders over two years: most days are empty
	mustSetup(t, eng, o)
	g := generator(t, o)
	requireMartsMatchOracle(t, eng.DB(), oracle(g, validOrders(g)))
	gaps := scalar[int64](t, eng.DB(), `SELECT COUNT(*) FROM "MARTS"."SALES_BY_REGION" WHERE "MOM_GROWTH" IS NULL`)
	require.Greater(t, gaps, int64(4), "months without a previous month have no growth")

	// A region's first sale a week or more after the data's first day: the days
	// before count as zero, so its 7-day average is its revenue over 7, not its
	// revenue.
	rows, err := eng.DB().Query(`SELECT d."REVENUE"::VARCHAR, d."REVENUE_7D_AVG"::VARCHAR FROM "MARTS"."DAILY_SALES" d
		WHERE d."SALES_DATE" = (SELECT MIN("SALES_DATE") FROM "MARTS"."DAILY_SALES" x WHERE x."REGION" = d."REGION")
		  AND d."SALES_DATE" >= (SELECT MIN("SALES_DATE") FROM "MARTS"."DAILY_SALES") + 6`)
	require.NoError(t, err)
	defer rows.Close()
	late := 0
	for rows.Next() {
		var rev, avg string
		require.NoError(t, rows.Scan(&rev, &avg))
		want := decimal.RequireFromString(rev).Div(decimal.NewFromInt(7)).Round(2) // half away from zero
		require.Equal(t, want.StringFixed(2), decimal.RequireFromString(avg).StringFixed(2), "revenue %s", rev)
		late++
	}
	require.NoError(t, rows.Err())
	require.Positive(t, late, "the data set has a region that starts selling late")
}
