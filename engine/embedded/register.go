package embedded

import (
	"context"

	"github.com/salesanalytics/salesanalytics/engine"
)

// init registers the embedded engine with package engine as "embedded" and
// "duckdb": engine.Open(ctx, engine.Config{Path: …}) opens it.
func init() {
	engine.Register(func(ctx context.Context, cfg engine.Config) (engine.Engine, error) {
		e, err := Open(ctx, Options{Path: cfg.Path, ReadOnly: cfg.ReadOnly, Threads: cfg.Threads})
		if err != nil {
			return nil, err
		}
		return e, nil
	}, "embedded", "duckdb")
}
