package engine

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// DefaultInsertBatch is the number of rows per INSERT statement on the Snowflake load
// path: 1,000 rows of 11 columns stays well inside Snowflake's bind limits.
const DefaultInsertBatch = 1000

// Insert is one compiled INSERT statement with its bound arguments.
type Insert struct {
	SQL  string
	Args []any
	Rows int // rows in this batch
}

// InsertBatches compiles src into multi-row INSERT statements of at most batch rows
// for table t in dialect d. Every value is a bound argument; decimal columns are
// bound as exact decimal text (never a float), NULLs as nil. This is the load path
// for engines without a bulk appender, Snowflake among them.
func InsertBatches(d dialect.Dialect, n warehouse.Names, t warehouse.Table, src RowSource, batch int) iter.Seq[Insert] {
	if batch <= 0 {
		batch = DefaultInsertBatch
	}
	return func(yield func(Insert) bool) {
		row := make([]any, len(t.Columns))
		for start := int64(0); start < src.Rows; start += int64(batch) {
			end := min(start+int64(batch), src.Rows)
			rows := int(end - start)
			args := make([]any, 0, rows*len(t.Columns))
			for i := start; i < end; i++ {
				src.Fill(i, row)
				for c, v := range row {
					args = append(args, bindValue(t.Columns[c].Type, v))
				}
			}
			if !yield(Insert{SQL: InsertSQL(d, n, t, rows), Args: args, Rows: rows}) {
				return
			}
		}
	}
}

// InsertSQL returns INSERT INTO t (cols) VALUES (?, …), … for rows rows.
func InsertSQL(d dialect.Dialect, n warehouse.Names, t warehouse.Table, rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(t.Ref(d, n))
	b.WriteString(" (")
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(d.Quote(c.Name))
	}
	b.WriteString(") VALUES ")
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.Columns)), ", ") + ")"
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteString(tuple)
	}
	return b.String()
}

// bindValue turns a RowSource value into a driver argument for a column of type t.
func bindValue(t dialect.Type, v any) any {
	switch x := v.(type) {
	case int64:
		if t.Kind == dialect.KindDecimal {
			return scaledText(x, t.Scale)
		}
		return x
	case time.Time:
		return x.UTC()
	}
	return v
}

// scaledText renders unscaled / 10^scale as exact decimal text.
func scaledText(unscaled int64, scale int) string {
	if scale == 0 {
		return fmt.Sprint(unscaled)
	}
	sign := ""
	u := uint64(unscaled)
	if unscaled < 0 {
		sign, u = "-", uint64(-unscaled)
	}
	s := fmt.Sprintf("%0*d", scale+1, u)
	return sign + s[:len(s)-scale] + "." + s[len(s)-scale:]
}

// ExecInserts runs the [InsertBatches] of src into t on tx, with ctx, calling
// progress (if not nil) with the rows inserted so far after each batch.
func ExecInserts(ctx context.Context, tx *sql.Tx, d dialect.Dialect, n warehouse.Names, t warehouse.Table, src RowSource, batch int, progress func(done int64)) error {
	var done int64
	for ins := range InsertBatches(d, n, t, src, batch) {
		if _, err := tx.ExecContext(ctx, ins.SQL, ins.Args...); err != nil {
			return err
		}
		done += int64(ins.Rows)
		if progress != nil {
			progress(done)
		}
	}
	return nil
}
