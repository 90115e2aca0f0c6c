package embedded

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/query"
)

var _ engine.ReadOnlyRunner = (*Engine)(nil)

// lockdown is what the engine sets, once, before it runs analyst SQL. Both
// settings are database-wide in DuckDB (a SET on one connection holds for every
// connection of the database), and a second handle on the same file with other
// settings is refused by DuckDB, so the whole engine is confined: no file,
// network or extension access outside the database itself, and no setting can
// change again. The SDK's own work (set-up, refresh, queries) needs neither.
const lockdown = `SET enable_external_access = false; SET lock_configuration = true`

// RunReadOnly runs analyst SQL ([analyst.Execute] calls it after its guard) so
// that nothing but one read-only query can happen, by construction, and so that
// what the query does to its process (a crash, a runaway allocation, a full
// temp disk) stays out of this one:
//
//   - the engine is confined first (see lockdown): from the first call on, no
//     statement on this engine reads or writes files (but the engine's private
//     analyst directory), reaches the network, loads extensions, attaches other
//     databases or changes settings;
//   - DuckDB's own parse of the SQL (json_serialize_sql) must hold only what
//     the allow-list allows (see checkAllowed): one query over the marts and its
//     own CTEs, pure functions, three bounded table functions;
//   - on Linux, unless Options.Analyst.InProcess, the query runs in a worker
//     process (see runIsolated) with an address-space, CPU-time and temp-size
//     limit, over the warehouse opened read-only, killed at ctx's deadline;
//   - there (or here, in process) the SQL is wrapped as SELECT * FROM (<sql>)
//     AS q LIMIT maxRows+1, so a hidden semicolon is a syntax error and the row
//     cap is the engine's; the allow-list is checked again on the connection
//     that runs it; DuckDB's parser must read the wrapped text as exactly one
//     statement of type SELECT; it runs in a READ ONLY transaction, on a
//     connection of its own, that is rolled back.
//
// An error the engine's check raises matches engine.ErrNotReadOnly; a worker
// that died matches ErrWorker.
func (e *Engine) RunReadOnly(ctx context.Context, sqlText string, maxRows int) (*query.Result, error) {
	if maxRows <= 0 {
		return nil, fmt.Errorf("embedded: RunReadOnly needs a positive row cap, got %d", maxRows)
	}
	if workerSupported && !e.opts.Analyst.InProcess {
		return e.runIsolated(ctx, sqlText, maxRows)
	}
	if err := e.lockDown(ctx, ""); err != nil {
		return nil, err
	}
	conn, err := e.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("embedded: connection: %w", err)
	}
	defer conn.Close()
	return runConfined(ctx, conn, sqlText, maxRows)
}

// runConfined runs analyst SQL on conn: the allow-list, the wrapper, the
// statement-type check, a READ ONLY transaction rolled back.
func runConfined(ctx context.Context, conn *sql.Conn, sqlText string, maxRows int) (*query.Result, error) {
	ctx = uncachedContext(ctx) // untrusted and run once: never kept prepared
	wrapped := "SELECT * FROM (\n" + sqlText + "\n) AS q LIMIT " + strconv.Itoa(maxRows+1)
	if err := checkAllowed(ctx, conn, sqlText); err != nil {
		return nil, err
	}
	if err := conn.Raw(func(dc any) error { return vetSelect(dc, wrapped) }); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION READ ONLY"); err != nil {
		return nil, fmt.Errorf("embedded: begin: %w", err)
	}
	res, err := query.RunSQL(ctx, conn, wrapped, maxRows)
	if _, rbErr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rbErr != nil {
		// A connection whose transaction may still be open must not go back to the pool.
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		if err == nil {
			err = fmt.Errorf("embedded: rollback: %w", rbErr)
		}
	}
	return res, err
}

// vetSelect prepares sql on the driver connection dc — which, unlike the
// database/sql path, refuses more than one statement without running any — and
// checks that DuckDB's parser reads it as a SELECT.
func vetSelect(dc any, sql string) error {
	c, err := duckConn(dc)
	if err != nil {
		return err
	}
	st, err := c.Prepare(sql) // Prepare, not PrepareContext: the latter runs all but the last statement
	if err != nil {
		return fmt.Errorf("%w: DuckDB does not read it as one statement: %v", engine.ErrNotReadOnly, err)
	}
	defer st.Close()
	ds, ok := st.(*duckdb.Stmt)
	if !ok {
		return fmt.Errorf("embedded: unexpected statement %T", st)
	}
	typ, err := ds.StatementType()
	if err != nil {
		return fmt.Errorf("embedded: statement type: %w", err)
	}
	if typ != duckdb.STATEMENT_TYPE_SELECT {
		return fmt.Errorf("%w: DuckDB reads it as a statement of type %d, not a SELECT", engine.ErrNotReadOnly, typ)
	}
	return nil
}

// lockDown confines the engine (see lockdown) unless it already is. It reads the
// settings rather than remembering. The first calls take turns: the SETs are
// several statements, and one call's SET allowed_directories fails when
// another's has turned external access off but not yet locked the
// configuration (the first analyst queries of an engine come at once).
//
// dir, when not empty, is the engine's private analyst directory: the one place
// the confined engine may still write (the workers' snapshots of the marts).
func (e *Engine) lockDown(ctx context.Context, dir string) error {
	e.iso.lock.Lock()
	defer e.iso.lock.Unlock()
	if ok, err := e.confined(ctx); err != nil || ok {
		return err
	}
	set := lockdown
	if dir != "" {
		set = "SET allowed_directories = [" + sqlString(dir+string(filepath.Separator)) + "]; " + lockdown
	}
	_, setErr := e.db.ExecContext(ctx, set)
	ok, err := e.confined(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("embedded: cannot confine the engine for analyst SQL: %w", errors.Join(setErr, errors.New("external access or configuration still open")))
	}
	return nil
}

// confined reports whether external access is off and the configuration locked.
func (e *Engine) confined(ctx context.Context) (bool, error) {
	var external, locked bool
	err := e.db.QueryRowContext(ctx,
		`SELECT current_setting('enable_external_access'), current_setting('lock_configuration')`).Scan(&external, &locked)
	if err != nil {
		return false, fmt.Errorf("embedded: read confinement settings: %w", err)
	}
	return !external && locked, nil
}
