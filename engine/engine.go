package engine

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Engine is an open warehouse engine: a database handle, the SQL dialect it
// speaks and a bulk loader. Close it when done. The embedded engine (package
// engine/embedded) loads with DuckDB's Appender; the Snowflake engine (package
// engine/snowflake) with bound INSERT batches ([ExecInserts]).
//
// What only some engines can do is asked of them through optional interfaces, in
// the manner of database/sql/driver: [DynamicTables], [Views], [ModelStager],
// [Appender], [ConnAppender].
type Engine interface {
	// DB is the engine's database handle.
	DB() *sql.DB
	// Dialect says which SQL the engine speaks.
	Dialect() dialect.Dialect
	// Load replaces the contents of table t with the rows of src, atomically: when
	// it returns an error (a cancelled context included) the table holds what it
	// held before. progress, if not nil, is called now and then with the number of
	// rows loaded so far.
	Load(ctx context.Context, t warehouse.Table, n warehouse.Names, src RowSource, progress func(done int64)) error
	// Close releases the engine's connections.
	Close() error
}

// DynamicTables is implemented by engines whose marts keep themselves fresh
// (Snowflake's dynamic tables). Engines without it have their marts refreshed by
// package pipeline.
type DynamicTables interface {
	// RefreshMarts asks every mart to refresh now.
	RefreshMarts(ctx context.Context, n warehouse.Names) error
	// MartStates reports each mart's scheduling state and last refresh.
	MartStates(ctx context.Context, n warehouse.Names) ([]MartState, error)
}

// MartState is one mart's state as an engine with [DynamicTables] reports it.
type MartState struct {
	Name        string
	TargetLag   time.Duration
	RefreshMode string // AUTO, INCREMENTAL or FULL
	State       string // ACTIVE or SUSPENDED
	LastRefresh time.Time
	// DataTimestamp is how current the mart's data is; zero if unknown.
	DataTimestamp time.Time
	// Comment is the dynamic table's COMMENT, where the set-up keeps the
	// fingerprint of its definition (warehouse.FingerprintOf).
	Comment string
}

// Views is implemented by engines that list the views of a layer with their
// comments, where the set-up keeps the fingerprint of each STAGING view's
// definition (warehouse.StagingView). With it a set-up re-creates only the views
// whose definition changed; without it, every view.
type Views interface {
	// ViewComments maps the name of each view in layer l's schema to its COMMENT
	// ("" when it has none).
	ViewComments(ctx context.Context, n warehouse.Names, l warehouse.Layer) (map[string]string, error)
}

// ModelStager is implemented by engines that keep the semantic model as a file on
// a stage (Snowflake's PUT). Engines without it keep the model in the stage's
// stand-in table, warehouse.SemanticModels().
type ModelStager interface {
	// StageModel uploads content as file to the semantic stage, replacing it.
	StageModel(ctx context.Context, n warehouse.Names, file string, content []byte) error
	// StagedFiles lists the files on the semantic stage with their sizes in bytes.
	StagedFiles(ctx context.Context, n warehouse.Names) (map[string]int64, error)
}

// Appender is implemented by engines with a bulk path for adding rows to an
// existing table (DuckDB's Appender). Engines without it add rows with bound
// INSERT batches ([ExecInserts]), as Snowflake does.
type Appender interface {
	// Append adds the rows of src to table t in one transaction: when it returns
	// an error (a cancelled context included) the table holds what it held
	// before. Values are those of [RowSource]: decimals as unscaled integers,
	// never floats.
	Append(ctx context.Context, t warehouse.Table, n warehouse.Names, src RowSource) error
}

// ConnAppender is implemented by [Appender] engines that can append on a
// connection the caller holds (the embedded engine does).
type ConnAppender interface {
	// AppendConn is Append on conn, a connection the caller took from the
	// pool and closes: a caller that orders its appends against other work
	// with a lock takes the connection before the lock, so that it never
	// waits for the pool while holding the lock.
	AppendConn(ctx context.Context, conn *sql.Conn, t warehouse.Table, n warehouse.Names, src RowSource) error
}

// RowSource yields the rows of one table by index, in the column order of the
// table's definition. Values are int64 (integer columns, and decimal columns as
// their unscaled integer at the column's scale), string, time.Time (UTC), bool or
// nil for NULL. Fill must be safe to call from several goroutines at once.
type RowSource struct {
	// Rows is the number of rows.
	Rows int64
	// Fill writes row i, for i in [0, Rows), into dst, which has one slot per column.
	Fill func(i int64, dst []any)
}

// ErrUnknownEngine is returned (wrapped) by [Open] for a name no engine registered.
var ErrUnknownEngine = errors.New("engine: unknown engine")

// Config says which engine to open and where. Each engine reads the fields it
// needs and ignores the others.
type Config struct {
	// Name is a registered engine: "embedded" (alias "duckdb") or "snowflake"
	// when their packages are linked in. Empty means "embedded".
	Name string
	// Path is the embedded database file; empty means in memory.
	Path string
	// ReadOnly opens the embedded database file read-only: nothing is written,
	// and other read-only processes may read the file at the same time.
	ReadOnly bool
	// DSN is a Snowflake data source name.
	DSN string
	// Connection names a Snowflake connection in connections.toml / config.toml
	// (package engine/snowflake/connection); empty means the default connection.
	Connection string
	// Threads caps the embedded engine's worker threads; zero means DuckDB's
	// default, one per core.
	Threads int
}

// Opener opens one kind of engine.
type Opener func(ctx context.Context, cfg Config) (Engine, error)

var registry = struct {
	sync.RWMutex
	m map[string]Opener
}{m: map[string]Opener{}}

// Register makes an engine available to [Open] under each of names (matched
// ignoring case). Engine packages call it from init, so a program links only the
// engines it imports:
//
//	import _ "github.com/salesanalytics/salesanalytics/engine/embedded"
//
// It panics if a name is registered twice.
func Register(open Opener, names ...string) {
	registry.Lock()
	defer registry.Unlock()
	for _, n := range names {
		k := strings.ToLower(n)
		if _, dup := registry.m[k]; dup {
			panic("engine: Register called twice for " + n)
		}
		registry.m[k] = open
	}
}

// Names lists the registered engine names, sorted.
func Names() []string {
	registry.RLock()
	defer registry.RUnlock()
	out := make([]string, 0, len(registry.m))
	for n := range registry.m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Open opens the engine cfg names. An unknown name is refused with the
// registered ones.
func Open(ctx context.Context, cfg Config) (Engine, error) {
	name := strings.ToLower(strings.TrimSpace(cfg.Name))
	if name == "" {
		name = "embedded"
	}
	registry.RLock()
	open, ok := registry.m[name]
	registry.RUnlock()
	if !ok {
		names := Names()
		hint := ""
		if !slices.Contains(names, "embedded") && (name == "embedded" || name == "duckdb") {
			hint = "; import _ \"github.com/salesanalytics/salesanalytics/engine/embedded\" to link it"
		}
		return nil, fmt.Errorf("%w %q (registered: %s)%s", ErrUnknownEngine, cfg.Name, strings.Join(names, ", "), hint)
	}
	return open(ctx, cfg)
}
