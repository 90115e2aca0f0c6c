package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// RefreshKind says what a refresh did.
type RefreshKind string

// Refresh kinds.
const (
	RefreshNone        RefreshKind = "none"        // nothing new: the marts are current
	RefreshIncremental RefreshKind = "incremental" // new orders folded in
	RefreshFull        RefreshKind = "full"        // every mart rebuilt
	RefreshDynamic     RefreshKind = "dynamic"     // the engine refreshed its dynamic tables
)

// RefreshResult reports one refresh of the marts.
type RefreshResult struct {
	Kind      RefreshKind
	Reason    string // why this kind
	NewOrders int64  // RAW orders folded in by an incremental refresh
	Duration  time.Duration
	// Lag is the time from the commit of the oldest order appended through this
	// Warehouse that the refresh folded in to the refresh's commit: what a reader
	// waited. Zero when it folded in none (orders appended by other processes
	// are not timed).
	Lag time.Duration
}

// ErrNotEmbedded is returned by the embedded refresher on an engine whose marts are
// refreshed by the warehouse itself (Snowflake dynamic tables).
var ErrNotEmbedded = errors.New("pipeline: the marts of this engine refresh themselves")

// refreshState is what the last refresh folded in.
type refreshState struct {
	watermark sql.NullTime
	rawRows   int64
	dims      string
	date      time.Time
	at        time.Time
	kind      string
}

// observation is the engine's current state, to compare with refreshState.
type observation struct {
	maxLoaded sql.NullTime
	rawAtMark int64 // RAW rows at or before the recorded watermark
	dims      string
	asOf      time.Time // the as-of date in warehouse.Settings()
	missing   string    // the first mart the model has that the warehouse lacks
}

// Refresh brings the embedded marts up to date with RAW: nothing when nothing
// changed, an incremental refresh when only new orders arrived, a full rebuild
// otherwise (dimension tables reloaded, rows deleted or back-dated, the as-of date
// in warehouse.Settings() changed so the future-date rule may judge rows
// differently, no marts yet, or a mart the model has is missing). The wall
// clock plays no part: the same RAW rows and settings give the same marts on
// any day.
//
// Everything — reading the state, observing RAW, rebuilding, recording the new
// state — happens in one transaction, so it sees one snapshot of RAW: orders that
// arrive meanwhile are left for the next refresh, and an error or a cancelled ctx
// leaves the marts and their state as they were.
//
// On an engine whose marts refresh themselves ([engine.DynamicTables]: Snowflake)
// it asks each to refresh now and reports RefreshDynamic.
func (w *Warehouse) Refresh(ctx context.Context) (RefreshResult, error) {
	return w.refresh(ctx, "")
}

// refresh is [Warehouse.Refresh]; a non-empty rebuild is the reason to rebuild
// the embedded marts in full whatever RAW says (their STAGING views changed).
func (w *Warehouse) refresh(ctx context.Context, rebuild string) (RefreshResult, error) {
	eng, n, now := w.eng, w.names, w.now
	start := now()
	if dt, ok := eng.(engine.DynamicTables); ok {
		if err := dt.RefreshMarts(ctx, n); err != nil {
			return RefreshResult{}, fmt.Errorf("pipeline: %w", err)
		}
		return RefreshResult{Kind: RefreshDynamic, Reason: "dynamic tables refreshed on demand", Duration: now().Sub(start)}, nil
	}
	d := eng.Dialect()
	// The connection before the gate: appends wait for the gate, so a
	// refresh must not hold it while it waits for the pool.
	conn, err := eng.DB().Conn(ctx)
	if err != nil {
		return RefreshResult{}, fmt.Errorf("pipeline: %w", err)
	}
	defer conn.Close()
	var (
		seen    mark
		res     RefreshResult
		started = w.fresh.starting()
		built   bool // a full build ran, which SETs what resetSession restores
	)
	defer started()
	err = engine.ConnTxThen(ctx, conn, func(tx *sql.Tx) error {
		// The first read fixes the transaction's snapshot; the appends
		// counted beside it are the ones that snapshot holds.
		st, ok, err := readState(ctx, tx, d, n)
		seen = w.fresh.begin()
		started()
		if err != nil {
			return err
		}
		var mark *time.Time
		if ok && st.watermark.Valid {
			mark = &st.watermark.Time
		}
		obs, err := observe(ctx, tx, d, n, mark)
		if err != nil {
			return err
		}
		res.Kind, res.Reason = decide(st, ok, obs)
		if rebuild != "" && res.Kind != RefreshFull {
			res.Kind, res.Reason = RefreshFull, rebuild
		}
		switch res.Kind {
		case RefreshNone:
			return nil
		case RefreshFull:
			built = true
			err = buildAll(ctx, tx, d, n)
		case RefreshIncremental:
			res.NewOrders, err = foldIn(ctx, tx, d, n, st.watermark.Time, obs.maxLoaded.Time)
		}
		if err != nil {
			return fmt.Errorf("%s refresh: %w", res.Kind, err)
		}
		return writeState(ctx, tx, d, n, obs, res.Kind, now())
	}, func(c *sql.Conn) error {
		if !built { // nothing was SET: a confined engine refuses even a RESET
			return nil
		}
		return resetSession(c, d)
	})
	if err != nil {
		return RefreshResult{}, fmt.Errorf("pipeline: %w", err)
	}
	end := now()
	res.Duration = end.Sub(start)
	res.Lag = w.fresh.folded(seen, end)
	return res, nil
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func decide(st refreshState, ok bool, obs observation) (RefreshKind, string) {
	switch {
	case !ok:
		return RefreshFull, "no refresh recorded"
	case !st.watermark.Valid:
		return RefreshFull, "no orders were folded in before"
	case obs.rawAtMark != st.rawRows:
		return RefreshFull, fmt.Sprintf("RAW.ORDERS up to the watermark changed (%d rows, was %d)", obs.rawAtMark, st.rawRows)
	case obs.dims != st.dims:
		return RefreshFull, "dimension tables changed"
	case obs.missing != "":
		return RefreshFull, "mart " + obs.missing + " is missing (the model gained a mart since the last build)"
	case !obs.asOf.Equal(st.date):
		return RefreshFull, "the as-of date changed, so the future-date rule may judge rows differently"
	case !obs.maxLoaded.Valid || !obs.maxLoaded.Time.After(st.watermark.Time):
		return RefreshNone, "no new orders"
	}
	return RefreshIncremental, "new orders arrived"
}

func readState(ctx context.Context, q querier, d dialect.Dialect, n warehouse.Names) (refreshState, bool, error) {
	t := warehouse.RefreshState()
	var st refreshState
	if exists, err := tableExists(ctx, q, n, t); err != nil || !exists {
		return st, false, err
	}
	err := q.QueryRowContext(ctx, fmt.Sprintf(
		`SELECT %s, %s, %s, %s, %s, %s FROM %s WHERE %s = ?`,
		d.Quote("WATERMARK"), d.Quote("RAW_ROWS"), d.Quote("DIMENSIONS"), d.Quote("REFRESH_DATE"),
		d.Quote("REFRESHED_AT"), d.Quote("KIND"), t.Ref(d, n), d.Quote("MART_NAME")),
		warehouse.FctOrders().Name).Scan(&st.watermark, &st.rawRows, &st.dims, &st.date, &st.at, &st.kind)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	if err != nil {
		return st, false, fmt.Errorf("read refresh state: %w", err)
	}
	return st, true, nil
}

func observe(ctx context.Context, q querier, d dialect.Dialect, n warehouse.Names, mark *time.Time) (observation, error) {
	orders := warehouse.RawOrders().Ref(d, n)
	var obs observation
	if err := q.QueryRowContext(ctx, fmt.Sprintf(`SELECT MAX(%s), (SELECT MAX(%s) FROM %s) FROM %s`, d.Quote("LOADED_AT"),
		d.Quote("AS_OF_DATE"), warehouse.Settings().Ref(d, n), orders)).
		Scan(&obs.maxLoaded, &obs.asOf); err != nil {
		return obs, fmt.Errorf("observe RAW: %w", err)
	}
	if mark != nil {
		var err error
		if obs.rawAtMark, err = countUpTo(ctx, q, d, n, *mark); err != nil {
			return obs, err
		}
	}
	m := warehouse.LoadManifest()
	var parts []string
	for _, t := range []warehouse.Table{warehouse.RawCustomers(), warehouse.RawProducts(), warehouse.RawSalesReps()} {
		var c int64
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+t.Ref(d, n)).Scan(&c); err != nil {
			return obs, fmt.Errorf("observe %s: %w", t.Name, err)
		}
		var fp string
		err := q.QueryRowContext(ctx, fmt.Sprintf(`SELECT %s FROM %s WHERE %s = ?`, d.Quote("FINGERPRINT"), m.Ref(d, n), d.Quote("TABLE_NAME")), t.Name).Scan(&fp)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return obs, fmt.Errorf("observe %s: %w", t.Name, err)
		}
		parts = append(parts, fmt.Sprintf("%s=%d/%s", t.Name, c, fp))
	}
	obs.dims = strings.Join(parts, ";")
	missing, err := missingMarts(ctx, q, d, n)
	if len(missing) > 0 {
		obs.missing = missing[0]
	}
	return obs, err
}

// MissingMarts names, in the model's order, the marts the model has that the
// warehouse lacks (none when it has them all): a file built before the model
// gained a mart. It only reads, so a program that opened the warehouse
// read-only can tell the reader what to run ([Warehouse.Refresh] builds them)
// rather than fail on the missing table in the middle of a query.
func (w *Warehouse) MissingMarts(ctx context.Context) ([]string, error) {
	names, err := missingMarts(ctx, w.eng.DB(), w.eng.Dialect(), w.names)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	return names, nil
}

// missingMarts names the model's marts the warehouse lacks: a warehouse built
// before the model gained a mart is rebuilt in full, not folded into a table
// that is not there. One look-up for all of them: the refresh runs on every
// append's wake-up.
func missingMarts(ctx context.Context, q querier, d dialect.Dialect, n warehouse.Names) ([]string, error) {
	marts := warehouse.AllMarts()
	args := make([]any, 0, len(marts)+1)
	args = append(args, n.SchemaFor(marts[0].Table.Layer))
	for _, m := range marts {
		args = append(args, strings.ToUpper(m.Table.Name))
	}
	rows, err := q.QueryContext(ctx, missingMartsSQL(d, n, len(marts)), args...)
	if err != nil {
		return nil, fmt.Errorf("look up the marts: %w", err)
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("look up the marts: %w", err)
		}
		have[name] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("look up the marts: %w", err)
	}
	var missing []string
	for _, m := range marts {
		if !have[strings.ToUpper(m.Table.Name)] {
			missing = append(missing, m.Table.Name)
		}
	}
	return missing, nil
}

// missingMartsSQL lists which of count tables (bound after the schema) the
// marts' schema holds. On an engine with accounts (Snowflake) it reads the
// warehouse database's own INFORMATION_SCHEMA: an unqualified one is the
// session's current database, which a connection need not set.
func missingMartsSQL(d dialect.Dialect, n warehouse.Names, count int) string {
	from := "information_schema.tables"
	if d.Accounts() {
		from = d.Quote(n.WithDefaults().Database) + ".INFORMATION_SCHEMA.TABLES"
	}
	return `SELECT UPPER(table_name) FROM ` + from + ` WHERE UPPER(table_schema) = UPPER(?) AND UPPER(table_name) IN (?` +
		strings.Repeat(", ?", count-1) + `)`
}

func countUpTo(ctx context.Context, q querier, d dialect.Dialect, n warehouse.Names, mark time.Time) (int64, error) {
	var c int64
	err := q.QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE %s <= ?`,
		warehouse.RawOrders().Ref(d, n), d.Quote("LOADED_AT")), mark).Scan(&c)
	if err != nil {
		return 0, fmt.Errorf("observe RAW: %w", err)
	}
	return c, nil
}

func writeState(ctx context.Context, q querier, d dialect.Dialect, n warehouse.Names, obs observation, kind RefreshKind, at time.Time) error {
	t := warehouse.RefreshState()
	if _, err := q.ExecContext(ctx, t.CreateSQL(d, n, false)); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, "DELETE FROM "+t.Ref(d, n)); err != nil {
		return err
	}
	var rawRows int64
	if obs.maxLoaded.Valid {
		var err error
		if rawRows, err = countUpTo(ctx, q, d, n, obs.maxLoaded.Time); err != nil {
			return err
		}
	}
	for _, m := range warehouse.AllMarts() {
		if _, err := q.ExecContext(ctx, engine.InsertSQL(d, n, t, 1),
			m.Table.Name, at.UTC(), obs.maxLoaded, rawRows, obs.dims, obs.asOf, string(kind)); err != nil {
			return fmt.Errorf("record refresh state: %w", err)
		}
	}
	return nil
}

// resetSession restores, on connection c once the refresh's transaction has
// ended, the session settings a full build changes
// ([warehouse.BuildSessionResets]). It runs even when ctx was cancelled.
func resetSession(c *sql.Conn, d dialect.Dialect) error {
	for _, stmt := range warehouse.BuildSessionResets(d) {
		if _, err := c.ExecContext(context.Background(), stmt); err != nil {
			return fmt.Errorf("%s: %w", stmt, err)
		}
	}
	return nil
}

// buildAll rebuilds every mart from STAGING.
func buildAll(ctx context.Context, tx *sql.Tx, d dialect.Dialect, n warehouse.Names) error {
	for _, m := range warehouse.AllMarts() {
		for _, stmt := range m.CreateSQL(d, n) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("build %s: %w", m.Table.Name, err)
			}
		}
	}
	return nil
}

// foldIn appends the valid orders loaded in (from, to] to FCT_ORDERS and
// recomputes the aggregates for the keys they touch. It returns the number of RAW
// orders in that window.
func foldIn(ctx context.Context, tx *sql.Tx, d dialect.Dialect, n warehouse.Names, from, to time.Time) (int64, error) {
	if _, err := tx.ExecContext(ctx, warehouse.AppendFactsSQL(d, n), from, to, from, to); err != nil {
		return 0, fmt.Errorf("append to FCT_ORDERS: %w", err)
	}
	var raw int64
	var err error
	q := fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE %s > ? AND %s <= ?`, warehouse.RawOrders().Ref(d, n), d.Quote("LOADED_AT"), d.Quote("LOADED_AT"))
	if err = tx.QueryRowContext(ctx, q, from, to).Scan(&raw); err != nil {
		return 0, err
	}
	// The new facts, once: every mart below probes these few rows, not
	// FCT_ORDERS; and the earlier facts of their customers in their years,
	// once, for the marts' distinct counts.
	const fresh, prior, scratch = `"__NEW_FACTS"`, `"__PRIOR_FACTS"`, `"__REFRESH"`
	newFacts := fmt.Sprintf(`CREATE OR REPLACE TEMP TABLE %s AS SELECT * FROM %s WHERE %s > ? AND %s <= ?`,
		fresh, warehouse.FctOrders().Ref(d, n), d.Quote("LOADED_AT"), d.Quote("LOADED_AT"))
	if _, err = tx.ExecContext(ctx, newFacts, from, to); err != nil {
		return 0, fmt.Errorf("collect new facts: %w", err)
	}
	var lo, hi any // NULL bounds (no new facts) match nothing
	years := fmt.Sprintf(`SELECT MIN(%s), MAX(%s) FROM %s`, d.Quote("ORDER_YEAR"), d.Quote("ORDER_YEAR"), fresh)
	if err = tx.QueryRowContext(ctx, years).Scan(&lo, &hi); err != nil {
		return 0, fmt.Errorf("collect earlier facts: %w", err)
	}
	if _, err = tx.ExecContext(ctx, "CREATE OR REPLACE TEMP TABLE "+prior+" AS\n"+warehouse.PriorFactsSQL(d, n, fresh), lo, hi); err != nil {
		return 0, fmt.Errorf("collect earlier facts: %w", err)
	}
	for _, m := range warehouse.AggregateMarts() {
		for _, step := range m.RefreshSteps(d, n, fresh, prior, scratch) {
			if _, err = tx.ExecContext(ctx, step); err != nil {
				return 0, fmt.Errorf("refresh %s: %w", m.Table.Name, err)
			}
		}
	}
	if _, err = tx.ExecContext(ctx, "DROP TABLE "+prior); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, "DROP TABLE "+fresh); err != nil {
		return 0, err
	}
	return raw, nil
}

func inTx(ctx context.Context, eng engine.Engine, fn func(*sql.Tx) error) error {
	return engine.InTx(ctx, eng.DB(), fn)
}

// tableExists reports whether t exists, from information_schema (which both
// engines have). A failed look-up is an error, not "missing".
func tableExists(ctx context.Context, q querier, n warehouse.Names, t warehouse.Table) (bool, error) {
	var c int
	err := q.QueryRowContext(ctx,
		`SELECT COUNT(*) FROM information_schema.tables WHERE UPPER(table_schema) = UPPER(?) AND UPPER(table_name) = UPPER(?)`,
		n.SchemaFor(t.Layer), t.Name).Scan(&c)
	if err != nil {
		return false, fmt.Errorf("look up %s.%s: %w", n.SchemaFor(t.Layer), t.Name, err)
	}
	return c > 0, nil
}
