package web

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// handler serves the dashboard; New builds it.
type handler struct {
	cfg     Config
	pages   map[string]Page
	tmpl    *template.Template
	csrf    *csrf
	log     *slog.Logger
	version map[string]string
	mux     *http.ServeMux
}

// New returns the dashboard's http.Handler: the pages, their tiles, CSV exports,
// the refresh and theme forms and the embedded static files, behind the security
// headers. It fails when the configuration is incomplete.
func New(cfg Config) (http.Handler, error) {
	if len(cfg.Pages) == 0 || cfg.Fields == nil {
		return nil, errors.New("web: Config needs Pages and Fields")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MaxAnswerBytes <= 0 {
		cfg.MaxAnswerBytes = 4 << 20
	}
	c, err := newCSRF(cfg.CSRFKey)
	if err != nil {
		return nil, err
	}
	h := &handler{cfg: cfg, pages: map[string]Page{}, csrf: c, log: cfg.Log, version: map[string]string{}, mux: http.NewServeMux()}
	for _, p := range cfg.Pages {
		if p.Key == "" || p.Build == nil && p.Key != analystKey {
			return nil, fmt.Errorf("web: page %q needs a Key and a Build", p.Key)
		}
		h.pages[p.Key] = p
	}
	if err := fs.WalkDir(staticFS, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(path)
		sum := sha256.Sum256(b)
		h.version[strings.TrimPrefix(path, "static/")] = hex.EncodeToString(sum[:4])
		return err
	}); err != nil {
		return nil, err
	}
	h.tmpl, err = template.New("").Funcs(template.FuncMap{
		"asset":      h.asset,
		"statusText": http.StatusText,
		"lower":      strings.ToLower,
	}).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	h.routes()
	return secure(newHosts(cfg.AllowedHosts).guard(gzipped(h.mux)), h.log), nil
}

func (h *handler) routes() {
	first := h.cfg.Pages[0].Key
	h.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, withQuery("/"+first, r.URL.Query()), http.StatusFound)
	})
	h.mux.HandleFunc("GET /{page}", h.servePage)
	h.mux.HandleFunc("GET /"+analystKey+"/stream", h.serveAnalystStream)
	h.mux.HandleFunc("GET /tile/{page}/{tile}", h.serveTile)
	h.mux.HandleFunc("GET /crumbs/{page}", h.serveCrumbs)
	h.mux.HandleFunc("GET /export/{page}/{file}", h.serveExport)
	h.mux.HandleFunc("GET /pick/{field}", h.servePick)
	h.mux.HandleFunc("POST /refresh", h.serveRefresh)
	h.mux.HandleFunc("POST /theme", h.serveTheme)
	sub, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(sub)
	h.mux.Handle("GET /static/", http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := h.version[r.URL.Path]; !ok {
			h.notFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})))
	h.mux.HandleFunc("GET /", h.notFound)
}

// asset returns the versioned URL of an embedded static file.
func (h *handler) asset(name string) string {
	return "/static/" + name + "?v=" + h.version[name]
}

// ctx bounds a request's work by the timeout and gives it a request memo.
func (h *handler) ctx(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(withMemo(r.Context()), h.cfg.Timeout)
}

// page looks the page of the request up, answering 404 itself when unknown.
func (h *handler) page(w http.ResponseWriter, r *http.Request) (Page, bool) {
	p, ok := h.pages[r.PathValue("page")]
	if !ok {
		h.notFound(w, r)
	}
	return p, ok
}

func (h *handler) servePage(w http.ResponseWriter, r *http.Request) {
	p, ok := h.page(w, r)
	if !ok {
		return
	}
	if p.Key == analystKey {
		h.serveAnalyst(w, r, p)
		return
	}
	ctx, cancel := h.ctx(r)
	defer cancel()
	q := clean(r.URL.Query())
	v := h.base(ctx, w, r, p, q)
	if q.Has(keyPeriod) && v.Status == http.StatusOK {
		// a preset stands for dates: the page's URL holds them
		http.Redirect(w, r, withQuery(v.Path, resolvePeriod(q, v.Fields)), http.StatusFound)
		return
	}
	if canon, changed := dropDefaults(q, v.Fields); changed && v.Status == http.StatusOK {
		// A submitted form carries the defaults ("from" = the first day of data);
		// the canonical URL leaves them out, so equal pages have equal links.
		http.Redirect(w, r, withQuery(v.Path, canon), http.StatusFound)
		return
	}
	if v.Status == http.StatusOK {
		tiles, err := p.Build(ctx, q)
		h.fail(v, err)
		for i := range tiles {
			if tiles[i].Err != "" && v.Status == http.StatusOK {
				v.Status = http.StatusInternalServerError
			}
		}
		v.Tiles = tiles
	}
	h.render(w, v)
}

// fail records err on the page: a 400 goes to the form, anything else to the
// error banner; the cause goes to the log.
func (h *handler) fail(v *view, err error) {
	if err == nil {
		return
	}
	e := h.classify(err, "page failed", "page", v.Key)
	v.Status = e.Status
	if e.Status == http.StatusBadRequest && v.Fields != nil {
		v.FormErr = e.Message
		return
	}
	v.Err = e.Message
}

func (h *handler) serveTile(w http.ResponseWriter, r *http.Request) {
	p, ok := h.page(w, r)
	if !ok || p.Build == nil {
		if ok {
			h.notFound(w, r)
		}
		return
	}
	ctx, cancel := h.ctx(r)
	defer cancel()
	id := r.PathValue("tile")
	tiles, err := p.Build(ctx, clean(r.URL.Query()))
	if err != nil {
		e := h.classify(err, "tile failed", "page", p.Key, "tile", id)
		h.fragment(w, e.Status, "tile", Tile{ID: id, Title: "Error", Err: e.Message})
		return
	}
	if changed(r.Header.Get(tileSetHeader), tiles) {
		w.WriteHeader(http.StatusResetContent) // the script loads the whole page
		return
	}
	for _, t := range tiles {
		if t.ID == id {
			status := http.StatusOK
			if t.Err != "" {
				status = http.StatusInternalServerError
			}
			h.fragment(w, status, "tile", t)
			return
		}
	}
	h.notFound(w, r)
}

func (h *handler) serveCrumbs(w http.ResponseWriter, r *http.Request) {
	p, ok := h.page(w, r)
	if !ok {
		return
	}
	ctx, cancel := h.ctx(r)
	defer cancel()
	v := h.base(ctx, w, r, p, clean(r.URL.Query()))
	h.fragment(w, v.Status, "crumbs", v)
}

func (h *handler) serveExport(w http.ResponseWriter, r *http.Request) {
	p, ok := h.page(w, r)
	file := r.PathValue("file")
	table, isCSV := strings.CutSuffix(file, ".csv")
	if !ok {
		return
	}
	if !isCSV || h.cfg.Export == nil {
		h.notFound(w, r)
		return
	}
	ctx, cancel := h.ctx(r)
	defer cancel()
	out, err := h.cfg.Export(ctx, p.Key, table, clean(r.URL.Query()))
	if err != nil {
		e := h.classify(err, "export failed", "page", p.Key, "table", table)
		http.Error(w, e.Message, e.Status)
		return
	}
	writeCSV(w, out.Name, out.Body)
}

// classify turns err into a page error, logging the cause of a server error
// (never of a bad request) with the message and attributes given.
func (h *handler) classify(err error, msg string, attrs ...any) *Error {
	e := asError(err)
	if e.Status >= 500 {
		h.log.Error(msg, append(attrs, "err", err)...)
	}
	return e
}

// notFound renders the 404 page in the layout.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	v := &view{Title: "Page not found", Status: http.StatusNotFound, Path: r.URL.Path,
		Err: "There is no page at " + r.URL.Path + ". Pick one of the pages above."}
	h.chrome(w, r, v, url.Values{})
	h.render(w, v)
}

// servePick answers a picker's search box with its matches as check boxes.
func (h *handler) servePick(w http.ResponseWriter, r *http.Request) {
	if h.cfg.Search == nil {
		h.notFound(w, r)
		return
	}
	ctx, cancel := h.ctx(r)
	defer cancel()
	field := r.PathValue("field")
	opts, err := h.cfg.Search(ctx, field, r.URL.Query().Get("q"))
	if err != nil {
		e := h.classify(err, "search failed", "field", field)
		http.Error(w, e.Message, e.Status)
		return
	}
	h.fragment(w, http.StatusOK, "choices", Field{Name: field, Options: opts})
}
