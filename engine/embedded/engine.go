package embedded

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
)

// Options configure [Open]. The zero value opens an in-memory database with DuckDB's
// defaults.
type Options struct {
	// Path is the database file. Empty means in memory. The directory must exist
	// and be writable; the file is created if missing.
	Path string
	// Threads caps DuckDB's worker threads. Zero means DuckDB's default (all cores).
	Threads int
	// MemoryLimit caps DuckDB's memory, e.g. "2GB". Empty means DuckDB's default
	// (80% of RAM).
	MemoryLimit string
	// LoadWorkers is how many goroutines produce rows for a bulk load while one
	// appends them. Zero means one per core, less the appender's.
	LoadWorkers int
	// FSST turns on DuckDB's FSST string compression. It is off by default: the
	// warehouse's text columns are low-cardinality and dictionary-compress well,
	// and FSST's analysis made the scale-100 build about 10% slower.
	FSST bool
	// Analyst says where analyst SQL runs: by default in a worker process with
	// limits (see AnalystIsolation and RunReadOnly).
	Analyst AnalystIsolation
}

// Engine is an open embedded warehouse. It implements [engine.Engine]. Close it
// when done.
type Engine struct {
	db   *sql.DB
	opts Options
	iso  isolation // analyst workers' private directory (worker.go)
}

var _ engine.Engine = (*Engine)(nil)

// ErrOpen is returned (wrapped) when the database cannot be opened.
var ErrOpen = errors.New("embedded: cannot open database")

// Open opens (creating if needed) the embedded database and checks it answers.
func Open(ctx context.Context, opts Options) (*Engine, error) {
	if opts.Path != "" {
		if err := checkWritableDir(opts.Path); err != nil {
			return nil, err
		}
	}
	conn, err := duckdb.NewConnector(dsn(opts), nil)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrOpen, describe(opts.Path), err)
	}
	db := sql.OpenDB(conn)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%w %s: %w", ErrOpen, describe(opts.Path), err)
	}
	return &Engine{db: db, opts: opts}, nil
}

func dsn(opts Options) string {
	q := url.Values{}
	// The allocator's background thread returns freed memory off the query
	// threads. Without it the dashboard's views, many short queries, wait on that
	// work at random: the customer view at scale 1 took a median 20.1–28.2 ms
	// without and 18.0–18.9 ms with it, at scale 10 84.8–97.9 against 70.3–77.9
	// (DuckDB 1.5.6, two cores, 60 calls each).
	q.Set("allocator_background_threads", "true")
	if opts.Threads > 0 {
		q.Set("threads", strconv.Itoa(opts.Threads))
	}
	if opts.MemoryLimit != "" {
		q.Set("memory_limit", opts.MemoryLimit)
	}
	if !opts.FSST {
		q.Set("disabled_compression_methods", "fsst")
	}
	s := opts.Path
	if len(q) > 0 {
		s += "?" + q.Encode()
	}
	return s
}

func describe(path string) string {
	if path == "" {
		return "(in memory)"
	}
	return strconv.Quote(path)
}

// checkWritableDir fails early, with the path in the message, when the database
// file's directory is missing or read-only, instead of leaving DuckDB to fail later.
func checkWritableDir(path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("%w %q: directory %q: %w", ErrOpen, path, dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("%w %q: %q is not a directory", ErrOpen, path, dir)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%w %q: it is a directory", ErrOpen, path)
	}
	probe, err := os.CreateTemp(dir, ".salesanalytics-probe-*")
	if err != nil {
		return fmt.Errorf("%w %q: directory %q is not writable: %w", ErrOpen, path, dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// DB returns the engine's database handle.
func (e *Engine) DB() *sql.DB { return e.db }

// Dialect returns [dialect.DuckDB].
func (e *Engine) Dialect() dialect.Dialect { return dialect.DuckDB }

// Path returns the database file, or "" in memory.
func (e *Engine) Path() string { return e.opts.Path }

// Close checkpoints and closes the database.
func (e *Engine) Close() error {
	err := e.db.Close()
	e.iso.remove()
	return err
}
