package dashboard

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/marts"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// ErrInvalidFilter is matched (errors.Is) by every error about a filter or a view
// option: the message names the field and, for unknown values, the valid ones.
var ErrInvalidFilter = errors.New("dashboard: invalid filter")

// Source is the warehouse a [Dashboard] reads: a database, its dialect, and the
// data's version, which changes whenever a refresh changes the marts (it keys the
// cache and dates every result). An engine plus [marts.Queries.DataVersion] is one;
// [New] builds that for a *sql.DB.
type Source interface {
	DB() *sql.DB
	Dialect() dialect.Dialect
	DataVersion(ctx context.Context) (marts.Version, error)
}

// Path says where a view's numbers come from.
type Path string

// The paths.
const (
	// PathAuto lets the semantic layer's planner answer each table from the
	// smallest pre-aggregated mart that gives the same result exactly, and from
	// FCT_ORDERS otherwise (aggregate awareness on).
	PathAuto Path = "auto"
	// PathFacts always reads FCT_ORDERS through the semantic layer (aggregate
	// awareness off: query's Options.NoRollups).
	PathFacts Path = "facts"
)

// Valid reports whether p is a known path; empty means PathAuto.
func (p Path) Valid() bool { return p == "" || p == PathAuto || p == PathFacts }

// Options configure a [Dashboard].
type Options struct {
	// Names of the warehouse objects; empty fields take their defaults.
	Names warehouse.Names
	// Cache turns the in-memory result cache on.
	Cache bool
	// CacheEntries and CacheBytes bound the cache: the least recently used
	// results go first. Zero means DefaultCacheEntries and DefaultCacheBytes.
	CacheEntries int
	CacheBytes   int64
	// TTL bounds a cached result's age; zero means DefaultTTL. A refresh of the
	// data invalidates results sooner, whatever the TTL.
	TTL time.Duration
	// Path chooses where numbers come from; empty means PathAuto.
	Path Path
	// Now is the clock (cache ages). Nil means time.Now.
	Now func() time.Time
	// TopN is the length of top-N lists when a view's options leave it zero;
	// zero means 10.
	TopN int
}

// DefaultTTL is how long a cached result lives at most: 5 minutes, as the
// original platform cached, and the marts' target lag.
const DefaultTTL = 5 * time.Minute

// Dashboard computes the views over one warehouse. It is safe for concurrent use.
type Dashboard struct {
	src   Source
	opts  Options
	names warehouse.Names
	comp  *query.Compiler
	cache *cache
	q     *marts.Queries // over src.DB(); each view reads through q.WithTx

	mu      sync.Mutex
	catalog *Catalog // of the newest version seen
}

// New returns a dashboard over db, which holds a warehouse of dialect d; the data
// version is read with [marts.Queries.DataVersion].
func New(db *sql.DB, d dialect.Dialect, opts Options) (*Dashboard, error) {
	return NewFromSource(dbSource{db: db, q: marts.New(db, d, opts.Names)}, opts)
}

// NewFromSource returns a dashboard over src.
func NewFromSource(src Source, opts Options) (*Dashboard, error) {
	if !opts.Path.Valid() {
		return nil, fmt.Errorf("dashboard: Options.Path %q (valid: auto, facts)", opts.Path)
	}
	if opts.TTL < 0 || opts.TopN < 0 {
		return nil, fmt.Errorf("dashboard: Options.TTL and Options.TopN cannot be negative")
	}
	if err := opts.Names.Validate(); err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.TTL == 0 {
		opts.TTL = DefaultTTL
	}
	if opts.TopN == 0 {
		opts.TopN = 10
	}
	// Every table of a view is a request: the query planner answers it from
	// the smallest mart that covers it exactly, unless PathFacts turns that off.
	comp, err := query.New(semantic.SalesModel(), query.Options{Dialect: src.Dialect(), Now: opts.Now, NoRollups: opts.Path == PathFacts})
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	d := &Dashboard{src: src, opts: opts, names: opts.Names.WithDefaults(), comp: comp}
	d.q = marts.New(src.DB(), src.Dialect(), d.names)
	if opts.Cache {
		d.cache = newCache(opts.TTL, opts.Now, opts.CacheEntries, opts.CacheBytes)
	}
	return d, nil
}

type dbSource struct {
	db *sql.DB
	q  *marts.Queries
}

func (s dbSource) DB() *sql.DB              { return s.db }
func (s dbSource) Dialect() dialect.Dialect { return s.q.Dialect() }
func (s dbSource) DataVersion(ctx context.Context) (marts.Version, error) {
	return s.q.DataVersion(ctx)
}

// env is what one view computation reads through: one read transaction, so every
// table of a result sees the same snapshot of the warehouse.
type env struct {
	d       *Dashboard
	tx      *sql.Tx
	q       *marts.Queries
	version marts.Version
	cat     *Catalog
	ctx     context.Context
	// answered are the view's one-row requests so far, with their results
	// (request.go: reuse)
	answered []answer
}

// compute runs fn in a read transaction, with the catalog of the version that
// transaction sees.
func (d *Dashboard) compute(ctx context.Context, fn func(*env) error) (marts.Version, error) {
	tx, err := d.src.DB().BeginTx(ctx, nil)
	if err != nil {
		return marts.Version{}, fmt.Errorf("dashboard: begin: %w", err)
	}
	defer tx.Rollback()
	q := d.q.WithTx(tx)
	v, err := q.DataVersion(ctx)
	if err != nil {
		return v, fmt.Errorf("dashboard: %w", err)
	}
	cat, err := d.catalogAt(ctx, tx, q, v)
	if err != nil {
		return v, err
	}
	if err := fn(&env{d: d, tx: tx, q: q, version: v, cat: cat, ctx: ctx}); err != nil {
		return v, err
	}
	return v, nil
}

// catalogAt returns the catalog of version v, reading it once per version.
func (d *Dashboard) catalogAt(ctx context.Context, db marts.DBTX, q *marts.Queries, v marts.Version) (*Catalog, error) {
	d.mu.Lock()
	c := d.catalog
	d.mu.Unlock()
	if c != nil && c.Version == v.Token {
		return c, nil
	}
	c, err := readCatalog(ctx, db, q, v)
	if err != nil {
		return nil, err
	}
	c.DataAsOf = readDataAsOf(ctx, d.src.DB(), d.q)
	d.mu.Lock()
	d.catalog = c
	d.mu.Unlock()
	return c, nil
}

// Catalog returns the valid filter values and the data's date bounds at the
// warehouse's current version.
func (d *Dashboard) Catalog(ctx context.Context) (*Catalog, error) {
	var cat *Catalog
	_, err := d.compute(ctx, func(e *env) error { cat = e.cat; return nil })
	return cat, err
}

// topN is a view's list length: n, or the dashboard's default when n is zero.
func (d *Dashboard) topN(n int) (int, error) {
	if n < 0 {
		return 0, fmt.Errorf("%w: TopN %d cannot be negative", ErrInvalidFilter, n)
	}
	if n == 0 {
		return d.opts.TopN, nil
	}
	return n, nil
}
