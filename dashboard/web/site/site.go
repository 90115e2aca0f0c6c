package site

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
)

// Options configure a [Site].
type Options struct {
	// Web are the pages' options: the log, the form key, the allowed hosts.
	// The site sets their Analyst and Refresh, and a random form key when
	// none is given (one for every generation, so forms survive a refresh).
	Web web.Options
	// Flags are the flags the warehouse was opened with: the analyst is
	// chosen by their engine and connection (see [connect.OpenAnalyst]).
	Flags connect.Flags
	// Offline asks for the offline analyst even when Cortex Analyst is
	// configured.
	Offline bool
	// Warn receives one line when the analyst falls back to answering
	// offline; nil discards it.
	Warn io.Writer
}

// Site serves the web dashboard over the current generation: the pages over
// one open warehouse. A refresh of the embedded warehouse makes a new
// generation over the refreshed file and retires the old one once its
// requests are done.
type Site struct {
	ctx  context.Context
	opts Options

	cur       atomic.Pointer[generation]
	refreshMu sync.Mutex // one refresh at a time
}

// generation is one open warehouse and the handler over it. Requests hold mu
// for reading; retiring takes it for writing, so the warehouse closes only
// after its last request.
type generation struct {
	h      http.Handler
	wh     *connect.Warehouse
	mu     sync.RWMutex
	closed bool
}

// New returns the site over wh, which it owns from then on: [Site.Close]
// closes it (on an error, New does). ctx bounds the analyst's set-up.
func New(ctx context.Context, wh *connect.Warehouse, o Options) (*Site, error) {
	if o.Warn == nil {
		o.Warn = io.Discard
	}
	if o.Web.CSRFKey == nil {
		// one form key for every generation, so forms survive a refresh
		o.Web.CSRFKey = make([]byte, 32)
		if _, err := rand.Read(o.Web.CSRFKey); err != nil {
			wh.Close()
			return nil, err
		}
	}
	s := &Site{ctx: ctx, opts: o}
	if err := s.install(wh, nil); err != nil {
		return nil, err
	}
	return s, nil
}

// generation builds the pages over wh.
func (s *Site) generation(wh *connect.Warehouse) (*generation, error) {
	eng := wh.Engine()
	d, err := dashboard.New(eng.DB(), eng.Dialect(), dashboard.Options{Names: wh.Names(), Cache: true})
	if err != nil {
		return nil, err
	}
	a, err := connect.OpenAnalyst(s.ctx, wh, s.opts.Flags, s.opts.Offline, s.opts.Warn)
	if err != nil {
		return nil, err
	}
	o := s.opts.Web
	o.Analyst = web.FromAnalyst(a)
	o.Refresh = s.refresh
	h, err := web.New(web.ForDashboard(d, o))
	if err != nil {
		return nil, err
	}
	return &generation{h: h, wh: wh}, nil
}

// install makes the pages over wh the current generation; it takes an open's
// results as they come.
func (s *Site) install(wh *connect.Warehouse, err error) error {
	if err != nil {
		return err
	}
	g, err := s.generation(wh)
	if err != nil {
		wh.Close()
		return err
	}
	s.cur.Store(g)
	return nil
}

// ServeHTTP serves r from the current generation.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for {
		g := s.cur.Load()
		g.mu.RLock()
		if !g.closed {
			defer g.mu.RUnlock()
			g.h.ServeHTTP(w, r)
			return
		}
		g.mu.RUnlock()
		if s.cur.Load() == g { // shutting down
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		// retired between Load and RLock: take the new one
	}
}

// refresh refreshes the warehouse. The embedded one is refreshed through a
// copy renamed into place, and served from then on by a new generation; the
// file is never held for writing, so other programs reading it are not blocked.
// Snowflake refreshes in place.
func (s *Site) refresh(ctx context.Context) error {
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	old := s.cur.Load()
	if old.wh.Path == "" {
		_, err := old.wh.Refresh(ctx)
		return err
	}
	if err := s.install(connect.RefreshCopy(ctx, old.wh.Path)); err != nil {
		return err
	}
	go retire(old) // not here: this request runs in old
	return nil
}

// retire closes g's warehouse after its last request.
func retire(g *generation) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.closed {
		g.closed = true
		g.wh.Close()
	}
}

// Close closes the current generation's warehouse; requests in flight finish
// first, later ones get 503. Call it once the server has shut down.
func (s *Site) Close() error {
	retire(s.cur.Load())
	return nil
}

// Grace is how long [Site.Serve] lets the requests in flight finish once its
// context ends.
const Grace = 10 * time.Second

// Serve serves the site on addr until ctx ends (a program's SIGINT or
// SIGTERM), then shuts down gracefully and closes the warehouse. ready is
// called with the address listened on (port 0 picks a free one) once the
// server accepts connections.
func (s *Site) Serve(ctx context.Context, addr string, log *slog.Logger, ready func(addr string)) error {
	defer s.Close()
	return web.Serve(ctx, web.NewServer(addr, s, log), Grace, ready)
}
