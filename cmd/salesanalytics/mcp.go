package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/salesanalytics/salesanalytics/cmd/internal/mcpserver"
)

// runMCP serves the MCP server on stdin/stdout, or over streamable HTTP with
// -http ADDR (loopback unless -allow-remote).
func runMCP(ctx context.Context, c *call, args []string) error {
	w := c.warehouse()
	addr := c.fs.String("http", "", "serve streamable HTTP on this address (e.g. 127.0.0.1:8765) instead of stdio")
	remote := c.fs.Bool("allow-remote", false, "with -http, allow a non-loopback address")
	var origins string
	c.fs.StringVar(&origins, "allow-origin", "", "with -http, browser origins allowed besides loopback, comma-separated")
	offline := c.fs.Bool("offline", false, "use the offline analyst even when Cortex Analyst is configured")
	timeout := c.fs.Duration("timeout", 30*time.Second, "bound on one tool call")
	if _, err := c.parse(args, 0); err != nil {
		return err
	}
	if *addr != "" && !*remote {
		host, _, err := net.SplitHostPort(*addr)
		if err != nil {
			return usagef("-http %q: %v", *addr, err)
		}
		if !mcpserver.IsLoopback(host) {
			return usagef("-http %s is not a loopback address (give -allow-remote to serve it)", *addr)
		}
	}
	svc, wh, err := w.service(ctx, c, *offline)
	if err != nil {
		return err
	}
	defer wh.Close()
	log := slog.New(slog.NewTextHandler(c.err, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv := mcpserver.New(svc, mcpserver.Options{Timeout: *timeout, Log: log})
	if *addr == "" {
		return srv.Run(ctx, &mcp.IOTransport{Reader: readCloser{c.in}, Writer: nopWriteCloser{c.out}, MaxLineLength: 4 << 20})
	}
	var allow []string
	if origins != "" {
		allow = strings.Split(origins, ",")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: mcpserver.Handler(srv, mcpserver.HTTPOptions{AllowOrigins: allow}), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(c.out, "MCP server: http://%s/ (streamable HTTP; Ctrl-C to stop)\n", ln.Addr())
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// readCloser and nopWriteCloser give the command's streams the Close the
// transport calls; the process owns the real ones.
type readCloser struct{ io.Reader }

func (readCloser) Close() error { return nil }

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }
