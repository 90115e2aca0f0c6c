package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/salesanalytics/salesanalytics/dashboard/web"
	"github.com/salesanalytics/salesanalytics/dashboard/web/site"
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
	s, err := site.New(ctx, wh, site.Options{Flags: w.Flags, Offline: *offline, Warn: c.err, Web: web.Options{Log: log}})
	if err != nil {
		return err
	}
	return s.Serve(ctx, *addr, log, func(at string) {
		fmt.Fprintf(c.out, "Sales dashboard: http://%s/ (Ctrl-C to stop)\n", at)
	})
}
