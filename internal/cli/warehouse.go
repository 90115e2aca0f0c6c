package cli

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

// WarehouseFlags choose the warehouse a program reads.
type WarehouseFlags struct {
	// Engine is "embedded" (the default) or "snowflake".
	Engine string
	// DB is the embedded database file. Empty means a file in the user's cache
	// directory, built on first use and reused afterwards.
	DB string
	// Connection names a Snowflake connection (connections.toml / config.toml);
	// empty means the default connection.
	Connection string
	// Scale is the embedded demo data's scale (1 is 100,000 orders).
	Scale float64
}

// Register defines -engine, -db, -connection and -scale on fs.
func (f *WarehouseFlags) Register(fs *flag.FlagSet) {
	fs.StringVar(&f.Engine, "engine", "embedded", "warehouse engine: embedded or snowflake")
	fs.StringVar(&f.DB, "db", "", "embedded database file (default: built once in the user cache directory)")
	fs.StringVar(&f.Connection, "connection", "", "Snowflake connection name from connections.toml (default: the default connection)")
	fs.Float64Var(&f.Scale, "scale", 1, "embedded demo data scale: 1 is 100,000 orders")
}

// Opened is an open warehouse. Close it when done.
type Opened struct {
	*pipeline.Warehouse
	// Built reports whether this run built (or completed) the embedded warehouse.
	Built bool
}

// Close closes the engine.
func (o *Opened) Close() error { return o.Engine().Close() }

// Open opens the warehouse the flags name. The embedded warehouse is built on
// first use — into a temporary file renamed into place only when complete, so an
// interrupted build leaves nothing half-built — and reused afterwards. Progress
// lines go to progress only when it is a terminal.
func (f *WarehouseFlags) Open(ctx context.Context, progress io.Writer) (*Opened, error) {
	name := strings.ToLower(strings.TrimSpace(f.Engine))
	if name == "" {
		name = "embedded"
	}
	if name == "embedded" || name == "duckdb" {
		return f.openEmbedded(ctx, progress)
	}
	eng, err := engine.Open(ctx, engine.Config{Name: name, Connection: f.Connection})
	if err != nil {
		return nil, err
	}
	w, err := pipeline.New(eng, pipeline.Config{})
	if err != nil {
		eng.Close()
		return nil, err
	}
	return &Opened{Warehouse: w}, nil
}

func (f *WarehouseFlags) data() (datagen.Config, error) {
	c := datagen.DefaultConfig()
	if f.Scale != 0 {
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

func (f *WarehouseFlags) openEmbedded(ctx context.Context, progress io.Writer) (*Opened, error) {
	data, err := f.data()
	if err != nil {
		return nil, err
	}
	path := f.DB
	if path == "" {
		if path, err = DefaultDB(data.Scale); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
	}
	built := false
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := build(ctx, path, data, progress); err != nil {
			return nil, err
		}
		built = true
	}
	eng, err := engine.Open(ctx, engine.Config{Name: "embedded", Path: path})
	if err != nil {
		return nil, err
	}
	w, err := pipeline.New(eng, pipeline.Config{Now: DemoNow})
	if err != nil {
		eng.Close()
		return nil, err
	}
	// Idempotent: a current warehouse is left as it is, an older one completed.
	opts := pipeline.DefaultOptions()
	opts.Data = data
	if _, err := w.Setup(ctx, opts); err != nil {
		eng.Close()
		return nil, fmt.Errorf("warehouse %s: %w", path, err)
	}
	return &Opened{Warehouse: w, Built: built}, nil
}

// build sets the warehouse up in a temporary file next to path and renames it
// into place when complete.
func build(ctx context.Context, path string, data datagen.Config, progress io.Writer) error {
	tmp := fmt.Sprintf("%s.building-%d", path, os.Getpid())
	defer os.Remove(tmp)
	defer os.Remove(tmp + ".wal")
	eng, err := engine.Open(ctx, engine.Config{Name: "embedded", Path: tmp})
	if err != nil {
		return err
	}
	w, err := pipeline.New(eng, pipeline.Config{Now: DemoNow})
	if err != nil {
		eng.Close()
		return err
	}
	p := NewProgress(progress)
	p.Printf("building the embedded warehouse in %s (once)…", path)
	opts := pipeline.DefaultOptions()
	opts.Data = data
	opts.Progress = p.Event
	_, err = w.Setup(ctx, opts)
	p.Done()
	if cerr := eng.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("build %s: %w", path, err)
	}
	return os.Rename(tmp, path)
}
