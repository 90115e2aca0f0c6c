package web

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// Options configure [ForDashboard].
type Options struct {
	// Refresh runs the pipeline's refresh (the button on every page); nil hides
	// nothing but answers the button with 501.
	Refresh func(ctx context.Context) error
	// Analyst answers the analyst page's questions; nil says it is not available.
	Analyst Analyst
	// Log receives errors with their causes.
	Log *slog.Logger
	// CSRFKey signs form tokens; empty means a random key per process.
	CSRFKey []byte
	// AllowedHosts are the names the server answers to (Config.AllowedHosts);
	// empty means the loopback addresses.
	AllowedHosts []string
	// Now is the clock that resolves the period presets and the default range
	// (the last complete year of data); nil means time.Now.
	Now func() time.Time
}

// site binds the pages to one dashboard.
type site struct {
	d     *dashboard.Dashboard
	clock func() time.Time
}

// ForDashboard returns the Config that serves d's views: the six pages, the
// filter form from d's catalog, "as of" from the data's version, and CSV exports
// of every table.
func ForDashboard(d *dashboard.Dashboard, o Options) Config {
	s := &site{d: d, clock: o.Now}
	return Config{
		Pages: []Page{
			{Key: "executive", Label: "Executive", Title: "Executive overview", Build: s.executive},
			{Key: "regional", Label: "Regional", Title: "Regional analysis", Build: s.regional},
			{Key: "product", Label: "Product", Title: "Product analysis", Build: s.product},
			{Key: "reps", Label: "Sales reps", Title: "Sales rep leaderboard", Build: s.reps},
			{Key: "customers", Label: "Customers", Title: "Customer insights", Build: s.customers},
			{Key: analystKey, Label: "Analyst", Title: "Analyst"},
			{Key: "about", Label: "About", Title: "About this dashboard", Build: s.about, Plain: true},
		},
		Fields:  s.fields,
		Search:  s.search,
		AsOf:    s.asOf,
		Refresh: o.Refresh,
		Export:  s.export,
		Analyst: o.Analyst,
		Log:     o.Log,
		CSRFKey: o.CSRFKey,

		AllowedHosts: o.AllowedHosts,
	}
}

// keyCompare is the query key of the comparison choice, beside the filter's keys.
const keyCompare = "compare"

// request is a page's parsed query: the views' filter and the comparison.
type request struct {
	f   dashboard.Filter
	cmp dashboard.Compare
	sp  span
	// regions are the catalog's regions in order: a region's place is its
	// colour on every chart.
	regions []string
}

// color is region's palette colour (1 to 8), the same on every chart; 0 for
// a name that is no region.
func (r request) color(region string) int {
	if i := slices.Index(r.regions, region); i >= 0 {
		return i%8 + 1
	}
	return 0
}

// parse reads a page's query: its dates (the default range when it names
// none), filter and comparison.
func (s *site) parse(ctx context.Context, q url.Values) (request, error) {
	sp, err := s.span(ctx, q)
	if err != nil {
		return request{}, err
	}
	cat, err := s.catalog(ctx)
	if err != nil {
		return request{}, err
	}
	r, err := parse(sp.apply(normalize(q, cat)))
	r.sp, r.regions = sp, cat.Regions
	return r, err
}

// parse reads the filter and comparison from q; a malformed value is a 400
// naming the field.
func parse(q url.Values) (request, error) {
	f, err := dashboard.ParseValues(q)
	if err != nil {
		return request{}, viewError(err)
	}
	c, err := dashboard.ParseCompare(q.Get(keyCompare))
	if err != nil {
		return request{}, viewError(err)
	}
	return request{f: f, cmp: c}, nil
}

// viewError turns a view's error into a page error: a filter the data rejects
// is a 400 with the view's own words (they name the field and the valid
// values); anything else keeps its cause for the log only.
func viewError(err error) error {
	if errors.Is(err, dashboard.ErrInvalidFilter) {
		msg := strings.TrimPrefix(err.Error(), dashboard.ErrInvalidFilter.Error()+": ")
		return BadRequest(upperFirst(msg)+".", err)
	}
	return err
}

// link returns the URL of page for f, keeping the comparison when it is not
// the default.
func (r request) link(page string, f dashboard.Filter) string {
	q := f.Values()
	if r.sp.isDefault(q.Get(dashboard.KeyFrom), q.Get(dashboard.KeyTo)) {
		q.Del(dashboard.KeyFrom)
		q.Del(dashboard.KeyTo)
	}
	if r.cmp != "" && r.cmp != dashboard.ComparePrevious {
		q.Set(keyCompare, string(r.cmp))
	}
	return withQuery("/"+page, q)
}

// csv returns the export link of a page's table for the request.
func (r request) csv(page, table string) string {
	return strings.Replace(r.link(page, r.f), "/"+page, "/export/"+page+"/"+table+".csv", 1)
}

// catalog returns the views' catalog, read once per request.
func (s *site) catalog(ctx context.Context) (*dashboard.Catalog, error) {
	return once(ctx, "catalog", func() (*dashboard.Catalog, error) { return s.d.Catalog(ctx) })
}

func (s *site) asOf(ctx context.Context) (time.Time, error) {
	c, err := s.catalog(ctx)
	if err != nil {
		return time.Time{}, err
	}
	return c.AsOf, nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
