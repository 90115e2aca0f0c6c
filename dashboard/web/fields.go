package web

import (
	"cmp"
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// fields builds the filter form from the catalog: the date range bounded by the
// data, the comparison, the lists of regions, categories, segments, industries,
// channels and reps, and hidden fields that carry a drill-down's product or
// customer through the form.
func (s *site) fields(ctx context.Context, q url.Values) ([]Field, error) {
	cat, err := s.catalog(ctx)
	if err != nil {
		return nil, err
	}
	sp, err := s.span(ctx, q)
	if err != nil {
		return nil, err
	}
	q = normalize(q, cat)
	first, last := cat.First.Format(time.DateOnly), cat.Last.Format(time.DateOnly)
	date := func(key, label, value, def string) Field {
		return Field{Name: key, Label: label, Kind: "date", Value: value, Default: def, Min: first, Max: last}
	}
	compare := Field{Name: keyCompare, Label: "Compare with", Kind: "select", Default: string(dashboard.ComparePrevious)}
	for _, c := range []struct{ v, l string }{
		{string(dashboard.ComparePrevious), "Previous period"},
		{string(dashboard.CompareYear), "Same period a year earlier"},
		{string(dashboard.CompareNone), "No comparison"},
	} {
		compare.Options = append(compare.Options, Option{Value: c.v, Label: c.l, Selected: q.Get(keyCompare) == c.v})
	}
	out := []Field{
		sp.presets(s.now()),
		date(dashboard.KeyFrom, "From", sp.from, sp.defFrom),
		date(dashboard.KeyTo, "To", sp.to, sp.defTo),
		compare,
	}
	for _, ff := range dashboard.FilterFields() {
		switch {
		case ff.Kind == dashboard.FieldText:
			out = append(out, Field{Name: ff.Key, Label: ff.Label, Kind: "multi", Options: options(ff.Choices(cat), q[ff.Key])})
		case ff.Kind == dashboard.FieldOne:
			all := Option{Value: "", Label: "All " + strings.ToLower(ff.Label) + "s"}
			out = append(out, Field{Name: ff.Key, Label: ff.Label, Kind: "select", Options: append([]Option{all}, options(ff.Choices(cat), q[ff.Key])...)})
		case ff.Key == dashboard.KeyRep:
			out = append(out, repField(cat, ff, q))
		case ff.Key == dashboard.KeyCustomer:
			customer, err := s.customerField(ctx, ff, q[ff.Key])
			if err != nil {
				return nil, err
			}
			out = append(out, customer)
		default:
			out = append(out, productField(cat, ff, q))
		}
	}
	return out, nil
}

// repField is the reps' picker: every rep by name.
func repField(cat *dashboard.Catalog, ff dashboard.FilterField, q url.Values) Field {
	reps := make([]dashboard.Rep, 0, len(cat.Reps))
	for _, r := range cat.Reps {
		reps = append(reps, r)
	}
	slices.SortFunc(reps, func(a, b dashboard.Rep) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	rep := Field{Name: ff.Key, Label: ff.Label, Kind: "multi"}
	for _, r := range reps {
		id := strconv.FormatInt(r.ID, 10)
		rep.Options = append(rep.Options, Option{Value: id, Label: r.Name, Selected: slices.Contains(q[ff.Key], id)})
	}
	return rep
}

// productField is the product picker: the products picked, by name, and a
// search over the catalog's products.
func productField(cat *dashboard.Catalog, ff dashboard.FilterField, q url.Values) Field {
	f := Field{Name: ff.Key, Label: ff.Label, Kind: "search"}
	for _, v := range q[ff.Key] {
		label := "#" + v
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			if p, ok := cat.Products[id]; ok {
				label = p.Name
			}
		}
		f.Options = append(f.Options, Option{Value: v, Label: label, Selected: true})
	}
	return f
}

// options lists values as choices, those in picked selected.
func options(values, picked []string) []Option {
	out := make([]Option, len(values))
	for i, v := range values {
		out[i] = Option{Value: v, Label: v, Selected: slices.Contains(picked, v)}
	}
	return out
}

// customerField is the customer picker: the customers picked, by name (an id
// the data does not hold keeps its number, for the view to reject).
func (s *site) customerField(ctx context.Context, ff dashboard.FilterField, picked []string) (Field, error) {
	f := Field{Name: ff.Key, Label: ff.Label, Kind: "search"}
	var ids []int64
	for _, v := range picked {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	names, err := s.d.CustomerNames(ctx, ids[:min(len(ids), dashboard.MaxListValues)])
	if err != nil {
		return Field{}, viewError(err)
	}
	for _, v := range picked {
		label := "#" + v
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && names[id] != "" {
			label = names[id]
		}
		f.Options = append(f.Options, Option{Value: v, Label: label, Selected: true})
	}
	return f, nil
}
