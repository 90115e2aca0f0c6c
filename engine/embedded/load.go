package embedded

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"runtime"
	"sync"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// loadBatch is the number of rows a worker produces at a time; progress is
// reported every progressEvery batches.
const (
	loadBatch     = 4096
	progressEvery = 16
)

// Load replaces table t with the rows of src inside one transaction: the table is
// created (or replaced) and filled through DuckDB's Appender, then committed. Any
// error, a cancelled ctx included, rolls everything back. Rows are produced by
// several goroutines and appended in index order, so the stored order is the same
// on every run.
func (e *Engine) Load(ctx context.Context, t warehouse.Table, n warehouse.Names, src engine.RowSource, progress func(int64)) error {
	return e.appendTx(ctx, t, n, t.CreateSQL(dialect.DuckDB, n, true), src, progress)
}

// Append adds the rows of src to the existing table t through DuckDB's Appender,
// in one transaction: on any error, a cancelled ctx included, the table is left
// as it was. Values are those of [engine.RowSource] (decimals as their unscaled
// integers), so money never passes through a float. It implements
// [engine.Appender].
func (e *Engine) Append(ctx context.Context, t warehouse.Table, n warehouse.Names, src engine.RowSource) error {
	return e.appendTx(ctx, t, n, "", src, nil)
}

// AppendConn is [Engine.Append] on conn, a connection of this engine's pool
// that the caller holds. It implements [engine.ConnAppender].
func (e *Engine) AppendConn(ctx context.Context, conn *sql.Conn, t warehouse.Table, n warehouse.Names, src engine.RowSource) error {
	return e.appendOn(ctx, conn, t, n, "", src, nil)
}

var (
	_ engine.Appender     = (*Engine)(nil)
	_ engine.ConnAppender = (*Engine)(nil)
)

// appendTx runs prepare (if not empty), then appends src to t, in one
// transaction on one connection.
func (e *Engine) appendTx(ctx context.Context, t warehouse.Table, n warehouse.Names, prepare string, src engine.RowSource, progress func(int64)) error {
	conn, err := e.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return e.appendOn(ctx, conn, t, n, prepare, src, progress)
}

// appendOn is appendTx on conn.
func (e *Engine) appendOn(ctx context.Context, conn *sql.Conn, t warehouse.Table, n warehouse.Names, prepare string, src engine.RowSource, progress func(int64)) error {
	return e.rawWrite(conn, func(dc *duckdb.Conn) error {
		exec := func(ctx context.Context, q string) error {
			_, err := dc.ExecContext(ctx, q, nil)
			return err
		}
		if err := exec(ctx, "BEGIN TRANSACTION"); err != nil {
			return err
		}
		committed := false
		defer func() {
			if !committed {
				_ = exec(context.Background(), "ROLLBACK")
			}
		}()
		if prepare != "" {
			if err := exec(ctx, prepare); err != nil {
				return err
			}
		}
		app, err := duckdb.NewAppender(dc, "", n.WithDefaults().SchemaFor(t.Layer), t.Name)
		if err != nil {
			return err
		}
		err = e.appendAll(ctx, app, len(t.Columns), src, progress)
		if cerr := app.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := exec(ctx, "COMMIT"); err != nil {
			return err
		}
		committed = true
		return nil
	})
}

type batch struct {
	vals []driver.Value // rows × cols, row-major
	rows int
	out  chan *batch
}

// appendAll fills batches on worker goroutines and appends them in order.
func (e *Engine) appendAll(ctx context.Context, app *duckdb.Appender, cols int, src engine.RowSource, progress func(int64)) error {
	workers := e.opts.LoadWorkers
	if workers <= 0 {
		workers = max(1, runtime.GOMAXPROCS(0)-1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	pool := sync.Pool{New: func() any {
		return &batch{vals: make([]driver.Value, loadBatch*cols), out: make(chan *batch, 1)}
	}}
	type job struct {
		start int64
		b     *batch
	}
	jobs := make(chan job)
	order := make(chan *batch, workers*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			row := make([]any, cols)
			for j := range jobs {
				end := min(j.start+loadBatch, src.Rows)
				for i := j.start; i < end; i++ {
					src.Fill(i, row)
					dst := j.b.vals[int(i-j.start)*cols:]
					for c, v := range row {
						dst[c] = v
					}
				}
				j.b.rows = int(end - j.start)
				j.b.out <- j.b
			}
		}()
	}
	go func() { // dispatch in index order
		defer close(order)
		defer close(jobs)
		for start := int64(0); start < src.Rows; start += loadBatch {
			b := pool.Get().(*batch)
			select {
			case order <- b:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{start, b}:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()

	var done int64
	for b := range order {
		var filled *batch
		select {
		case filled = <-b.out:
		case <-ctx.Done():
			return ctx.Err()
		}
		for r := 0; r < filled.rows; r++ {
			if err := app.AppendRow(filled.vals[r*cols : (r+1)*cols]...); err != nil {
				return fmt.Errorf("row %d: %w", done+int64(r), err)
			}
		}
		done += int64(filled.rows)
		pool.Put(filled)
		if err := ctx.Err(); err != nil {
			return err
		}
		if progress != nil && (done%(loadBatch*progressEvery) == 0 || done == src.Rows) {
			progress(done)
		}
	}
	if done != src.Rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fmt.Errorf("embedded: appended %d of %d rows", done, src.Rows)
	}
	return nil
}
