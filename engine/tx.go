package engine

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
)

// InTx runs fn in one transaction on db and commits it; when fn fails or ctx ends
// it rolls back instead, and returns that error.
//
// fn must run its statements with ctx: that is how cancellation reaches them. The
// transaction itself is begun without ctx's cancellation, because gosnowflake
// sends COMMIT and ROLLBACK with the context the transaction was begun with; a
// cancelled one would never send the ROLLBACK and would leave the transaction
// open on the session, for the next user of the pooled connection to commit
// (snowflakedb/gosnowflake#1233, #1688). If the ROLLBACK itself fails, the
// connection is discarded rather than returned to the pool.
func InTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return err
	}
	err = fn(tx)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if rerr := tx.Rollback(); rerr != nil && !errors.Is(rerr, sql.ErrTxDone) {
			// The session may still hold the transaction: never reuse it.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		return err
	}
	return tx.Commit()
}
