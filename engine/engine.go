// Package engine opens a warehouse engine by name, for programs that let their user
// choose one (a flag, an environment variable).
//
//	eng, err := engine.Open(ctx, engine.Config{Name: "embedded", Path: "sales.duckdb"})
//	if err != nil { … } // an unknown name lists the valid ones
//	defer eng.Close()
//
//	sf, err := engine.Open(ctx, engine.Config{Name: "snowflake", DSN: os.Getenv("SNOWFLAKE_DSN")})
//
// Programs that always use one engine can open it directly (packages
// pipeline/embedded and pipeline/snowflake).
package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline/snowflake"
)

// ErrUnknownEngine is returned (wrapped) by [Open] for a name it does not know.
var ErrUnknownEngine = errors.New("engine: unknown engine")

// Engine is an open warehouse engine that must be closed.
type Engine interface {
	pipeline.Engine
	io.Closer
}

// Config says which engine to open and where.
type Config struct {
	// Name is the engine: "embedded" (alias "duckdb") or "snowflake". Empty means
	// "embedded".
	Name string
	// Path is the embedded database file; empty means in memory.
	Path string
	// DSN is the Snowflake data source name (see pipeline/snowflake); required
	// for "snowflake", ignored otherwise.
	DSN string
}

// Names lists the engine names [Open] accepts.
func Names() []string { return []string{"embedded", "duckdb", "snowflake"} }

// Open opens the engine cfg names.
func Open(ctx context.Context, cfg Config) (Engine, error) {
	switch strings.ToLower(strings.TrimSpace(cfg.Name)) {
	case "", "embedded", "duckdb":
		return embedded.Open(ctx, embedded.Options{Path: cfg.Path})
	case "snowflake":
		return snowflake.Open(ctx, snowflake.Options{DSN: cfg.DSN})
	}
	return nil, fmt.Errorf("%w %q (valid: %s)", ErrUnknownEngine, cfg.Name, strings.Join(Names(), ", "))
}
