package dashboard_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// BenchmarkViewStatements profiles the views of BenchmarkViews (warm,
// uncached) through a driver that times every statement from its call to its
// rows' Close: it reports each view's statements per call (stmts/op) and the
// wall time spent in them and elsewhere (Go-side work between statements), and
// logs (-v) each statement with its mean time, the slowest first. The files
// are BenchmarkViews' (SALESANALYTICS_BENCH_DIR), opened apart: DuckDB holds a
// file in one database instance only.
func BenchmarkViewStatements(b *testing.B) {
	ctx := context.Background()
	dir := benchDir(b)
	for _, scale := range []float64{1, 10} {
		conn := benchConnector(b, dir, scale)
		tr := &tracer{}
		db := sql.OpenDB(tracedConnector{conn, tr})
		d := newDash(b, db, dashboard.Options{})
		for _, name := range []string{"executive", "regional", "product", "reps", "customers"} {
			fn := benchViews()[name]
			b.Run(fmt.Sprintf("scale=%g/%s", scale, name), func(b *testing.B) {
				if err := fn(ctx, d); err != nil { // warm
					b.Fatal(err)
				}
				tr.reset()
				start := time.Now()
				for b.Loop() {
					if err := fn(ctx, d); err != nil {
						b.Fatal(err)
					}
				}
				total := time.Since(start)
				stmts, in := tr.totals()
				b.ReportMetric(float64(stmts)/float64(b.N), "stmts/op")
				b.ReportMetric(ms(in)/float64(b.N), "stmt-ms/op")
				b.ReportMetric(ms(total-in)/float64(b.N), "other-ms/op")
				b.Logf("%s", tr.report(b.N))
			})
		}
		db.Close()
	}
}

// tracer collects the time of each statement, by its SQL, in call order.
type tracer struct {
	mu    sync.Mutex
	order []string
	time  map[string]time.Duration
	calls map[string]int
}

func (t *tracer) reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.order, t.time, t.calls = nil, map[string]time.Duration{}, map[string]int{}
}

func (t *tracer) add(q string, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.time == nil {
		t.time, t.calls = map[string]time.Duration{}, map[string]int{}
	}
	if _, ok := t.calls[q]; !ok {
		t.order = append(t.order, q)
	}
	t.time[q] += d
	t.calls[q]++
}

// totals returns the statements run and the time spent in them.
func (t *tracer) totals() (int, time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n, sum := 0, time.Duration(0)
	for _, q := range t.order {
		n += t.calls[q]
		sum += t.time[q]
	}
	return n, sum
}

// report lists each statement's mean time over runs, the slowest first, with
// its place in the view's order.
func (t *tracer) report(runs int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var b strings.Builder
	idx := make([]int, len(t.order))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return t.time[t.order[idx[i]]] > t.time[t.order[idx[j]]] })
	for _, i := range idx {
		q := t.order[i]
		short := strings.Join(strings.Fields(q), " ")
		if len(short) > 200 {
			short = short[:200] + "…"
		}
		fmt.Fprintf(&b, "\n  #%-2d %7.3f ms ×%d  %s", i+1, ms(t.time[q]/time.Duration(t.calls[q])), t.calls[q]/runs, short)
	}
	return b.String()
}

// benchConnector opens BenchmarkViews' file at scale in dir, building it if
// missing, as one DuckDB database of the benchmark's own.
func benchConnector(b *testing.B, dir string, scale float64) *duckdb.Connector {
	path := filepath.Join(dir, fmt.Sprintf("scale%g.duckdb", scale))
	if _, err := os.Stat(path); err != nil {
		buildFile(b, path, scale)
	}
	conn, err := duckdb.NewConnector(path+"?allocator_background_threads=true&memory_limit=1536MiB", nil)
	if err != nil {
		b.Fatal(err)
	}
	return conn
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// tracedConnector opens connections whose statements tr times.
type tracedConnector struct {
	c  driver.Connector
	tr *tracer
}

func (c tracedConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.c.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &tracedConn{conn, c.tr}, nil
}

func (c tracedConnector) Driver() driver.Driver { return c.c.Driver() }

type tracedConn struct {
	driver.Conn
	tr *tracer
}

func (c *tracedConn) BeginTx(ctx context.Context, o driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, o)
}

func (c *tracedConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, q)
}

func (c *tracedConn) CheckNamedValue(v *driver.NamedValue) error {
	return c.Conn.(driver.NamedValueChecker).CheckNamedValue(v)
}

func (c *tracedConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	start := time.Now()
	defer func() { c.tr.add(q, time.Since(start)) }()
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, q, args)
}

func (c *tracedConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	start := time.Now()
	rows, err := c.Conn.(driver.QueryerContext).QueryContext(ctx, q, args)
	if err != nil {
		c.tr.add(q, time.Since(start))
		return nil, err
	}
	return &tracedRows{Rows: rows, done: func() { c.tr.add(q, time.Since(start)) }}, nil
}

// tracedRows reports its statement's time when closed, and passes on the
// column types database/sql asks for.
type tracedRows struct {
	driver.Rows
	done func()
	once sync.Once
}

func (r *tracedRows) Close() error {
	err := r.Rows.Close()
	r.once.Do(r.done)
	return err
}

func (r *tracedRows) ColumnTypeScanType(i int) reflect.Type {
	if x, ok := r.Rows.(driver.RowsColumnTypeScanType); ok {
		return x.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}

func (r *tracedRows) ColumnTypeDatabaseTypeName(i int) string {
	if x, ok := r.Rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return x.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

func (r *tracedRows) ColumnTypeNullable(i int) (bool, bool) {
	if x, ok := r.Rows.(driver.RowsColumnTypeNullable); ok {
		return x.ColumnTypeNullable(i)
	}
	return false, false
}

func (r *tracedRows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	if x, ok := r.Rows.(driver.RowsColumnTypePrecisionScale); ok {
		return x.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}

func (r *tracedRows) ColumnTypeLength(i int) (int64, bool) {
	if x, ok := r.Rows.(driver.RowsColumnTypeLength); ok {
		return x.ColumnTypeLength(i)
	}
	return 0, false
}
