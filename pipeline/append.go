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
	if err := w.appendOrders(ctx, orders); err != nil {
		return fmt.Errorf("pipeline: append orders: %w", err)
	}
	return nil
}

// appendOrders adds the orders through the engine's bulk path, or as bound
// INSERT batches, holding the refresh gate while it writes and while it
// records the commit: a refresh that counted the appends before this one
// committed must see it counted after.
func (w *Warehouse) appendOrders(ctx context.Context, orders []datagen.Order) error {
	eng, n, t, src := w.eng, w.names, warehouse.RawOrders(), OrderSource(orders)
	// The connection before the gate: waiting for the pool while holding the
	// gate would stall a refresh, which takes its connection first too. An
	// engine that appends only on a connection of its own (engine.Appender
	// without engine.ConnAppender) takes it inside the gate; give it a pool of
	// two or more.
	conn, err := eng.DB().Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	defer w.fresh.appending()()
	switch a := eng.(type) {
	case engine.ConnAppender:
		err = a.AppendConn(ctx, conn, t, n, src)
	case engine.Appender:
		err = a.Append(ctx, t, n, src)
	default:
		err = engine.ConnTxThen(ctx, conn, func(tx *sql.Tx) error {
			return engine.ExecInserts(ctx, tx, eng.Dialect(), n, t, src, engine.DefaultInsertBatch, nil)
		}, nil)
	}
	if err == nil {
		w.fresh.appended(w.now())
	}
	return err
}
