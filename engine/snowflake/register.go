package snowflake

import (
	"context"

	"github.com/salesanalytics/salesanalytics/engine"
)

// init registers the Snowflake engine with package engine as "snowflake":
// engine.Open(ctx, engine.Config{Name: "snowflake", Connection: "prod"}) opens it
// (or with a DSN).
func init() {
	engine.Register(func(ctx context.Context, cfg engine.Config) (engine.Engine, error) {
		e, err := Open(ctx, Options{DSN: cfg.DSN, Connection: cfg.Connection})
		if err != nil {
			return nil, err
		}
		return e, nil
	}, "snowflake")
}
