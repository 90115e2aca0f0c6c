package web

import (
	"cmp"
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// pickLimit is how many matches a picker's search lists.
const pickLimit = 20

// normalize returns q with each text filter value spelled as the data spells
// it, matched ignoring case ("west" is West, "enterprise" Enterprise); a value
// that matches nothing is left for the view to reject with the valid ones.
func normalize(q url.Values, cat *dashboard.Catalog) url.Values {
	out := url.Values{}
	for k, vs := range q {
		out[k] = vs
	}
	for _, ff := range dashboard.FilterFields() {
		if ff.Kind == dashboard.FieldIDs {
			continue
		}
		vs := q[ff.Key]
		if len(vs) == 0 {
			continue
		}
		fixed := make([]string, len(vs))
		for i, v := range vs {
			fixed[i] = ff.Spell(cat, v)
		}
		out[ff.Key] = fixed
	}
	return out
}

// search answers a picker's search: customers by name or id from the
// warehouse, products from the catalog.
func (s *site) search(ctx context.Context, field, text string) ([]Option, error) {
	switch field {
	case dashboard.KeyCustomer:
		found, err := s.d.FindCustomers(ctx, text, pickLimit)
		if err != nil {
			return nil, viewError(err)
		}
		out := make([]Option, len(found))
		for i, c := range found {
			out[i] = Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Name + " · " + c.Segment}
		}
		return out, nil
	case dashboard.KeyProduct:
		cat, err := s.catalog(ctx)
		if err != nil {
			return nil, err
		}
		text = strings.ToLower(strings.TrimSpace(text))
		var hits []dashboard.ProductInfo
		for id, p := range cat.Products {
			if strings.Contains(strings.ToLower(p.Name), text) || strings.Contains(strings.ToLower(p.Category), text) || strconv.FormatInt(id, 10) == text {
				hits = append(hits, p)
			}
		}
		slices.SortFunc(hits, func(a, b dashboard.ProductInfo) int {
			return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
		})
		out := make([]Option, 0, min(len(hits), pickLimit))
		for _, p := range hits[:min(len(hits), pickLimit)] {
			out = append(out, Option{Value: strconv.FormatInt(p.ID, 10), Label: p.Name + " · " + p.Category})
		}
		return out, nil
	}
	return nil, &Error{Status: 404, Message: "There is no picker " + field + "."}
}
