package main

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/cli"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// warehouseFlags are -engine, -db, -connection and -scale, as the example
// programs have them.
type warehouseFlags struct{ cli.WarehouseFlags }

func (c *call) warehouse() *warehouseFlags {
	w := &warehouseFlags{}
	w.Register(c.fs)
	return w
}

// open opens the warehouse (building the embedded one on first use).
func (w *warehouseFlags) open(ctx context.Context, c *call) (*cli.Opened, error) {
	return w.Open(ctx, c.err)
}

// options are the pipeline options the flags give: the demo data's scale.
func (w *warehouseFlags) options() pipeline.Options {
	o := pipeline.DefaultOptions()
	if w.Scale != 0 {
		o.Data.Scale = w.Scale
	}
	return o
}

// embedded reports whether the flags name the embedded engine.
func (w *warehouseFlags) embedded() bool {
	e := strings.ToLower(strings.TrimSpace(w.Engine))
	return e == "" || e == "embedded" || e == "duckdb"
}

// service opens the warehouse and the service over it: Cortex Analyst on
// Snowflake when the connection can call it (unless offline), else the offline
// analyst. Close the returned warehouse when done.
func (w *warehouseFlags) service(ctx context.Context, c *call, offline bool) (*service.Service, *cli.Opened, error) {
	wh, err := w.open(ctx, c)
	if err != nil {
		return nil, nil, err
	}
	a, err := cli.OpenAnalyst(ctx, wh, w.WarehouseFlags, offline, c.err)
	if err != nil {
		wh.Close()
		return nil, nil, err
	}
	now := time.Now
	if w.embedded() {
		now = cli.DemoNow
	}
	svc, err := service.New(ctx, service.Config{DB: wh.Engine().DB(), Dialect: wh.Engine().Dialect(), Names: wh.Names(), Analyst: a, Now: now})
	if err != nil {
		wh.Close()
		return nil, nil, err
	}
	return svc, wh, nil
}

// isUsage reports whether err is the caller's: a bad flag, request, name,
// filter or view. Those exit 2.
func isUsage(err error) bool {
	for _, target := range []error{errUsage, request.ErrInvalid, query.ErrInvalidRequest, semantic.ErrUnknownField,
		dashboard.ErrInvalidFilter, service.ErrUnknownView} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}
