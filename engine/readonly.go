package engine

import (
	"context"
	"errors"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// ErrNotReadOnly is returned (wrapped) when SQL is not one read-only query: by
// an engine's own check in [ReadOnlyRunner.RunReadOnly], and by package
// analyst's guard (analyst.ErrNotReadOnly is this error).
var ErrNotReadOnly = errors.New("analyst: not a single read-only query")

// ReadOnlyRunner is implemented by engines that can run SQL from an analyst
// answer read-only, confined and bounded: package analyst's Execute calls it
// after its own guard. The contract lives here, with the engines, so that an
// engine needs nothing of the analyst to offer it.
type ReadOnlyRunner interface {
	// Dialect is the SQL the engine reads, for the guard.
	Dialect() dialect.Dialect
	// RunReadOnly runs one statement the guard accepted (without its trailing
	// semicolons and comments) and returns at most maxRows rows, or
	// query.ErrTooManyRows; the engine stops at maxRows+1 rows. It returns an
	// error matching ErrNotReadOnly when the engine's own check refuses sql.
	RunReadOnly(ctx context.Context, sql string, maxRows int) (*query.Result, error)
}
