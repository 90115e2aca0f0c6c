// Command dashboard serves the sales dashboard in a browser: the Executive,
// Regional, Product, Sales reps, Customers and Analyst pages over the typed view
// API, with charts drawn on the server and nothing loaded from elsewhere.
//
//	go run ./examples/dashboard                    # embedded warehouse, built once in the user cache dir
//	go run ./examples/dashboard -addr 127.0.0.1:9000 -db sales.duckdb
//	go run ./examples/dashboard -engine snowflake  # the same pages from Snowflake
//	go run ./examples/dashboard -addr 0.0.0.0:8080 -allowed-hosts sales.example,localhost
//
// It reads the embedded warehouse read-only, so terminal programs can read the
// same file while it serves; its Refresh button refreshes a copy of the file and
// renames it into place (see connect.RefreshCopy), never holding the file itself for
// writing. It answers only to the host names it was told (-allowed-hosts;
// loopback by default). It prints the URL to open and stops gracefully on SIGINT
// or SIGTERM, letting the requests in flight finish.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/salesanalytics/salesanalytics/dashboard/term"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
	"github.com/salesanalytics/salesanalytics/dashboard/web/site"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
	default:
		fmt.Fprintln(os.Stderr, "dashboard:", err)
		os.Exit(2)
	}
}

// run parses args, opens the warehouse and serves until ctx ends.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dashboard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	hosts := fs.String("allowed-hosts", "", "comma-separated host names (host or host:port) the server answers to (default: localhost, 127.0.0.1, ::1)")
	var wf connect.Flags
	wf.Register(fs)
	fs.Usage = term.Usage(fs)
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
	s, err := site.New(ctx, wh, site.Options{Flags: wf, Warn: stderr,
		Web: web.Options{Log: log, AllowedHosts: splitList(*hosts)}})
	if err != nil {
		return err
	}
	return s.Serve(ctx, *addr, log, func(at string) {
		fmt.Fprintf(stdout, "Sales dashboard: http://%s/ (Ctrl-C to stop)\n", at)
	})
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
