package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Meta says what a view result covers and how fresh it is. Every view embeds it.
type Meta struct {
	// View is the view's name: executive, regional, product, reps or customers.
	View string `json:"view"`
	// Filter is the filter as asked.
	Filter Filter `json:"filter"`
	// Period is the filter's range resolved against the data, flagged partial
	// when it runs past the last day of data.
	Period Period `json:"period"`
	// Compare is the comparison asked for; Comparison its period (nil for none).
	Compare    Compare `json:"compare"`
	Comparison *Period `json:"comparison,omitempty"`
	// AsOf is the data's freshness: when the marts were last refreshed.
	AsOf time.Time `json:"as_of"`
	// Version identifies the data the result was computed from.
	Version string `json:"version"`
	// Sources maps each table of the view to where its numbers came from: a mart
	// (MARTS.SALES_BY_REGION, …) or FCT_ORDERS through the semantic layer.
	Sources map[string]string `json:"sources"`
	// Cached is set when the result came from the cache.
	Cached bool `json:"cached"`
}

func (m *Meta) meta() *Meta { return m }

func (m *Meta) source(table, src string) {
	if m.Sources == nil {
		m.Sources = map[string]string{}
	}
	m.Sources[table] = src
}

// MarshalJSON writes the filter as its URL query ("from=2025-01-01&region=North"),
// which a front end appends to a link.
func (f Filter) MarshalJSON() ([]byte, error) { return json.Marshal(f.String()) }

// MarshalJSON writes the period's days as YYYY-MM-DD.
func (p Period) MarshalJSON() ([]byte, error) {
	type wire struct {
		From    string `json:"from"`
		To      string `json:"to"`
		Partial bool   `json:"partial"`
		Missing bool   `json:"missing"`
	}
	return json.Marshal(wire{p.From.Format(time.DateOnly), p.To.Format(time.DateOnly), p.Partial, p.Missing})
}

// run computes one view through the cache: the key is the view, its options, the
// canonical filter and the data version, so a refresh misses without a timer.
func run[T any, P interface {
	*T
	meta() *Meta
}](ctx context.Context, d *Dashboard, view, opts string, f Filter, cmp Compare, fn func(e *env, m *Meta) (*T, error)) (T, error) {
	var zero T
	if !cmp.Valid() {
		return zero, fmt.Errorf("%w: compare %q (valid: previous, year, none)", ErrInvalidFilter, cmp)
	}
	if cmp == "" {
		cmp = ComparePrevious
	}
	if err := f.Check(); err != nil {
		return zero, err
	}
	compute := func() (any, string, error) {
		var out *T
		v, err := d.compute(ctx, func(e *env) error {
			p, err := e.cat.resolve(f)
			if err != nil {
				return err
			}
			m := &Meta{View: view, Filter: f, Period: p, Compare: cmp, AsOf: e.version.AsOf, Version: e.version.Token}
			if c, ok := comparison(p, cmp, e.cat.bounds()); ok {
				m.Comparison = &c
			}
			out, err = fn(e, m)
			if err == nil {
				*P(out).meta() = *m
			}
			return err
		})
		return out, cacheKey(view, opts, f, cmp, v.Token), err
	}
	if d.cache == nil {
		v, _, err := compute()
		if err != nil {
			return zero, err
		}
		return *v.(*T), nil
	}
	ver, err := d.src.DataVersion(ctx)
	if err != nil {
		return zero, fmt.Errorf("dashboard: %w", err)
	}
	v, hit, err := d.cache.do(cacheKey(view, opts, f, cmp, ver.Token), compute)
	if err != nil {
		return zero, err
	}
	out := *v.(*T)
	P(&out).meta().Cached = hit
	P(&out).meta().Filter = f
	return out, nil
}

func cacheKey(view, opts string, f Filter, cmp Compare, version string) string {
	return view + "\x00" + opts + "\x00" + string(cmp) + "\x00" + f.Canonical().String() + "\x00" + version
}

// Purge empties the cache (a manual refresh); without a cache it does nothing.
func (d *Dashboard) Purge() {
	if d.cache != nil {
		d.cache.purge()
	}
}
