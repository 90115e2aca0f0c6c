package pipeline

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// AppendOrders adds orders to RAW.ORDERS in one transaction, as new arrivals do:
// through the engine's bulk path where it has one ([engine.Appender]: DuckDB's
// Appender on the embedded engine), else as bound INSERT batches (Snowflake).
// Both store the same rows, money as exact decimals; either all orders are added
// or none. A [Refresher] running on this Warehouse is woken at once; the marts
// see the orders after that refresh (embedded) or within the target lag
// (Snowflake).
func (w *Warehouse) AppendOrders(ctx context.Context, orders []datagen.Order) error {
	eng, n := w.eng, w.names
	t := warehouse.RawOrders()
	// The connection before the gate: waiting for the pool while holding the
	// gate would stall a refresh, which takes its connection first too.
	conn, err := eng.DB().Conn(ctx)
	if err != nil {
		return fmt.Errorf("pipeline: append orders: %w", err)
	}
	defer conn.Close()
	done := w.fresh.appending()
	defer done()
	if a, ok := eng.(engine.Appender); ok {
		err = a.AppendConn(ctx, conn, t, n, OrderSource(orders))
	} else {
		err = engine.ConnTxThen(ctx, conn, func(tx *sql.Tx) error {
			return engine.ExecInserts(ctx, tx, eng.Dialect(), n, t, OrderSource(orders), engine.DefaultInsertBatch, nil)
		}, nil)
	}
	if err != nil {
		return fmt.Errorf("pipeline: append orders: %w", err)
	}
	w.fresh.appended(w.now())
	return nil
}
