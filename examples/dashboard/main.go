// Command dashboard serves the sales dashboard in a browser: the Executive,
// Regional, Product, Sales reps, Customers and Analyst pages over the typed view
// API, with charts drawn on the server and nothing loaded from elsewhere.
//
//	go run ./examples/dashboard                    # embedded warehouse, built once in the user cache dir
//	go run ./examples/dashboard -addr 127.0.0.1:9000 -db sales.duckdb
//	go run ./examples/dashboard -engine snowflake  # the same pages from Snowflake
//
// It prints the URL to open and stops gracefully on SIGINT or SIGTERM, letting
// the requests in flight finish.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
	"github.com/salesanalytics/salesanalytics/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "dashboard:", err)
		}
		os.Exit(2)
	}
}

// run parses args, opens the warehouse and serves until ctx ends.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dashboard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	var wf cli.WarehouseFlags
	wf.Register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags only; see -h)", fs.Arg(0))
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	wh, err := wf.Open(ctx, stderr)
	if err != nil {
		return err
	}
	defer wh.Close()
	eng := wh.Engine()
	d, err := dashboard.New(eng.DB(), eng.Dialect(), dashboard.Options{Names: wh.Names(), Cache: true})
	if err != nil {
		return err
	}
	a, err := cli.OpenAnalyst(ctx, wh, wf, false, stderr)
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
		fmt.Fprintf(stdout, "Sales dashboard: http://%s/ (Ctrl-C to stop)\n", at)
	})
}
