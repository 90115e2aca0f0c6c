package main

import (
	"context"
	"errors"
	"os"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// warehouseFlags are -engine, -db, -connection and -scale, as the example
// programs have them.
type warehouseFlags struct{ connect.Flags }

func (c *call) warehouse() *warehouseFlags {
	w := &warehouseFlags{}
	w.Register(c.fs)
	return w
}

// open opens the warehouse (building the embedded one on first use).
func (w *warehouseFlags) open(ctx context.Context, c *call) (*connect.Warehouse, error) {
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
func (w *warehouseFlags) service(ctx context.Context, c *call, offline bool) (*service.Service, *connect.Warehouse, error) {
	wh, err := w.open(ctx, c)
	if err != nil {
		return nil, nil, err
	}
	a, err := connect.OpenAnalyst(ctx, wh, w.Flags, offline, c.err)
	if err != nil {
		wh.Close()
		return nil, nil, err
	}
	now := time.Now
	if w.embedded() {
		now = connect.DemoNow
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

// openWritable opens the warehouse for a command that writes to it (setup,
// refresh): an embedded file read-write, built first when it does not exist
// (built then says what that build did); Snowflake as every command opens it,
// with the marts it may lack. Every other command opens the embedded file
// read-only (readers never write).
func (w *warehouseFlags) openWritable(ctx context.Context, c *call) (wh *connect.Warehouse, built *pipeline.Result, err error) {
	if !w.embedded() {
		f := w.Flags
		f.Setup = true // it creates the marts the warehouse lacks
		wh, err := f.Open(ctx, c.err)
		return wh, nil, err
	}
	path := w.DB
	if path == "" {
		scale := w.Scale
		if scale == 0 {
			scale = 1
		}
		p, err := connect.DefaultDB(scale)
		if err != nil {
			return nil, nil, err
		}
		path = p
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if built, err = connect.BuildResult(ctx, path, w.options().Data, c.err); err != nil {
			return nil, nil, err
		}
	}
	eng, err := engine.Open(ctx, engine.Config{Name: "embedded", Path: path})
	if err != nil {
		return nil, nil, connect.DBError(path, err)
	}
	pw, err := pipeline.New(eng, pipeline.Config{Now: connect.DemoNow})
	if err != nil {
		eng.Close()
		return nil, nil, err
	}
	return &connect.Warehouse{Warehouse: pw, Path: path, Built: built != nil}, built, nil
}
