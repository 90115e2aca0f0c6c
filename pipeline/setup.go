package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// ErrInvalidOptions is returned (wrapped) by [Setup] for options it refuses.
var ErrInvalidOptions = errors.New("pipeline: invalid options")

// Options configure [Setup]. Start from [DefaultOptions].
type Options struct {
	// Data says what the generator produces. Its Scale must be positive.
	Data datagen.Config
	// AsOf is the date the data is read as of, which the future-date rule and the
	// reference questions use; the set-up writes it to warehouse.Settings(). Zero
	// means warehouse.DefaultAsOf (2026-01-01).
	AsOf time.Time
	// Progress, if not nil, receives an [Event] as each step advances. It is called
	// from the goroutine running Setup.
	Progress func(Event)
}

// DefaultOptions returns [datagen.DefaultConfig] and no progress reporting.
func DefaultOptions() Options {
	return Options{Data: datagen.DefaultConfig()}
}

// asOf returns the as-of date, defaulted, at midnight UTC.
func (o Options) asOf() time.Time {
	if o.AsOf.IsZero() {
		return warehouse.DefaultAsOf()
	}
	y, m, d := o.AsOf.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (o Options) emit(e Event) {
	if o.Progress != nil {
		o.Progress(e)
	}
}

// Event reports progress of [Setup].
type Event struct {
	Phase Phase
	Table string // the table being loaded, if any
	Done  int64  // rows loaded so far
	Total int64  // rows to load
	// Skipped is set when the table already holds exactly this load.
	Skipped bool
	// Finished is set on the last event of a table or phase.
	Finished bool
}

// TableLoad reports the load of one RAW table.
type TableLoad struct {
	Table    string
	Rows     int64
	Skipped  bool // already loaded with the same fingerprint
	Duration time.Duration
}

// Result reports what [Setup] built.
type Result struct {
	Fingerprint string
	Loads       []TableLoad
	// Injected is exactly what the generator made dirty, rule by rule.
	Injected datagen.Injected
	// ViewBuilds says, per STAGING view in build order, what the set-up did to
	// it: created it, re-created it because its definition changed, or left it
	// unchanged (no DDL).
	ViewBuilds []Build
	// Marts reports the embedded marts' refresh: a full build the first time or
	// when ViewBuilds changed a view, else whatever RAW calls for.
	Marts RefreshResult
	// MartBuilds says, per mart in build order, what the set-up did to its dynamic
	// table (engines with engine.DynamicTables: Snowflake): created it, replaced
	// it because its definition changed, or left it unchanged.
	MartBuilds []Build
	// SemanticView says what the set-up did to the sales semantic view (engines
	// with semantic views: Snowflake): created, re-created because the model
	// changed, or left unchanged. Nil on other engines.
	SemanticView *Build
	Duration     time.Duration
}

// Setup builds the warehouse on eng from nothing, or brings an existing one up to
// date, by running [Plan]: infrastructure; the RAW tables from the deterministic
// generator; the STAGING views; the marts; the semantic model on its stage and,
// on Snowflake, as a semantic view.
//
// It is idempotent: a second run with the same options skips RAW tables that
// already hold exactly this load, leaves current marts alone and creates nothing
// twice. Each RAW table is replaced atomically and the marts are built in one
// transaction, so an error or a cancelled ctx leaves no half-written table, and a
// re-run completes the warehouse.
func (w *Warehouse) Setup(ctx context.Context, opts Options) (*Result, error) {
	eng, n := w.eng, w.names
	start := w.now()
	gen, err := datagen.New(opts.Data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidOptions, err)
	}
	if err := createInfrastructure(ctx, eng, n); err != nil {
		return nil, err
	}
	opts.emit(Event{Phase: PhaseInfrastructure, Finished: true})

	res := &Result{Fingerprint: Fingerprint(gen.Config())}
	sources := RawSources(gen)
	for _, t := range warehouse.RawTables() {
		load, err := w.loadRaw(ctx, t, sources[t.Name], res.Fingerprint, opts)
		if err != nil {
			return nil, err
		}
		res.Loads = append(res.Loads, load)
	}
	if err := w.writeSettings(ctx, opts.asOf()); err != nil {
		return nil, err
	}
	opts.emit(Event{Phase: PhaseRaw, Finished: true})
	res.Injected = gen.Injected()

	if res.ViewBuilds, err = w.buildViews(ctx); err != nil {
		return nil, err
	}
	opts.emit(Event{Phase: PhaseStaging, Finished: true})

	if err := w.buildMarts(ctx, res); err != nil {
		return nil, err
	}
	opts.emit(Event{Phase: PhaseMarts, Finished: true})

	if err := w.uploadModel(ctx); err != nil {
		return nil, err
	}
	if res.SemanticView, err = w.buildSemanticView(ctx); err != nil {
		return nil, err
	}
	opts.emit(Event{Phase: PhaseSemantic, Finished: true})
	res.Duration = w.now().Sub(start)
	return res, nil
}

// buildMarts brings the dynamic tables up to their definitions on Snowflake
// ([Warehouse.buildDynamic]; Snowflake itself reinitialises one whose views were
// re-created), or refreshes the embedded marts: a full build the first time or
// over re-created views, nothing when current.
func (w *Warehouse) buildMarts(ctx context.Context, res *Result) error {
	if dt, ok := w.eng.(engine.DynamicTables); ok {
		builds, err := w.buildDynamic(ctx, dt)
		res.MartBuilds = builds
		return err
	}
	r, err := w.refresh(ctx, rebuiltViews(res.ViewBuilds))
	if err != nil {
		return err
	}
	res.Marts = r
	return nil
}

// uploadModel puts the sales model, over these names, on its stage. On Snowflake a
// PUT needs the driver's file support, so the Snowflake engine uploads it itself
// (engine.ModelStager); an engine with accounts that cannot is an error, never a
// silently missing model.
func (w *Warehouse) uploadModel(ctx context.Context) error {
	eng, n := w.eng, w.names
	yaml, err := semantic.SalesModelFor(n.Database, n.Marts).Marshal()
	if err != nil {
		return fmt.Errorf("pipeline: semantic model: %w", err)
	}
	if s, ok := eng.(engine.ModelStager); ok {
		if err := s.StageModel(ctx, n, semantic.SalesModelFile, yaml); err != nil {
			return fmt.Errorf("pipeline: stage semantic model: %w", err)
		}
		return nil
	}
	if eng.Dialect().Accounts() {
		return fmt.Errorf("pipeline: stage semantic model: the %s engine cannot PUT files (it implements no engine.ModelStager), so %s cannot reach its stage",
			eng.Dialect(), semantic.SalesModelFile)
	}
	d, t := eng.Dialect(), warehouse.SemanticModels()
	return inTx(ctx, eng, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t.Ref(d, n)+" WHERE "+d.Quote("FILE_NAME")+" = ?", semantic.SalesModelFile); err != nil {
			return fmt.Errorf("pipeline: upload semantic model: %w", err)
		}
		if _, err := tx.ExecContext(ctx, uploadSQL(d, n), semantic.SalesModelFile, string(yaml), w.now().UTC()); err != nil {
			return fmt.Errorf("pipeline: upload semantic model: %w", err)
		}
		return nil
	})
}

func createInfrastructure(ctx context.Context, eng engine.Engine, n warehouse.Names) error {
	for _, stmt := range warehouse.InfrastructureSQL(eng.Dialect(), n) {
		if _, err := eng.DB().ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("pipeline: infrastructure: %s: %w", firstLine(stmt), err)
		}
	}
	return nil
}

// Fingerprint identifies one generated data set: generator version and config.
func Fingerprint(c datagen.Config) string {
	return fmt.Sprintf("datagen/%s seed=%d scale=%g dirty=%g dates=%s..%s",
		datagen.Version, c.Seed, c.Scale, c.DirtyFraction, c.Start.Format(time.DateOnly), c.End.Format(time.DateOnly))
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' || i >= 80 {
			return s[:i] + "…"
		}
	}
	return s
}

// writeSettings sets the one row of warehouse.Settings() to asOf, atomically, unless
// it already holds exactly that (rewriting it would make Snowflake refresh every
// mart for nothing).
func (w *Warehouse) writeSettings(ctx context.Context, asOf time.Time) error {
	d, t := w.eng.Dialect(), warehouse.Settings()
	var have []time.Time
	exists, err := tableExists(ctx, w.eng.DB(), w.names, t)
	if err != nil {
		return fmt.Errorf("pipeline: settings: %w", err)
	}
	if exists {
		rows, err := w.eng.DB().QueryContext(ctx, "SELECT "+d.Quote("AS_OF_DATE")+" FROM "+t.Ref(d, w.names))
		if err != nil {
			return fmt.Errorf("pipeline: read settings: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var v time.Time
			if err := rows.Scan(&v); err != nil {
				return fmt.Errorf("pipeline: read settings: %w", err)
			}
			have = append(have, v)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("pipeline: read settings: %w", err)
		}
	}
	if len(have) == 1 && have[0].Equal(asOf) {
		return nil
	}
	src := engine.RowSource{Rows: 1, Fill: func(_ int64, dst []any) { dst[0] = asOf }}
	if err := w.eng.Load(ctx, t, w.names, src, nil); err != nil {
		return fmt.Errorf("pipeline: write settings: %w", err)
	}
	return nil
}
