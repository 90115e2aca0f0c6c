package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
	"github.com/salesanalytics/salesanalytics/internal/cli"
)

// runServe serves the web dashboard until interrupted.
func runServe(ctx context.Context, c *call, args []string) error {
	w := c.warehouse()
	addr := c.fs.String("addr", "127.0.0.1:8080", "address to listen on")
	offline := c.fs.Bool("offline", false, "use the offline analyst even when Cortex Analyst is configured")
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(c.err, &slog.HandlerOptions{Level: slog.LevelWarn}))
	wh, err := w.open(ctx, c)
	if err != nil {
		return err
	}
	defer wh.Close()
	eng := wh.Engine()
	d, err := dashboard.New(eng.DB(), eng.Dialect(), dashboard.Options{Names: wh.Names(), Cache: true})
	if err != nil {
		return err
	}
	a, err := cli.OpenAnalyst(ctx, wh, w.WarehouseFlags, *offline, c.err)
	if err != nil {
		return err
	}
	h, err := web.New(web.ForDashboard(d, web.Options{
		Log:     log,
		Analyst: web.FromAnalyst(a),
		Refresh: func(ctx context.Context) error {
			_, err := wh.Refresh(ctx)
			return err
		},
	}))
	if err != nil {
		return err
	}
	srv := web.NewServer(*addr, h, log)
	return web.Serve(ctx, srv, 10*time.Second, func(at string) {
		fmt.Fprintf(c.out, "Sales dashboard: http://%s/ (Ctrl-C to stop)\n", at)
	})
}
