package embedded_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// arrivalsForAppend returns n new orders loaded at at, with the shapes RAW
// holds: a NULL customer, a zero discount, a duplicate ORDER_ID of the batch
// and a money value with cents.
func arrivalsForAppend(tb testing.TB, o pipelinetest.Opts, n int, at time.Time) []datagen.Order {
	tb.Helper()
	g, err := datagen.New(o.Data)
	require.NoError(tb, err)
	from := datagen.DefaultEnd().AddDate(0, 0, -6)
	orders := g.Arrivals(90_000_000, n, from, datagen.DefaultEnd(), at)
	orders[0].HasCustomer, orders[0].CustomerID = false, 0
	orders[1].Discount = 0
	orders[2].UnitPrice = 1234567 // 12,345.67 at scale 2
	orders = append(orders, orders[3])
	return orders
}

// insertOrders is the path every append took before the Appender: bound INSERT
// batches in one transaction.
func insertOrders(ctx context.Context, eng engine.Engine, orders []datagen.Order) error {
	tx, err := eng.DB().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	err = engine.ExecInserts(ctx, tx, eng.Dialect(), warehouse.Names{}, warehouse.RawOrders(), pipeline.OrderSource(orders), engine.DefaultInsertBatch, nil)
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

func TestAppendOrdersStoresWhatInsertsStore(t *testing.T) {
	ctx := context.Background()
	o := options(0.02, 0.01)
	at := time.Date(2026, 1, 1, 9, 30, 15, 0, time.UTC)
	orders := arrivalsForAppend(t, o, 1000, at)

	viaAppender, viaInserts := openMem(t), openMem(t)
	for _, eng := range []engine.Engine{viaAppender, viaInserts} {
		mustSetup(t, eng, o)
	}
	_, isAppender := engine.Engine(viaAppender).(engine.Appender)
	require.True(t, isAppender, "the embedded engine appends with DuckDB's Appender")
	require.NoError(t, pipelinetest.AppendOrders(ctx, viaAppender, warehouse.Names{}, orders))
	require.NoError(t, insertOrders(ctx, viaInserts, orders))

	require.Equal(t, count(t, viaInserts.DB(), warehouse.RawOrders()), count(t, viaAppender.DB(), warehouse.RawOrders()))
	require.Equal(t, dbChecksum(t, viaInserts.DB()), dbChecksum(t, viaAppender.DB()),
		"RAW read back in load order differs between the Appender and INSERT paths")
	require.Equal(t, "12345.67", moneyOf(t, viaAppender.DB(), 90_000_002))
}

func moneyOf(tb testing.TB, db *sql.DB, id int64) string {
	tb.Helper()
	var s string
	require.NoError(tb, db.QueryRow(`SELECT CAST(UNIT_PRICE AS VARCHAR) FROM "RAW"."ORDERS" WHERE ORDER_ID = ?`, id).Scan(&s))
	return s
}

func TestAppendIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.01, 0)
	mustSetup(t, eng, o)
	before := dbChecksum(t, eng.DB())
	orders := arrivalsForAppend(t, o, 50, time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC))
	src := pipeline.OrderSource(orders)
	fill := src.Fill
	src.Fill = func(i int64, dst []any) { // the last row breaks ORDER_ID NOT NULL
		fill(i, dst)
		if i == src.Rows-1 {
			dst[0] = nil
		}
	}
	err := eng.Append(ctx, warehouse.RawOrders(), warehouse.Names{}, src)
	require.Error(t, err)
	require.Equal(t, before, dbChecksum(t, eng.DB()), "a failed append left rows behind")

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	require.ErrorIs(t, eng.Append(cancelled, warehouse.RawOrders(), warehouse.Names{}, pipeline.OrderSource(orders)), context.Canceled)
	require.Equal(t, before, dbChecksum(t, eng.DB()))
}

// appendOnly is an outside engine with a bulk path that cannot append on a
// caller's connection: it implements engine.Appender, not ConnAppender.
type appendOnly struct {
	engine.Engine
	bulk *embedded.Engine
	used int
}

func (a *appendOnly) Append(ctx context.Context, t warehouse.Table, n warehouse.Names, src engine.RowSource) error {
	a.used++
	return a.bulk.Append(ctx, t, n, src)
}

// TestAppendUsesAnAppendOnlyEngine: an engine implementing only
// engine.Appender has its Append called (not bound INSERTs instead), and
// stores what the INSERT path stores.
func TestAppendUsesAnAppendOnlyEngine(t *testing.T) {
	ctx := context.Background()
	o := options(0.02, 0.01)
	orders := arrivalsForAppend(t, o, 200, time.Date(2026, 1, 1, 9, 30, 15, 0, time.UTC))
	mem, viaInserts := openMem(t), openMem(t)
	for _, eng := range []engine.Engine{mem, viaInserts} {
		mustSetup(t, eng, o)
	}
	outside := &appendOnly{Engine: mem, bulk: mem}
	_, onConn := engine.Engine(outside).(engine.ConnAppender)
	require.False(t, onConn)
	require.NoError(t, pipelinetest.AppendOrders(ctx, outside, warehouse.Names{}, orders))
	require.Equal(t, 1, outside.used, "the engine's Append was not called")
	require.NoError(t, insertOrders(ctx, viaInserts, orders))
	require.Equal(t, dbChecksum(t, viaInserts.DB()), dbChecksum(t, mem.DB()))
}
