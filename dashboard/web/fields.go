package web

import (
	"cmp"
	"context"
	"net/url"
	"slices"
	"strconv"
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
	channel := Field{Name: dashboard.KeyChannel, Label: "Channel", Kind: "select"}
	channel.Options = append(channel.Options, Option{Value: "", Label: "All channels"})
	channel.Options = append(channel.Options, options(cat.Channels, q[dashboard.KeyChannel])...)

	reps := make([]dashboard.Rep, 0, len(cat.Reps))
	for _, r := range cat.Reps {
		reps = append(reps, r)
	}
	slices.SortFunc(reps, func(a, b dashboard.Rep) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	rep := Field{Name: dashboard.KeyRep, Label: "Reps", Kind: "multi"}
	for _, r := range reps {
		id := strconv.FormatInt(r.ID, 10)
		rep.Options = append(rep.Options, Option{Value: id, Label: r.Name, Selected: slices.Contains(q[dashboard.KeyRep], id)})
	}
	product := Field{Name: dashboard.KeyProduct, Label: "Products", Kind: "search"}
	for _, v := range q[dashboard.KeyProduct] {
		label := "#" + v
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			if p, ok := cat.Products[id]; ok {
				label = p.Name
			}
		}
		product.Options = append(product.Options, Option{Value: v, Label: label, Selected: true})
	}
	customer, err := s.customerField(ctx, q[dashboard.KeyCustomer])
	if err != nil {
		return nil, err
	}
	return []Field{
		sp.presets(s.now()),
		date(dashboard.KeyFrom, "From", sp.from, sp.defFrom),
		date(dashboard.KeyTo, "To", sp.to, sp.defTo),
		compare,
		{Name: dashboard.KeyRegion, Label: "Regions", Kind: "multi", Options: options(cat.Regions, q[dashboard.KeyRegion])},
		{Name: dashboard.KeyCategory, Label: "Categories", Kind: "multi", Options: options(cat.Categories, q[dashboard.KeyCategory])},
		{Name: dashboard.KeySegment, Label: "Segments", Kind: "multi", Options: options(cat.Segments, q[dashboard.KeySegment])},
		{Name: dashboard.KeyIndustry, Label: "Industries", Kind: "multi", Options: options(cat.Industries, q[dashboard.KeyIndustry])},
		channel,
		rep,
		product,
		customer,
	}, nil
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
func (s *site) customerField(ctx context.Context, picked []string) (Field, error) {
	f := Field{Name: dashboard.KeyCustomer, Label: "Customers", Kind: "search"}
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
