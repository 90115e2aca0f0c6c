package analyst

import (
	"context"
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/query"
)

// Defaults of [ExecOptions].
const (
	DefaultMaxRows     = 10_000
	DefaultExecTimeout = 30 * time.Second
)

// ExecOptions bound the execution of analyst SQL.
type ExecOptions struct {
	// MaxRows caps the rows returned; more are an error, not a silent cut. Zero
	// means DefaultMaxRows.
	MaxRows int
	// Timeout caps the statement's run time. Zero means DefaultExecTimeout.
	Timeout time.Duration
}

// ErrTooManyRows is returned (wrapped) when a result exceeds MaxRows.
var ErrTooManyRows = query.ErrTooManyRows

// Execute runs SQL the analyst returned, after [CheckReadOnly], within the row cap
// and the timeout, and returns exact, typed results through package query
// (decimals as decimal.Decimal).
func Execute(ctx context.Context, db query.Querier, sql string, opts ExecOptions) (*query.Result, error) {
	if err := CheckReadOnly(sql); err != nil {
		return nil, err
	}
	if opts.MaxRows <= 0 {
		opts.MaxRows = DefaultMaxRows
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultExecTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	res, err := query.RunSQL(ctx, db, sql, opts.MaxRows)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("analyst: the query did not finish within %s: %w", opts.Timeout, ctx.Err())
		}
		return nil, err
	}
	return res, nil
}
