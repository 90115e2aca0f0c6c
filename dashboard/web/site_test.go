package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
)

// demoNow is the demo data's clock.
func demoNow() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

var (
	warehouses   sync.Map // scale → *warehouse
	warehouseMus sync.Map // scale → *sync.Mutex
)

// warehouse is an embedded warehouse built once per scale for the package.
type warehouse struct {
	eng *embedded.Engine
	err error
}

// build returns the in-memory warehouse of the given scale, built on first use.
func build(tb testing.TB, scale float64) *embedded.Engine {
	tb.Helper()
	mu, _ := warehouseMus.LoadOrStore(scale, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	if w, ok := warehouses.Load(scale); ok {
		require.NoError(tb, w.(*warehouse).err)
		return w.(*warehouse).eng
	}
	w := &warehouse{}
	w.eng, w.err = embedded.Open(context.Background(), embedded.Options{})
	if w.err == nil {
		o := pipelinetest.Default()
		o.Data.Scale, o.Now = scale, demoNow
		_, w.err = pipelinetest.Setup(context.Background(), w.eng, o)
	}
	warehouses.Store(scale, w)
	require.NoError(tb, w.err)
	return w.eng
}

// testScale is the data of the handler and browser tests: 25,000 orders.
const testScale = 0.25

// site is a dashboard web server over a real embedded warehouse, with the view
// API beside it as the tests' reference.
type site struct {
	h        http.Handler
	d        *dashboard.Dashboard
	eng      *embedded.Engine
	refreshs atomic.Int64
}

func newSite(tb testing.TB, scale float64, cache bool) *site {
	tb.Helper()
	return newSiteOn(tb, build(tb, scale), cache)
}

// newSiteOn serves the pages over eng.
func newSiteOn(tb testing.TB, eng *embedded.Engine, cache bool) *site {
	tb.Helper()
	d, err := dashboard.New(eng.DB(), eng.Dialect(), dashboard.Options{Cache: cache, Now: demoNow})
	require.NoError(tb, err)
	s := &site{d: d, eng: eng}
	wh, err := pipeline.New(eng, pipeline.Config{Now: demoNow})
	require.NoError(tb, err)
	cfg := web.ForDashboard(d, web.Options{Now: demoNow, Refresh: func(ctx context.Context) error {
		s.refreshs.Add(1)
		_, err := wh.Refresh(ctx)
		return err
	}})
	s.h, err = web.New(cfg)
	require.NoError(tb, err)
	return s
}

// get serves one GET and returns the response and its body.
func (s *site) get(tb testing.TB, target string) (*http.Response, string) {
	tb.Helper()
	return s.do(tb, localRequest(http.MethodGet, target, nil))
}

func (s *site) do(tb testing.TB, req *http.Request) (*http.Response, string) {
	tb.Helper()
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	res := rec.Result()
	b, err := io.ReadAll(res.Body)
	require.NoError(tb, err)
	return res, string(b)
}

// page is a parsed HTML page.
type page struct{ root *html.Node }

func parsePage(tb testing.TB, body string) page {
	tb.Helper()
	n, err := html.Parse(strings.NewReader(body))
	require.NoError(tb, err)
	return page{n}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// find returns every element for which match holds, in document order.
func (p page) find(match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.root)
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func hasAttr(key, val string) func(*html.Node) bool {
	return func(n *html.Node) bool { v, ok := attr(n, key); return ok && (val == "" || v == val) }
}

// kpis maps each KPI card's id to its value's text.
func (p page) kpis() map[string]string {
	out := map[string]string{}
	for _, card := range p.find(hasAttr("data-kpi", "")) {
		id, _ := attr(card, "data-kpi")
		for _, v := range (page{card}).find(hasAttr("data-value", "")) {
			// the card's exact figure is its title; the text may be compact
			out[id] = textOf(v)
			if exact, ok := attr(v, "title"); ok {
				out[id], _, _ = strings.Cut(exact, " (")
			}
		}
	}
	return out
}

// cell is one table cell as a person sees it: its text and link.
type cell struct{ text, href string }

// table returns the body rows of the table with data-table=id.
func (p page) table(tb testing.TB, id string) [][]cell {
	tb.Helper()
	tables := p.find(hasAttr("data-table", id))
	require.Len(tb, tables, 1, "table %s", id)
	var rows [][]cell
	for _, tr := range (page{tables[0]}).find(func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" }) {
		var row []cell
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode {
				continue
			}
			c := cell{text: textOf(td)}
			if a := (page{td}).find(func(n *html.Node) bool { return n.Data == "a" }); len(a) > 0 {
				c.href, _ = attr(a[0], "href")
			}
			row = append(row, c)
		}
		rows = append(rows, row)
	}
	return rows
}

// figure reads a figure as the page prints it ("$1,234.50", "12,345", "25.92%")
// back into an exact decimal; a percentage comes back as a fraction.
func figure(tb testing.TB, s string) decimal.Decimal {
	tb.Helper()
	t := strings.NewReplacer("$", "", ",", "", "+", "").Replace(strings.TrimSpace(s))
	isPct := strings.HasSuffix(t, "%")
	d, err := decimal.NewFromString(strings.TrimSuffix(t, "%"))
	require.NoError(tb, err, "figure %q", s)
	if isPct {
		d = d.Shift(-2)
	}
	return d
}

// equalFigure requires the printed figure s to equal want exactly.
func equalFigure(tb testing.TB, want decimal.Decimal, s string, what string) {
	tb.Helper()
	got := figure(tb, s)
	require.True(tb, want.Equal(got), "%s: page shows %s (%s), view says %s", what, s, got, want)
}

// query parses a test's query string.
func query(tb testing.TB, s string) url.Values {
	tb.Helper()
	q, err := url.ParseQuery(s)
	require.NoError(tb, err)
	return q
}

// lastYear is the range a page opens on over the demo data (orders of 2024 and
// 2025, read on 1 January 2026): the last complete year.
const lastYear = "from=2025-01-01&to=2025-12-31"

// filterOf parses a query as the pages do: one that names no date means the
// last complete year.
func filterOf(tb testing.TB, q url.Values) (dashboard.Filter, dashboard.Compare) {
	tb.Helper()
	if !q.Has("from") && !q.Has("to") {
		d := query(tb, lastYear)
		for k, vs := range q {
			d[k] = vs
		}
		q = d
	}
	f, err := dashboard.ParseValues(q)
	require.NoError(tb, err)
	c, err := dashboard.ParseCompare(q.Get("compare"))
	require.NoError(tb, err)
	return f, c
}

// localRequest is httptest.NewRequest addressed to localhost, a host the server
// answers to by default (httptest's example.com is not).
func localRequest(method, target string, body io.Reader) *http.Request {
	r := httptest.NewRequest(method, target, body)
	r.Host = "localhost"
	return r
}
