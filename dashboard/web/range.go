package web

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// keyPeriod is the query key of a period preset (?period=last-quarter, the
// words of the terminal's -period flag). A page redirects it to the dates it
// stands for, so a page's URL holds dates, not words.
const keyPeriod = "period"

// span is the date range of a query as the pages read it.
type span struct {
	// from and to are the query's dates; a query that names neither gets the
	// default range, one that names one end gets the data's bound at the other.
	from, to string
	// defFrom and defTo are the default range: the last complete year of data.
	defFrom, defTo string
	first, last    time.Time
}

// span resolves the dates of q against the catalog and the clock.
func (s *site) span(ctx context.Context, q url.Values) (span, error) {
	cat, err := s.catalog(ctx)
	if err != nil {
		return span{}, err
	}
	sp := span{first: cat.First, last: cat.End(), from: q.Get(dashboard.KeyFrom), to: q.Get(dashboard.KeyTo)}
	if from, to, ok := dashboard.DefaultRange(cat.First, cat.End(), s.now()); ok {
		sp.defFrom, sp.defTo = from.Format(time.DateOnly), to.Format(time.DateOnly)
	}
	if q.Has(keyPeriod) {
		p, err := dashboard.ParsePreset(q.Get(keyPeriod))
		if err != nil {
			return span{}, viewError(err)
		}
		from, to, ok := p.Range(cat.First, cat.End(), s.now())
		if !ok {
			return span{}, BadRequest("The data holds no "+strings.ToLower(p.Label())+".", nil)
		}
		sp.from, sp.to = from.Format(time.DateOnly), to.Format(time.DateOnly)
		return sp, nil
	}
	switch {
	case sp.from == "" && sp.to == "":
		sp.from, sp.to = sp.defFrom, sp.defTo
	case sp.from == "" && !cat.First.IsZero():
		sp.from = cat.First.Format(time.DateOnly)
	case sp.to == "" && !cat.Last.IsZero():
		sp.to = cat.Last.Format(time.DateOnly)
	}
	return sp, nil
}

// apply returns q with the span's dates in it, for the views' filter.
func (sp span) apply(q url.Values) url.Values {
	out := withoutKeys(q, keyPeriod)
	for k, v := range map[string]string{dashboard.KeyFrom: sp.from, dashboard.KeyTo: sp.to} {
		if v != "" {
			out.Set(k, v)
		}
	}
	return out
}

// isDefault reports whether from and to are the default range, which links
// leave out of their URLs.
func (sp span) isDefault(from, to string) bool {
	return from == sp.defFrom && to == sp.defTo
}

// presets is the form's row of period buttons: every preset the data holds,
// the one whose dates are in force selected.
func (sp span) presets(now time.Time) Field {
	f := Field{Name: keyPeriod, Label: "Period", Kind: "period"}
	for _, p := range dashboard.Presets() {
		from, to, ok := p.Range(sp.first, sp.last, now)
		if !ok {
			continue
		}
		a, b := from.Format(time.DateOnly), to.Format(time.DateOnly)
		f.Options = append(f.Options, Option{Value: string(p), Label: p.Label(), Selected: a == sp.from && b == sp.to})
	}
	return f
}

// now is the site's clock.
func (s *site) now() time.Time {
	if s.clock != nil {
		return s.clock()
	}
	return time.Now()
}
