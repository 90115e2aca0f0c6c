package pipelinetest

import (
	"context"
	"time"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Opts is a test warehouse: what to generate, which names, which clock.
type Opts struct {
	pipeline.Options
	Names warehouse.Names
	Now   func() time.Time
}

// Default returns the default set-up options, names and system clock.
func Default() Opts { return Opts{Options: pipeline.DefaultOptions()} }

// Bind binds eng to o's names and clock.
func Bind(eng engine.Engine, o Opts) (*pipeline.Warehouse, error) {
	return pipeline.New(eng, pipeline.Config{Names: o.Names, Now: o.Now})
}

// Setup binds eng and runs the set-up with o.
func Setup(ctx context.Context, eng engine.Engine, o Opts) (*pipeline.Result, error) {
	w, err := Bind(eng, o)
	if err != nil {
		return nil, err
	}
	return w.Setup(ctx, o.Options)
}

// Validate binds eng and runs the checkpoints for o.
func Validate(ctx context.Context, eng engine.Engine, o Opts) (*pipeline.Report, error) {
	w, err := Bind(eng, o)
	if err != nil {
		return nil, err
	}
	return w.Validate(ctx, o.Options)
}

// Refresh refreshes the marts of eng under names n and clock now (nil: system).
func Refresh(ctx context.Context, eng engine.Engine, n warehouse.Names, now func() time.Time) (pipeline.RefreshResult, error) {
	w, err := pipeline.New(eng, pipeline.Config{Names: n, Now: now})
	if err != nil {
		return pipeline.RefreshResult{}, err
	}
	return w.Refresh(ctx)
}

// Status reports the marts of eng under names n and clock now (nil: system).
func Status(ctx context.Context, eng engine.Engine, n warehouse.Names, now func() time.Time) ([]pipeline.MartStatus, error) {
	w, err := pipeline.New(eng, pipeline.Config{Names: n, Now: now})
	if err != nil {
		return nil, err
	}
	return w.Status(ctx)
}

// AppendOrders appends orders to RAW of eng under names n.
func AppendOrders(ctx context.Context, eng engine.Engine, n warehouse.Names, orders []datagen.Order) error {
	w, err := pipeline.New(eng, pipeline.Config{Names: n})
	if err != nil {
		return err
	}
	return w.AppendOrders(ctx, orders)
}
