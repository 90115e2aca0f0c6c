package pipeline

import (
	"context"
	"database/sql"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Engine is a warehouse the pipeline can build: a database handle, its dialect and
// a bulk loader. The embedded engine (package pipeline/embedded) implements it with
// DuckDB's Appender; a Snowflake engine implements it with bound INSERT batches
// (see [InsertBatches]).
type Engine interface {
	// DB is the engine's database handle.
	DB() *sql.DB
	// Dialect says which SQL the engine speaks.
	Dialect() dialect.Dialect
	// Load replaces the contents of table t with the rows of src, atomically: when
	// it returns an error (a cancelled context included) the table holds what it
	// held before. progress, if not nil, is called now and then with the number of
	// rows loaded so far.
	Load(ctx context.Context, t warehouse.Table, n warehouse.Names, src RowSource, progress func(done int64)) error
}

// RowSource yields the rows of one table by index, in the column order of the
// table's definition. Values are int64 (integer columns, and decimal columns as
// their unscaled integer at the column's scale), string, time.Time (UTC), bool or
// nil for NULL. Fill must be safe to call from several goroutines at once.
type RowSource struct {
	// Rows is the number of rows.
	Rows int64
	// Fill writes row i, for i in [0, Rows), into dst, which has one slot per column.
	Fill func(i int64, dst []any)
}
