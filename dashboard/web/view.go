package web

import (
	"bytes"
	"context"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// view is what the layout template renders.
type view struct {
	Key, Title, Path string
	Nav              []navLink
	Fields           []Field
	FormErr          string
	Crumbs           []crumb
	Presets          []navLink
	Keep             []keyValue
	Period           string
	Fresh            bool
	AsOf             string
	CSRF, Return     string
	Theme            string
	Carry            string
	Notice           string
	Status           int
	Err              string
	Tiles            []Tile
	Analyst          *analystView
}

type navLink struct {
	Label, Href string
	Active      bool
}

// crumb is one filter in force and the link that removes it.
type crumb struct{ Label, Remove string }

// chrome fills what every page shares: navigation (carrying the filters), the
// theme, the CSRF token and the return URL of the forms.
func (h *handler) chrome(w http.ResponseWriter, r *http.Request, v *view, q url.Values) {
	if v.Status == 0 {
		v.Status = http.StatusOK
	}
	v.Carry = ""
	if enc := q.Encode(); enc != "" {
		v.Carry = "?" + enc
	}
	for _, p := range h.cfg.Pages {
		v.Nav = append(v.Nav, navLink{Label: p.Label, Href: "/" + p.Key + v.Carry, Active: p.Key == v.Key})
	}
	v.Theme = themeOf(r)
	v.CSRF = h.csrf.token(w, r)
	v.Return = localReturn(r.URL.RequestURI())
	if ck, err := r.Cookie(flashCookie); err == nil && ck.Value == "refreshed" {
		v.Notice = "The data was refreshed."
		http.SetCookie(w, &http.Cookie{Name: flashCookie, Path: "/", MaxAge: -1})
	}
}

// base builds a page's view up to its tiles: chrome, the filter form, the
// breadcrumbs and the freshness line. A failure to build the form is the page's
// error.
func (h *handler) base(ctx context.Context, w http.ResponseWriter, r *http.Request, p Page, q url.Values) *view {
	v := &view{Key: p.Key, Title: p.Title, Path: "/" + p.Key}
	h.chrome(w, r, v, q)
	if p.Key == analystKey || p.Plain {
		return v
	}
	fields, err := h.cfg.Fields(ctx, q)
	if err != nil {
		h.fail(v, err)
		return v
	}
	v.Fields = fields
	v.Crumbs = crumbs(v.Path, fields, q)
	v.Presets, v.Keep, v.Period = presets(fields, q)
	analystDates(v, fields, q)
	if h.cfg.AsOf != nil {
		at, err := h.cfg.AsOf(ctx)
		if err != nil {
			h.fail(v, err)
			return v
		}
		v.Fresh, v.AsOf = true, at.UTC().Format("2 Jan 2006 15:04 MST")
	}
	return v
}

// analystDates makes the navigation's Analyst link carry the dates the page
// shows even when they are the default range the page's own URL leaves out, so
// the analyst starts from the period the person was looking at.
func analystDates(v *view, fields []Field, q url.Values) {
	if q.Has(dashboard.KeyFrom) || q.Has(dashboard.KeyTo) {
		return // the query carries them already
	}
	carry := url.Values{}
	for k, vs := range q {
		carry[k] = vs
	}
	for _, f := range fields {
		if f.Kind == "date" && f.Value != "" && (f.Name == dashboard.KeyFrom || f.Name == dashboard.KeyTo) {
			carry.Set(f.Name, f.Value)
		}
	}
	for i := range v.Nav {
		if v.Nav[i].Href == "/"+analystKey+v.Carry {
			v.Nav[i].Href = "/" + analystKey + "?" + carry.Encode()
		}
	}
}

// maxFieldCrumbs is how many values of one field get a crumb each; a field with
// more gets one crumb that removes them all. Every crumb carries a link of the
// whole query, so a crumb per value made the page grow with the square of the
// query (2,500 product= values: 107 MB); this way it grows with the query.
const maxFieldCrumbs = 8

// crumbs lists the filters in the query, labelled from the form's fields, each
// with the link that removes it.
func crumbs(path string, fields []Field, q url.Values) []crumb {
	var out []crumb
	dates := dateNames(fields)
	if slices.ContainsFunc(dates, q.Has) {
		// the dates are one filter: removing it returns to the default range
		out = append(out, crumb{Label: "Period: " + rangeText(fields), Remove: withQuery(path, withoutKeys(q, dates...))})
	}
	for _, f := range fields {
		if f.Kind == "date" || f.Kind == "period" {
			continue
		}
		if n := len(q[f.Name]); n > maxFieldCrumbs {
			rest := url.Values{}
			for k, vs := range q {
				if k != f.Name {
					rest[k] = vs
				}
			}
			out = append(out, crumb{Label: f.Label + ": " + itoa(n) + " selected", Remove: withQuery(path, rest)})
			continue
		}
		for _, val := range q[f.Name] {
			if val == f.Default {
				continue
			}
			label := val
			for _, o := range f.Options {
				if strings.EqualFold(o.Value, val) {
					label = o.Label
				}
			}
			out = append(out, crumb{Label: f.Label + ": " + label, Remove: withQuery(path, without(q, f.Name, val))})
		}
	}
	return out
}

// presets returns the period buttons of the form's period field, the query
// they keep (every filter but the dates) and what the range in force is
// called: "Last year · 1 Jan – 31 Dec 2025".
func presets(fields []Field, q url.Values) ([]navLink, []keyValue, string) {
	var links []navLink
	name := ""
	for _, f := range fields {
		if f.Kind != "period" {
			continue
		}
		for _, o := range f.Options {
			links = append(links, navLink{Label: o.Label, Href: o.Value, Active: o.Selected})
			if o.Selected {
				// the later of two presets with the same dates names a
				// complete period ("Last year" over "Year to date")
				name = o.Label + " · "
			}
		}
	}
	period := name + rangeText(fields)
	var keep []keyValue
	rest := withoutKeys(q, append(dateNames(fields), keyPeriod)...)
	for _, k := range slices.Sorted(maps.Keys(rest)) {
		for _, v := range rest[k] {
			keep = append(keep, keyValue{k, v})
		}
	}
	return links, keep, period
}

// keyValue is one query value a form carries in a hidden input.
type keyValue struct{ Key, Value string }

// rangeText is the date fields' range in words: "1 Jan – 31 Dec 2025".
func rangeText(fields []Field) string {
	var ts []time.Time
	var raw []string
	for _, f := range fields {
		if f.Kind != "date" {
			continue
		}
		raw = append(raw, f.Value)
		if t, err := time.Parse(time.DateOnly, f.Value); err == nil {
			ts = append(ts, t)
		}
	}
	if len(ts) != 2 || len(raw) != 2 {
		return strings.Join(raw, " – ")
	}
	return days(ts[0], ts[1])
}

// render writes the full page with its status.
func (h *handler) render(w http.ResponseWriter, v *view) {
	h.fragment(w, v.Status, "layout", v)
}

// fragment renders one template into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (h *handler) fragment(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		h.log.Error("template failed", "template", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
