package main

import (
	"context"
	"io"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
	"github.com/salesanalytics/salesanalytics/internal/cli"
)

// site serves the current generation: the pages over one open warehouse. A
// refresh of the embedded warehouse makes a new generation over the refreshed
// file and retires the old one once its requests are done.
type site struct {
	ctx    context.Context
	wf     cli.WarehouseFlags
	stderr io.Writer
	opts   web.Options

	cur       atomic.Pointer[generation]
	refreshMu sync.Mutex // one refresh at a time
}

// generation is one open warehouse and the handler over it. Requests hold mu
// for reading; retiring takes it for writing, so the warehouse closes only
// after its last request.
type generation struct {
	h      http.Handler
	wh     *cli.Opened
	mu     sync.RWMutex
	closed bool
}

// generation builds the pages over wh.
func (s *site) generation(wh *cli.Opened) (*generation, error) {
	eng := wh.Engine()
	d, err := dashboard.New(eng.DB(), eng.Dialect(), dashboard.Options{Names: wh.Names(), Cache: true})
	if err != nil {
		return nil, err
	}
	a, err := cli.OpenAnalyst(s.ctx, wh, s.wf, false, s.stderr)
	if err != nil {
		return nil, err
	}
	o := s.opts
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
func (s *site) install(wh *cli.Opened, err error) error {
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
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
func (s *site) refresh(ctx context.Context) error {
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	old := s.cur.Load()
	if old.wh.Path == "" {
		_, err := old.wh.Refresh(ctx)
		return err
	}
	if err := s.install(cli.RefreshCopy(ctx, old.wh.Path)); err != nil {
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

// closeAll closes the current generation at shutdown.
func (s *site) closeAll() { retire(s.cur.Load()) }
