package embedded_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func TestSetupLoadsTheGeneratedBytesExactly(t *testing.T) {
	t.Parallel()
	for _, dirty := range []float64{0, 0.01} {
		eng := openMem(t)
		o := options(1, dirty)
		res := mustSetup(t, eng, o)
		gen, err := datagen.New(o.Data)
		require.NoError(t, err)

		require.Equal(t, gen.Checksum(), dbChecksum(t, eng.DB()), "dirty=%v: RAW must hold the generated rows exactly", dirty)
		require.Equal(t, gen.NumOrders(), count(t, eng.DB(), warehouse.RawOrders()))
		require.Equal(t, gen.NumCustomers(), count(t, eng.DB(), warehouse.RawCustomers()))
		require.Equal(t, gen.Injected().Counts, res.Injected.Counts)
	}
}

func TestEngineRoundsNetAmountLikeGo(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(1, 0)
	mustSetup(t, eng, o)
	gen, err := datagen.New(o.Data)
	require.NoError(t, err)
	f := gen.Figures()

	got := sumDecimal(t, eng.DB(), `SELECT SUM(ROUND("QUANTITY" * "UNIT_PRICE" * (1 - "DISCOUNT_PCT"), 2)) FROM "RAW"."ORDERS"`)
	require.Equal(t, f.Revenue.Decimal().String(), got.String(), "net revenue: SQL ROUND vs Go integer rounding")
	gross := sumDecimal(t, eng.DB(), `SELECT SUM("QUANTITY" * "UNIT_PRICE") FROM "RAW"."ORDERS"`)
	require.Equal(t, f.Gross.Decimal().String(), gross.String())
}

func TestSetupTwiceOnAFileChangesNothing(t *testing.T) {
	t.Parallel()
	path := tempDB(t)
	o := options(0.2, 0.01)

	eng := openFile(t, path)
	first := mustSetup(t, eng, o)
	sum1 := dbChecksum(t, eng.DB())
	require.NoError(t, eng.Close())
	for _, l := range first.Loads {
		require.False(t, l.Skipped, l.Table)
	}

	eng = openFile(t, path)
	defer eng.Close()
	second := mustSetup(t, eng, o)
	for _, l := range second.Loads {
		require.True(t, l.Skipped, "%s should be up to date", l.Table)
	}
	require.Equal(t, sum1, dbChecksum(t, eng.DB()))
	require.Equal(t, int64(20_000), count(t, eng.DB(), warehouse.RawOrders()), "no duplicated rows")
	require.Equal(t, int64(4), count(t, eng.DB(), warehouse.LoadManifest()))

	// Another configuration replaces the data rather than adding to it.
	third := mustSetup(t, eng, options(0.05, 0))
	require.False(t, third.Loads[3].Skipped)
	require.Equal(t, int64(5_000), count(t, eng.DB(), warehouse.RawOrders()))
}

func TestSetupRejectsBadInputAndBuildsNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		edit func(*pipelinetest.Opts)
		msg  string
	}{
		{"zero scale", func(o *pipelinetest.Opts) { o.Data.Scale = 0 }, "Scale must be positive"},
		{"negative scale", func(o *pipelinetest.Opts) { o.Data.Scale = -3 }, "Scale must be positive"},
		{"dirty fraction", func(o *pipelinetest.Opts) { o.Data.DirtyFraction = 2 }, "DirtyFraction"},
		{"bad schema name", func(o *pipelinetest.Opts) { o.Names.Raw = `RAW"; DROP TABLE x; --` }, "Names.Raw"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			eng := openMem(t)
			o := options(1, 0)
			tc.edit(&o)
			_, err := pipelinetest.Setup(ctx, eng, o)
			require.ErrorIs(t, err, pipeline.ErrInvalidOptions)
			require.ErrorContains(t, err, tc.msg)
			for _, tbl := range warehouse.RawTables() {
				require.False(t, tableExists(t, eng.DB(), tbl), "%s must not exist", tbl.Name)
			}
		})
	}

	t.Run("unknown engine", func(t *testing.T) {
		_, err := engine.Open(ctx, engine.Config{Name: "oracle"})
		require.ErrorIs(t, err, engine.ErrUnknownEngine)
		require.ErrorContains(t, err, `"oracle" (registered: duckdb, embedded)`)
	})

	t.Run("unwritable path", func(t *testing.T) {
		dir := t.TempDir()
		file := filepath.Join(dir, "not-a-dir")
		require.NoError(t, os.WriteFile(file, []byte("x"), 0o600))
		for _, p := range []string{
			filepath.Join(dir, "missing", "sales.duckdb"),
			filepath.Join(file, "sales.duckdb"),
			dir, // a directory, not a file
		} {
			_, err := embedded.Open(ctx, embedded.Options{Path: p})
			require.ErrorIs(t, err, embedded.ErrOpen, p)
			require.ErrorContains(t, err, p)
		}
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		require.Len(t, entries, 1, "nothing left behind")
	})
}

func TestCancelledSetupLeavesNoHalfWrittenTable(t *testing.T) {
	t.Parallel()
	path := tempDB(t)
	eng := openFile(t, path)
	defer eng.Close()

	// A fresh warehouse cancelled while loading ORDERS has no ORDERS table.
	ctx, cancel := context.WithCancel(context.Background())
	o := options(1, 0)
	o.Progress = func(e pipeline.Event) {
		if e.Table == warehouse.RawOrders().Name && e.Done > 0 && !e.Finished {
			cancel()
		}
	}
	_, err := pipelinetest.Setup(ctx, eng, o)
	require.ErrorIs(t, err, context.Canceled)
	require.False(t, tableExists(t, eng.DB(), warehouse.RawOrders()))

	// A loaded warehouse cancelled while reloading keeps its old rows and manifest.
	small := options(0.1, 0)
	mustSetup(t, eng, small)
	before := dbChecksum(t, eng.DB())
	ctx, cancel = context.WithCancel(context.Background())
	o.Progress = func(e pipeline.Event) {
		if e.Table == warehouse.RawOrders().Name && e.Done > 0 && !e.Finished {
			cancel()
		}
	}
	_, err = pipelinetest.Setup(ctx, eng, o)
	require.ErrorIs(t, err, context.Canceled)
	require.Equal(t, int64(10_000), count(t, eng.DB(), warehouse.RawOrders()))

	// The customers did reload before the cancel; ORDERS did not. A re-run of the
	// small set-up puts everything back, and the full one then completes.
	mustSetup(t, eng, small)
	require.Equal(t, before, dbChecksum(t, eng.DB()))
	res := mustSetup(t, eng, options(1, 0))
	require.Equal(t, int64(100_000), res.Loads[3].Rows)
	require.Equal(t, int64(100_000), count(t, eng.DB(), warehouse.RawOrders()))
}
