package connect

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// DemoNow is the clock of the embedded demo warehouse: its data is read as of
// 2026-01-01, so "last month" is December 2025.
func DemoNow() time.Time { return warehouse.DefaultAsOf() }

// Flags choose the warehouse a program reads.
type Flags struct {
	// Engine is "embedded" (the default) or "snowflake".
	Engine string
	// DB is the embedded database file. Empty means a file in the user's cache
	// directory, built on first use and reused afterwards. A named file must
	// exist unless Build is set; it is a file name only, never read as options.
	DB string
	// Connection names a Snowflake connection (connections.toml / config.toml);
	// empty means the default connection.
	Connection string
	// Scale is the embedded demo data's scale (1 is 100,000 orders).
	Scale float64
	// Build builds the embedded warehouse at Scale into DB, replacing the file
	// if it exists. Without it a program only reads.
	Build bool
	// Setup is set (not a flag) by a program that sets the warehouse up or
	// refreshes it: Open then accepts a Snowflake warehouse lacking marts of
	// the model, which that program creates. Every other program is refused
	// such a warehouse, as it is an embedded file lacking them.
	Setup bool

	scaleSet bool // -scale was given on the command line
}

// Register defines -engine, -db, -connection, -scale and -build on fs.
func (f *Flags) Register(fs *flag.FlagSet) {
	fs.StringVar(&f.Engine, "engine", "embedded", "warehouse engine: embedded or snowflake")
	fs.StringVar(&f.DB, "db", "", "embedded database file, opened read-only (default: built once in the user cache directory)")
	fs.StringVar(&f.Connection, "connection", "", "Snowflake connection name from connections.toml (default: the default connection)")
	if f.Scale == 0 {
		f.Scale = 1
	}
	fs.Func("scale", "embedded demo data scale when building: 1 is 100,000 orders (default 1)", func(s string) error {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("not a number: %q", s)
		}
		f.Scale, f.scaleSet = v, true
		return nil
	})
	fs.BoolVar(&f.Build, "build", false, "build the embedded warehouse at -scale into -db (replacing the file if it exists)")
}

// Warehouse is an open warehouse. Close it when done.
type Warehouse struct {
	*pipeline.Warehouse
	// Built reports whether this run built the embedded warehouse.
	Built bool
	// Path is the embedded database file; empty for Snowflake.
	Path string
}

// Close closes the engine.
func (o *Warehouse) Close() error { return o.Engine().Close() }

// Now is the warehouse's clock, for date presets and relative dates: the
// embedded demo data's [DemoNow], the wall clock on Snowflake.
func (o *Warehouse) Now() time.Time {
	if o.Path != "" {
		return DemoNow()
	}
	return time.Now()
}

// ErrNoWarehouse is returned (wrapped) when -db names a file that does not
// exist and no build was asked for.
var ErrNoWarehouse = errors.New("no warehouse file")

// Open opens the warehouse the flags name. The embedded warehouse is opened
// read-only, with no set-up: the program writes nothing and the file's bytes do
// not change, so any number of programs (and the dashboard) read one file at
// once. It is built only when asked (Build), or on first use of the default
// file in the user cache directory — into a temporary file renamed into place
// when complete, so an interrupted build leaves nothing half-built. Progress
// lines go to progress only when it is a terminal.
func (f *Flags) Open(ctx context.Context, progress io.Writer) (*Warehouse, error) {
	name := strings.ToLower(strings.TrimSpace(f.Engine))
	if name == "" {
		name = "embedded"
	}
	if name == "embedded" || name == "duckdb" {
		return f.openEmbedded(ctx, progress)
	}
	eng, err := engine.Open(ctx, engine.Config{Name: name, Connection: f.Connection})
	if err != nil {
		return nil, f.openError("", err)
	}
	w, err := pipeline.New(eng, pipeline.Config{})
	if err == nil && !f.Setup {
		err = f.hasSnowflakeMarts(ctx, w)
	}
	if err != nil {
		eng.Close()
		return nil, err
	}
	return &Warehouse{Warehouse: w}, nil
}

func (f *Flags) data() (datagen.Config, error) {
	c := datagen.DefaultConfig()
	if f.Scale != 0 || f.scaleSet { // -scale 0 is refused, not the default
		c.Scale = f.Scale
	}
	if c.Scale <= 0 || c.Scale > 100 {
		return c, fmt.Errorf("-scale %g: must be in (0, 100]", f.Scale)
	}
	return c, nil
}

// DefaultDB returns the embedded database file used when -db is not given: one
// per generator version, warehouse layout and scale, in the user's cache
// directory. The layout is a digest of every statement that builds the embedded
// warehouse, so a release that changes a table's definition or storage builds a
// fresh file instead of reading one an older release built.
func DefaultDB(scale float64) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no user cache directory (give -db): %w", err)
	}
	return filepath.Join(dir, "salesanalytics", fmt.Sprintf("sales-%s-%s-scale%g.duckdb", datagen.Version, layout(), scale)), nil
}

// layout digests the embedded warehouse's build plan.
func layout() string {
	h := sha256.New()
	for _, s := range pipeline.Plan(dialect.DuckDB, warehouse.Names{}) {
		for _, q := range s.SQL {
			io.WriteString(h, q)
			h.Write([]byte{0})
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}

func (f *Flags) openEmbedded(ctx context.Context, progress io.Writer) (*Warehouse, error) {
	data, err := f.data()
	if err != nil {
		return nil, err
	}
	path, build, err := f.plan(data)
	if err != nil {
		return nil, err
	}
	if build {
		if err := Build(ctx, path, data, progress); err != nil {
			return nil, err
		}
	}
	eng, err := engine.Open(ctx, engine.Config{Name: "embedded", Path: path, ReadOnly: true, Threads: ReaderThreads})
	if err != nil {
		return nil, f.openError(path, err)
	}
	w, err := pipeline.New(eng, pipeline.Config{Now: DemoNow})
	if err == nil {
		err = hasMarts(ctx, w, path)
	}
	if err != nil {
		eng.Close()
		return nil, err
	}
	return &Warehouse{Warehouse: w, Built: build, Path: path}, nil
}

// ReaderThreads is DuckDB's thread count for a program that reads the
// embedded warehouse (every program but set-up and refresh). A reader runs
// many small statements over the marts — a dashboard view is four to seven —
// where a second worker thread costs more than it gives. On a quiet two-core
// machine (`go test ./dashboard -bench Views`, SALESANALYTICS_BENCH_THREADS=0
// against 1, three rounds) eight of the ten views took 1.2–2.1× less time
// with one thread (scale 10 customers 44–48 → 26–35 ms, scale 1 product
// 21–25 → 13–16 ms); the executive and reps views at scale 1 were about even.
// Concurrent requests still use every core: each runs on its own connection.
const ReaderThreads = 1

// ErrMissingMarts is returned (wrapped) when the warehouse lacks marts the
// model has: it was built before the model gained them. An embedded file,
// opened read-only, is not changed (`salesanalytics refresh -db FILE` builds
// them); on Snowflake `salesanalytics setup -engine snowflake` creates them
// (a program sets [Flags.Setup] to open such a warehouse to set it up).
var ErrMissingMarts = errors.New("the warehouse file lacks marts of the model")

// hasMarts fails, naming them and the command that builds them, when the
// warehouse w read from path lacks marts of the model: a query would
// otherwise fail on the missing table in the middle of a view.
func hasMarts(ctx context.Context, w *pipeline.Warehouse, path string) error {
	missing, err := w.MissingMarts(ctx)
	if err != nil {
		return DBError(path, err)
	}
	db := fmt.Sprintf("-db %q", path)
	switch {
	case len(missing) == 0:
		return nil
	case len(missing) == len(warehouse.AllMarts()):
		return &userError{err: ErrMissingMarts, msg: fmt.Sprintf("%s holds no marts of the sales warehouse: build one with -build %s, or leave -db out for the cached demo warehouse", db, db)}
	}
	return &userError{err: ErrMissingMarts, msg: fmt.Sprintf("%s was built before the model gained the marts %s: build them with `salesanalytics refresh %s` (the file is only read here)",
		db, strings.Join(missing, ", "), db)}
}

// hasSnowflakeMarts fails, naming them and the command that creates them,
// when the Snowflake warehouse w lacks marts of the model: it was set up
// before the model gained them, and a request the planner routes to one would
// fail in the middle of a view.
func (f *Flags) hasSnowflakeMarts(ctx context.Context, w *pipeline.Warehouse) error {
	missing, err := w.MissingMarts(ctx)
	if err != nil {
		return f.openError("", err)
	}
	if len(missing) == 0 {
		return nil
	}
	name, cmd := "the default connection", "salesanalytics setup -engine snowflake"
	if f.Connection != "" {
		name = fmt.Sprintf("-connection %q", f.Connection)
		cmd += " " + name
	}
	return &userError{err: ErrMissingMarts, msg: fmt.Sprintf("Snowflake, %s: the warehouse lacks the marts %s of the model (set up before they were added): create them with `%s`",
		name, strings.Join(missing, ", "), cmd)}
}

// plan returns the file to read and whether to build it first: a named file
// must exist unless Build is set, and -scale is refused on an existing one
// (it would not change the data); the default file is built when missing.
func (f *Flags) plan(data datagen.Config) (string, bool, error) {
	if f.DB == "" {
		path, err := DefaultDB(data.Scale)
		if err != nil {
			return "", false, err
		}
		_, statErr := os.Stat(path)
		return path, f.Build || errors.Is(statErr, os.ErrNotExist), nil
	}
	_, err := os.Stat(f.DB)
	switch {
	case f.Build:
		return f.DB, true, nil
	case errors.Is(err, os.ErrNotExist):
		return "", false, fmt.Errorf("%w %q: build one with -build -db %q (or `go run ./examples/quickstart -db %q`), or leave -db out to use the cached demo warehouse",
			ErrNoWarehouse, f.DB, f.DB, f.DB)
	case err != nil:
		return "", false, err
	case f.scaleSet:
		return "", false, fmt.Errorf("-scale %g: %q exists and is only read; add -build to rebuild it at that scale", f.Scale, f.DB)
	}
	return f.DB, false, nil
}

// Build sets the warehouse up at data's scale in a temporary file next to
// path and renames it into place when complete, replacing path if it exists
// (readers holding the old file keep reading it).
func Build(ctx context.Context, path string, data datagen.Config, progress io.Writer) error {
	_, err := BuildResult(ctx, path, data, progress)
	return err
}

// BuildResult is [Build], returning what the set-up did.
func BuildResult(ctx context.Context, path string, data datagen.Config, progress io.Writer) (*pipeline.Result, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	tmp := fmt.Sprintf("%s.building-%d", path, os.Getpid())
	defer os.Remove(tmp)
	defer os.Remove(tmp + ".wal")
	eng, err := engine.Open(ctx, engine.Config{Name: "embedded", Path: tmp})
	if err != nil {
		return nil, DBError(path, withoutTemp(err, tmp, path))
	}
	w, err := pipeline.New(eng, pipeline.Config{Now: DemoNow})
	if err != nil {
		eng.Close()
		return nil, err
	}
	p := NewProgress(progress)
	p.Printf("building the embedded warehouse in %s (once)…", path)
	opts := pipeline.DefaultOptions()
	opts.Data = data
	opts.Progress = p.Event
	res, err := w.Setup(ctx, opts)
	p.Done()
	if cerr := eng.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, DBError(path, withoutTemp(err, tmp, path))
	}
	return res, os.Rename(tmp, path)
}
