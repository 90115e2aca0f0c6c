package dashboard_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"testing"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/benchcpu"
)

// BenchmarkViewsReuse compares each view (warm, uncached) run as today, every
// statement prepared anew by QueryContext, with the same view through
// connections that keep each statement prepared once, by its SQL, and run it
// again with new arguments (mode=reuse), as the embedded engine's statement
// cache does. Both run over one database instance of BenchmarkViews' files
// (SALESANALYTICS_BENCH_DIR), through the driver alone, without the engine.
func BenchmarkViewsReuse(b *testing.B) {
	ctx := context.Background()
	dir := benchDir(b)
	for _, scale := range []float64{1, 10} {
		conn := benchConnector(b, dir, scale)
		dbs := map[string]*sql.DB{"plain": sql.OpenDB(conn), "reuse": sql.OpenDB(reuseConnector{conn})}
		for _, name := range []string{"executive", "regional", "product", "reps", "customers"} {
			fn := benchViews()[name]
			for _, mode := range []string{"plain", "reuse"} {
				b.Run(fmt.Sprintf("scale=%g/%s/mode=%s", scale, name, mode), func(b *testing.B) {
					d := newDash(b, dbs[mode], dashboard.Options{})
					if err := fn(ctx, d); err != nil { // warm
						b.Fatal(err)
					}
					defer benchcpu.PerOp(b)()
					for b.Loop() {
						if err := fn(ctx, d); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
		dbs["reuse"].Close()
		dbs["plain"].Close() // closes the connector
	}
}

// reuseConnector opens connections that keep their prepared statements.
type reuseConnector struct{ c driver.Connector }

func (c reuseConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.c.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &reuseConn{tracedConn: tracedConn{conn, &tracer{}}, stmts: map[string]*reuseStmt{}}, nil
}

func (c reuseConnector) Driver() driver.Driver { return c.c.Driver() }

type reuseStmt struct {
	st   driver.Stmt
	busy bool
}

// reuseConn runs a query through its statement prepared before, unless that
// statement's rows are still open.
type reuseConn struct {
	tracedConn
	stmts map[string]*reuseStmt
}

func (c *reuseConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	s, ok := c.stmts[q]
	if !ok {
		st, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		s = &reuseStmt{st: st}
		c.stmts[q] = s
	}
	if s.busy {
		return c.Conn.(driver.QueryerContext).QueryContext(ctx, q, args)
	}
	rows, err := s.st.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	s.busy = true
	return &tracedRows{Rows: rows, done: func() { s.busy = false }}, nil
}

func (c *reuseConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, q, args)
}

func (c *reuseConn) Close() error {
	for _, s := range c.stmts {
		s.st.Close()
	}
	return c.Conn.Close()
}
