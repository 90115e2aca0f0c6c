package analyst

import (
	"context"
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/query"
)

// Defaults of [ExecOptions].
const (
	DefaultMaxRows     = 10_000
	DefaultExecTimeout = 30 * time.Second
)

// ExecOptions bound the execution of analyst SQL.
type ExecOptions struct {
	// MaxRows caps the rows returned; more are an error, not a silent cut. The
	// cap is handed to the engine, so a larger result is never built. Zero means
	// DefaultMaxRows.
	MaxRows int
	// Timeout caps the whole run: the guard, the engine's parse and check, and
	// the query. Zero means DefaultExecTimeout.
	Timeout time.Duration
	// Database is, on Snowflake, the one database a three-part table name may
	// name. Empty means DefaultDatabase.
	Database string
}

// ErrTooManyRows is returned (wrapped) when a result exceeds MaxRows.
var ErrTooManyRows = query.ErrTooManyRows

// ReadOnlyRunner is what an engine offers to run analyst SQL read-only; its
// contract lives with the engines ([engine.ReadOnlyRunner]).
type ReadOnlyRunner = engine.ReadOnlyRunner

// Execute runs SQL the analyst returned on eng: first through [CheckReadOnly] for
// eng's dialect, then through the engine's own check and confinement
// ([ReadOnlyRunner]), within the row cap and the timeout, and returns exact,
// typed results through package query (decimals as decimal.Decimal).
func Execute(ctx context.Context, eng ReadOnlyRunner, sql string, opts ExecOptions) (*query.Result, error) {
	if opts.MaxRows <= 0 {
		opts.MaxRows = DefaultMaxRows
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultExecTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	body, err := readOnlyBody(sql, eng.Dialect(), opts.Database)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyst: the query did not finish within %s: %w", opts.Timeout, err)
	}
	// The engine is interrupted when ctx ends, but it may take a while to stop
	// (a large value already built, a driver mid-transfer); the caller gets its
	// answer at the deadline regardless, and the run finishes on its own.
	type outcome struct {
		res *query.Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := eng.RunReadOnly(ctx, body, opts.MaxRows)
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		if o.err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("analyst: the query did not finish within %s: %w", opts.Timeout, ctx.Err())
			}
			return nil, o.err
		}
		return o.res, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("analyst: the query did not finish within %s: %w", opts.Timeout, ctx.Err())
	}
}
