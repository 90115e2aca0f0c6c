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
	return InTxThen(ctx, db, fn, nil)
}

// InTxThen is [InTx], then after on the same connection once the transaction
// has ended, committed or rolled back: a statement that must not outlive it on
// the pooled connection, such as the RESET of a session setting the
// transaction SET (a SET survives a ROLLBACK). When after fails the
// connection is discarded rather than returned to the pool, which is all its
// failure calls for: the result is the transaction's, so a committed
// transaction is never reported as failed.
func InTxThen(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error, after func(*sql.Conn) error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return ConnTxThen(ctx, conn, fn, after)
}

// ConnTxThen is [InTxThen] on conn, a connection the caller took from the pool
// and closes: a caller that orders its transaction against other work with a
// lock takes the connection first and the lock second, so that it never waits
// for the pool while holding the lock. When after fails conn is marked bad, so
// closing it discards it.
func ConnTxThen(ctx context.Context, conn *sql.Conn, fn func(*sql.Tx) error, after func(*sql.Conn) error) error {
	err := inConnTx(ctx, conn, fn)
	if after != nil && after(conn) != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	return err
}

func inConnTx(ctx context.Context, conn *sql.Conn, fn func(*sql.Tx) error) error {
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
