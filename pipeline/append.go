package pipeline

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// AppendOrders adds orders to RAW.ORDERS in one transaction, as new arrivals do.
// The marts see them after the next refresh (embedded) or within the target lag
// (Snowflake).
func (w *Warehouse) AppendOrders(ctx context.Context, orders []datagen.Order) error {
	eng, n := w.eng, w.names
	t := warehouse.RawOrders()
	return inTx(ctx, eng, func(tx *sql.Tx) error {
		if err := engine.ExecInserts(ctx, tx, eng.Dialect(), n, t, OrderSource(orders), engine.DefaultInsertBatch, nil); err != nil {
			return fmt.Errorf("pipeline: append orders: %w", err)
		}
		return nil
	})
}
