package mcpserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Options bound the server.
type Options struct {
	// Version is reported to clients; empty means "dev".
	Version string
	// Timeout bounds one tool call; zero means 30 s.
	Timeout time.Duration
	// MaxConcurrent is the most tool calls running at once; zero means 4.
	MaxConcurrent int
	// Queue is how long a call waits for a free slot before it is refused;
	// zero means 5 s.
	Queue time.Duration
	// MaxResultBytes bounds a tool result's JSON; zero means 4 MiB.
	MaxResultBytes int
	// Log receives the detail of failures; nil discards it.
	Log *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Version == "" {
		o.Version = "dev"
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 4
	}
	if o.Queue <= 0 {
		o.Queue = 5 * time.Second
	}
	if o.MaxResultBytes <= 0 {
		o.MaxResultBytes = 4 << 20
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o
}

// server holds what the tools share.
type server struct {
	svc   *service.Service
	opts  Options
	slots chan struct{}
	convs *conversations
}

// New returns the MCP server of svc with its tools and resources.
func New(svc *service.Service, o Options) *mcp.Server {
	o = o.withDefaults()
	s := &server{svc: svc, opts: o, slots: make(chan struct{}, o.MaxConcurrent), convs: newConversations(256)}
	s.convs.svc = svc
	srv := mcp.NewServer(&mcp.Implementation{Name: "salesanalytics", Title: "Sales analytics semantic layer", Version: o.Version}, &mcp.ServerOptions{
		Instructions: instructions,
	})
	s.tools(srv)
	s.resources(srv)
	return srv
}

const instructions = `Exact, read-only answers about sales from a semantic model. ` +
	`Call list_metrics and list_dimensions to learn the names, then query with a typed request ` +
	`(metrics, by, grain, where, from/to or period, top). Decimals come back as strings: keep them exact. ` +
	`ask answers a question in plain language; explain shows the SQL of a request without running it; ` +
	`view returns a dashboard view's tables.`

// acquire takes a call slot, waiting at most Options.Queue.
func (s *server) acquire(ctx context.Context) (func(), error) {
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	default: // all taken: wait, with a timer
	}
	t := time.NewTimer(s.opts.Queue)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	case <-t.C:
		return nil, fmt.Errorf("busy: %d calls are running; try again", s.opts.MaxConcurrent)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// toolError keeps the message of an error the caller can fix (a bad name,
// value or filter: it lists the valid ones) and replaces any other by a
// sentence, logging the detail.
func (s *server) toolError(tool string, err error) error {
	for _, target := range []error{request.ErrInvalid, query.ErrInvalidRequest, semantic.ErrUnknownField, dashboard.ErrInvalidFilter, service.ErrUnknownView, errInput} {
		if errors.Is(err, target) {
			return err
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s took longer than %s and was stopped", tool, s.opts.Timeout)
	}
	s.opts.Log.Error("tool failed", "tool", tool, "err", err)
	return fmt.Errorf("%s failed in the warehouse; the server's log has the detail", tool)
}

// errInput marks a bad argument found by a tool itself.
var errInput = errors.New("invalid argument")

func inputf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errInput, fmt.Sprintf(format, args...))
}
