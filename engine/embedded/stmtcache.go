package embedded

import (
	"container/list"
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"io"
	"reflect"
	"sync/atomic"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// The statement cache keeps the SELECTs the SDK runs (the dashboard's views, the
// query package's compiled SQL, the marts' version) prepared on each
// connection, by their SQL text, and runs them again with new arguments: DuckDB
// then skips parsing and the first planning of the text (see doc.go for what
// it saves the dashboard's views).
//
// A connection is used by one goroutine at a time (database/sql), so each
// connection's cache needs no lock; its statements close with it. Every write
// the engine makes — an Exec, a statement that is not a SELECT, a commit, a
// bulk append through the driver connection — moves the engine's generation on,
// and a statement prepared in an older generation is prepared again before it
// runs: a plan never outlives the data and catalog it was made for. Analyst SQL
// skips the cache (uncachedContext): it is untrusted and runs once.

// stmtCacheSize bounds the statements kept per connection; the least recently
// used one is closed past it.
const stmtCacheSize = 256

// cachingConnector opens connections that keep their SELECTs prepared.
type cachingConnector struct {
	inner driver.Connector
	gen   *atomic.Uint64 // the engine's write generation
}

func (c cachingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	dc, ok := conn.(*duckdb.Conn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("embedded: unexpected driver connection %T", conn)
	}
	return &cachingConn{Conn: dc, gen: c.gen, lru: list.New(), byText: map[string]*list.Element{}}, nil
}

func (c cachingConnector) Driver() driver.Driver { return c.inner.Driver() }

// Close closes the database (database/sql's DB.Close calls it).
func (c cachingConnector) Close() error {
	if cl, ok := c.inner.(io.Closer); ok {
		return cl.Close()
	}
	return nil
}

// cachedStmt is one prepared SELECT, the generation it was prepared in, and
// whether rows of it are open.
type cachedStmt struct {
	text string
	st   *duckdb.Stmt
	gen  uint64
	busy bool
}

// cachingConn is a DuckDB connection with its statement cache.
type cachingConn struct {
	*duckdb.Conn
	gen    *atomic.Uint64
	lru    *list.List // of *cachedStmt, the most recently used first
	byText map[string]*list.Element
}

type uncachedKey struct{}

// uncachedContext marks ctx so that its queries skip the statement cache.
func uncachedContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, uncachedKey{}, true)
}

func (c *cachingConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if ctx.Value(uncachedKey{}) != nil {
		return c.Conn.QueryContext(ctx, q, args)
	}
	s, err := c.lookup(q)
	if err != nil || s == nil || s.busy {
		// Not one SELECT (or not preparable: the error comes from the plain
		// path), or its rows are still open.
		return c.queryUncached(ctx, q, args, s == nil)
	}
	rows, err := s.st.QueryContext(ctx, args)
	if err != nil {
		c.drop(c.byText[q]) // prepared again next time, whatever failed
		return nil, err
	}
	s.busy = true
	return &cachedRows{rows: rows, stmt: s}, nil
}

// queryUncached runs q as DuckDB's driver does; write says q may change data.
func (c *cachingConn) queryUncached(ctx context.Context, q string, args []driver.NamedValue, write bool) (driver.Rows, error) {
	if write {
		defer c.gen.Add(1)
	}
	return c.Conn.QueryContext(ctx, q, args)
}

// lookup returns q's statement, prepared in the current generation, or nil
// when q is not one SELECT.
func (c *cachingConn) lookup(q string) (*cachedStmt, error) {
	gen := c.gen.Load()
	if el, ok := c.byText[q]; ok {
		s := el.Value.(*cachedStmt)
		if s.gen == gen || s.busy {
			c.lru.MoveToFront(el)
			return s, nil
		}
		c.drop(el)
	}
	// Prepare, not PrepareContext: the latter runs all but the last of
	// several statements; Prepare refuses them without running any.
	st, err := c.Conn.Prepare(q)
	if err != nil {
		return nil, err
	}
	ds := st.(*duckdb.Stmt)
	if typ, err := ds.StatementType(); err != nil || typ != duckdb.STATEMENT_TYPE_SELECT {
		ds.Close()
		return nil, nil
	}
	for c.lru.Len() >= stmtCacheSize && c.dropOldestIdle() {
	}
	s := &cachedStmt{text: q, st: ds, gen: gen}
	c.byText[q] = c.lru.PushFront(s)
	return s, nil
}

// dropOldestIdle closes the least recently used statement without open rows.
func (c *cachingConn) dropOldestIdle() bool {
	for el := c.lru.Back(); el != nil; el = el.Prev() {
		if !el.Value.(*cachedStmt).busy {
			c.drop(el)
			return true
		}
	}
	return false
}

func (c *cachingConn) drop(el *list.Element) {
	s := c.lru.Remove(el).(*cachedStmt)
	delete(c.byText, s.text)
	s.st.Close()
}

func (c *cachingConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	defer c.gen.Add(1)
	return c.Conn.ExecContext(ctx, q, args)
}

func (c *cachingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.Conn.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return genTx{tx, c.gen}, nil
}

func (c *cachingConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// Close closes the cached statements, then the connection.
func (c *cachingConn) Close() error {
	for el := c.lru.Front(); el != nil; el = el.Next() {
		if s := el.Value.(*cachedStmt); !s.busy {
			s.st.Close()
		}
	}
	c.lru.Init()
	clear(c.byText)
	return c.Conn.Close()
}

// genTx moves the generation on when a transaction commits.
type genTx struct {
	driver.Tx
	gen *atomic.Uint64
}

func (t genTx) Commit() error {
	defer t.gen.Add(1)
	return t.Tx.Commit()
}

// duckConn returns the DuckDB connection of dc, a driver connection from
// sql.Conn.Raw.
func duckConn(dc any) (*duckdb.Conn, error) {
	switch c := dc.(type) {
	case *cachingConn:
		return c.Conn, nil
	case *duckdb.Conn:
		return c, nil
	}
	return nil, fmt.Errorf("embedded: unexpected driver connection %T", dc)
}

// rawWrite runs fn on conn's DuckDB connection, for writes the driver's
// database/sql path cannot make (the Appender); the generation moves on after.
func (e *Engine) rawWrite(conn *sql.Conn, fn func(*duckdb.Conn) error) error {
	defer e.gen.Add(1)
	return conn.Raw(func(dc any) error {
		c, err := duckConn(dc)
		if err != nil {
			return err
		}
		return fn(c)
	})
}

// cachedRows frees its statement for the next call when closed, and passes on
// the column types database/sql asks for.
type cachedRows struct {
	rows driver.Rows
	stmt *cachedStmt
}

func (r *cachedRows) Columns() []string             { return r.rows.Columns() }
func (r *cachedRows) Next(dst []driver.Value) error { return r.rows.Next(dst) }

func (r *cachedRows) Close() error {
	if r.stmt == nil {
		return nil
	}
	err := r.rows.Close()
	r.stmt.busy = false
	r.stmt = nil
	return err
}

func (r *cachedRows) ColumnTypeScanType(i int) reflect.Type {
	return r.rows.(driver.RowsColumnTypeScanType).ColumnTypeScanType(i)
}

func (r *cachedRows) ColumnTypeDatabaseTypeName(i int) string {
	return r.rows.(driver.RowsColumnTypeDatabaseTypeName).ColumnTypeDatabaseTypeName(i)
}
