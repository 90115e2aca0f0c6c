package request

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/query"
)

// FromQuery writes a query.Request in the JSON form, as far as the form can
// say it: ok is false when the request's filters are not a list of
// comparisons and OR groups of comparisons (the offline analyst's readings
// always are).
func FromQuery(q query.Request) (r Request, ok bool) {
	r = Request{Metrics: q.Metrics, By: q.Dimensions, Filters: q.Filters, Limit: q.Limit}
	if q.Time != nil {
		r.Grain, r.TimeDimension = string(q.Time.Grain), q.Time.Dimension
	}
	if d := q.Dates; d != nil {
		if d.Dimension != "" {
			r.TimeDimension = d.Dimension
		}
		switch {
		case d.Range.Relative == query.LastDays:
			r.LastDays = d.Range.N
		case d.Range.Relative != "":
			r.Period = string(d.Range.Relative)
		default:
			r.From, r.To = d.Range.From.Format(time.DateOnly), d.Range.To.Format(time.DateOnly)
		}
		if d.Range.Previous {
			return r, false
		}
	}
	for _, o := range q.OrderBy {
		r.OrderBy = append(r.OrderBy, Order{Field: o.Field, Desc: o.Desc})
	}
	var ok1, ok2 bool
	r.Where, ok1 = fromFilter(q.Where)
	r.Having, ok2 = fromFilter(q.Having)
	return r, ok1 && ok2
}

func fromFilter(f query.Filter) ([]Condition, bool) {
	var parts []query.Filter
	switch f := f.(type) {
	case nil:
		return nil, true
	case query.AndFilter:
		parts = f
	default:
		parts = []query.Filter{f}
	}
	var out []Condition
	for _, p := range parts {
		if or, isOr := p.(query.OrFilter); isOr {
			c := Condition{}
			for _, x := range or {
				cmp, ok := fromCmp(x)
				if !ok {
					return out, false
				}
				c.Any = append(c.Any, cmp)
			}
			out = append(out, c)
			continue
		}
		cmp, ok := fromCmp(p)
		if !ok {
			return out, false
		}
		out = append(out, Condition{Comparison: cmp})
	}
	return out, true
}

func fromCmp(f query.Filter) (Comparison, bool) {
	not := false
	if n, isNot := f.(query.NotFilter); isNot {
		not, f = true, n.X
	}
	c, ok := f.(query.Cmp)
	if !ok {
		return Comparison{}, false
	}
	out := Comparison{Field: c.Field, Op: strings.ToLower(string(c.Op)), Not: not}
	for _, v := range c.Values {
		switch x := v.(type) {
		case string:
			out.Values = append(out.Values, String(x))
		case bool:
			out.Values = append(out.Values, Bool(x))
		case int:
			out.Values = append(out.Values, Int(int64(x)))
		case int64:
			out.Values = append(out.Values, Int(x))
		case decimal.Decimal:
			out.Values = append(out.Values, String(x.String()))
		case time.Time:
			out.Values = append(out.Values, String(x.Format(time.DateOnly)))
		default:
			out.Values = append(out.Values, String(fmt.Sprint(x)))
		}
	}
	return out, true
}
