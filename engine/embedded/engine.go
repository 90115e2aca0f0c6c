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
	"strings"
	"sync/atomic"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
)

// Options configure [Open]. The zero value opens an in-memory database with DuckDB's
// defaults.
type Options struct {
	// Path is the database file. Empty means in memory. The directory must exist
	// and be writable; the file is created if missing. The path is a file name
	// only: one holding '?' is refused, since DuckDB would read what follows as
	// settings.
	Path string
	// ReadOnly opens an existing file read-only: nothing is created or written
	// (the file's bytes stay as they are), the directory need not be writable, and
	// other read-only processes may open the same file at the same time. A process
	// holding the file read-write excludes them all (DuckDB locks the file per
	// process).
	ReadOnly bool
	// Threads caps DuckDB's worker threads. Zero means DuckDB's default (all cores).
	Threads int
	// MemoryLimit caps DuckDB's memory, e.g. "2GB". Empty means
	// [DefaultFileMemoryLimit] for a file opened read-write, where builds and
	// refreshes run, and DuckDB's default (80% of RAM) in memory, where the data
	// itself lives in that memory, and for a file opened read-only: its readers
	// (the server, analyst workers) may sit where they cannot spill, since the
	// temp_directory is by default the file's path with ".tmp" appended, next
	// to a file they may not write. Past the limit DuckDB evicts cached blocks
	// of the file and spills there.
	MemoryLimit string
	// LoadWorkers is how many goroutines produce rows for a bulk load while one
	// appends them. Zero means one per core, less the appender's.
	LoadWorkers int
	// FSST turns on DuckDB's FSST string compression. It is off by default: the
	// warehouse's text columns are mostly low-cardinality and dictionary-compress
	// well, and FSST's analysis and encoding cost more than they save: writing
	// scale 10's FCT_ORDERS (1M rows) took 4.3–5.0 s of CPU with it and 2.5–3.3 s
	// without (DuckDB 1.5.6, two loaded cores, two alternating rounds).
	FSST bool
	// Analyst says where analyst SQL runs: by default in a worker process with
	// limits (see AnalystIsolation and RunReadOnly).
	Analyst AnalystIsolation
}

// DefaultFileMemoryLimit is DuckDB's memory_limit for a database file opened
// read-write when [Options] name none. DuckDB's own default, 80% of RAM, lets it keep every
// block it wrote cached: the scale-100 set-up (10M orders, salesanalytics
// setup, /usr/bin/time -v) peaked at 2.43 GiB of resident memory, and at 1.77
// GiB under this limit, run side by side. The program's own memory and
// DuckDB's allocations outside its buffer pool come on top of the limit.
const DefaultFileMemoryLimit = "1536MiB"

// fileBlockAllocatorMemory is DuckDB's block_allocator_memory for a file opened
// read-write under [DefaultFileMemoryLimit]: memory for the buffer pool's blocks
// that DuckDB keeps and reuses instead of handing it back to the system and
// faulting it in again. A build writes and drops blocks all the time: the
// scale-100 set-up (10M orders, salesanalytics setup, /usr/bin/time -v, two
// rounds run side by side on a loaded machine) took 2.33M/2.43M page faults and
// 144.5/134.9 s of CPU (30.3/32.1 of it in the kernel) without it,
// 1.28M/1.37M and 117.4/108.3 s (20.1/20.3) with it; its peak resident memory
// rose from 1.77/1.79 to 1.89/1.86 GiB, within the 2 GiB the build keeps to
// (512 MiB bought less: 2.01M faults, 133.2 s). A given Options.MemoryLimit
// leaves it at DuckDB's default (none).
const fileBlockAllocatorMemory = "1GiB"

// Engine is an open embedded warehouse. It implements [engine.Engine]. Close it
// when done.
type Engine struct {
	db   *sql.DB
	gen  *atomic.Uint64 // moves on with every write (stmtcache.go)
	opts Options
	iso  isolation // analyst workers' private directory (worker.go)
}

var _ engine.Engine = (*Engine)(nil)

// ErrOpen is returned (wrapped) when the database cannot be opened.
var ErrOpen = errors.New("embedded: cannot open database")

// Open opens (creating if needed) the embedded database and checks it answers.
func Open(ctx context.Context, opts Options) (*Engine, error) {
	if err := checkPath(opts); err != nil {
		return nil, err
	}
	conn, err := duckdb.NewConnector(dsn(opts), nil)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrOpen, describe(opts.Path), err)
	}
	gen := new(atomic.Uint64)
	db := sql.OpenDB(cachingConnector{inner: conn, gen: gen})
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%w %s: %w", ErrOpen, describe(opts.Path), err)
	}
	for _, stmt := range globalSettings(opts) {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			db.Close()
			return nil, fmt.Errorf("%w %s: %s: %w", ErrOpen, describe(opts.Path), stmt, err)
		}
	}
	return &Engine{db: db, gen: gen, opts: opts}, nil
}

// globalSettings are the settings DuckDB 1.5.6 takes only as SET GLOBAL: given
// in the connection string, disabled_compression_methods is accepted and
// ignored (duckdb_settings() shows it empty, and FSST compressed the text
// columns of every file built until it was set here).
func globalSettings(opts Options) []string {
	if opts.FSST {
		return nil
	}
	return []string{"SET GLOBAL disabled_compression_methods = 'fsst'"}
}

func dsn(opts Options) string {
	q := url.Values{}
	// The allocator's background thread returns freed memory off the query
	// threads. Without it the dashboard's views, many short queries, wait on that
	// work at random: the customer view at scale 1 took a median 20.1–28.2 ms
	// without and 18.0–18.9 ms with it, at scale 10 84.8–97.9 against 70.3–77.9
	// (DuckDB 1.5.6, two cores, 60 calls each).
	q.Set("allocator_background_threads", "true")
	// No extension is fetched or loaded behind our back: the ones the SDK uses
	// (json, icu, parquet) are linked in, and any other would be code from the
	// network or from a directory the user can write.
	q.Set("autoinstall_known_extensions", "false")
	q.Set("autoload_known_extensions", "false")
	if opts.ReadOnly {
		q.Set("access_mode", "READ_ONLY")
	}
	if opts.Threads > 0 {
		q.Set("threads", strconv.Itoa(opts.Threads))
	}
	switch {
	case opts.MemoryLimit != "":
		q.Set("memory_limit", opts.MemoryLimit)
	case opts.Path != "" && !opts.ReadOnly:
		q.Set("memory_limit", DefaultFileMemoryLimit)
		q.Set("block_allocator_memory", fileBlockAllocatorMemory)
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

// checkPath refuses a path DuckDB would misread, and fails early, with the path
// in the message, where DuckDB would fail later or less clearly.
func checkPath(opts Options) error {
	switch {
	case opts.Path == "" && opts.ReadOnly:
		return fmt.Errorf("%w: an in-memory database cannot be opened read-only", ErrOpen)
	case opts.Path == "":
		return nil
	case strings.Contains(opts.Path, "?"):
		return fmt.Errorf("%w %q: '?' is not allowed in the file name (DuckDB would read what follows as settings)", ErrOpen, opts.Path)
	case opts.ReadOnly:
		return checkReadableFile(opts.Path)
	}
	return checkWritableDir(opts.Path)
}

// checkReadableFile fails unless path is an existing regular file.
func checkReadableFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%w %q: %w", ErrOpen, path, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%w %q: not a regular file", ErrOpen, path)
	}
	return nil
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
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the probe's name is no file the person knows
		}
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

// ReadOnly reports whether the engine was opened read-only.
func (e *Engine) ReadOnly() bool { return e.opts.ReadOnly }

// Path returns the database file, or "" in memory.
func (e *Engine) Path() string { return e.opts.Path }

// Close checkpoints and closes the database.
func (e *Engine) Close() error {
	err := e.db.Close()
	e.iso.remove()
	return err
}
