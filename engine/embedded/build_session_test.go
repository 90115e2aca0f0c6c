package embedded_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// A full build that fails after FCT_ORDERS' SET perfect_ht_threshold (its
// INSERT overflows a decimal) leaves no changed setting on the pooled
// connection: the refresh RESETs it once the transaction has rolled back,
// since a SET outlives a ROLLBACK.
func TestFailedBuildResetsItsSessionSetting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	db := eng.DB()
	db.SetMaxOpenConns(1) // the connection that builds is the one read after
	mustSetup(t, eng, options(0.01, 0))

	var def string
	require.NoError(t, db.QueryRow(`SELECT current_setting('perfect_ht_threshold')::VARCHAR`).Scan(&def))
	huge := datagen.Order{ // QUANTITY × UNIT_PRICE × (1 − DISCOUNT_PCT) needs more than 38 digits
		ID: 60_000_000, CustomerID: 1, HasCustomer: true, ProductID: 1, RepID: 1,
		OrderDate: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Quantity: 9_000_000_000_000_000_000,
		UnitPrice: 9_000_000_000_000_000_000, Discount: -999_999_999, Status: "Shipped", Channel: "Online",
		LoadedAt: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
	}
	require.NoError(t, pipelinetest.AppendOrders(ctx, eng, warehouse.Names{}, []datagen.Order{huge}))
	_, err := db.Exec("DELETE FROM " + warehouse.RefreshState().Ref(dialect.DuckDB, warehouse.Names{}))
	require.NoError(t, err)

	_, err = pipelinetest.Refresh(ctx, eng, warehouse.Names{}, nil)
	require.ErrorContains(t, err, "FCT_ORDERS")
	var got string
	require.NoError(t, db.QueryRow(`SELECT current_setting('perfect_ht_threshold')::VARCHAR`).Scan(&got))
	require.Equal(t, def, got)
}

// TestCommittedTxIsNotReportedFailed: when the statement after a committed
// transaction fails, InTxThen still reports the commit (the connection is
// discarded, not the result); a refresh that committed is never called failed.
func TestCommittedTxIsNotReportedFailed(t *testing.T) {
	eng := openMem(t)
	ctx := context.Background()
	err := engine.InTxThen(ctx, eng.DB(), func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE committed_here (x INTEGER)`)
		return err
	}, func(*sql.Conn) error { return errors.New("reset failed") })
	require.NoError(t, err)
	require.Zero(t, scalar[int64](t, eng.DB(), `SELECT COUNT(*) FROM committed_here`))
}
