package snowflake

import (
	"context"

	"github.com/salesanalytics/salesanalytics/engine"
)

// init registers the Snowflake engine with package engine as "snowflake":
// engine.Open(ctx, engine.Config{Name: "snowflake", DSN: …}) opens it.
func init() {
	engine.Register(func(ctx context.Context, cfg engine.Config) (engine.Engine, error) {
		e, err := Open(ctx, Options{DSN: cfg.DSN})
		if err != nil {
			return nil, err
		}
		return e, nil
	}, "snowflake")
}
