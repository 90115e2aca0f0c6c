package web

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dashboard"
)

// scopeDims are the model dimensions the filter form's fields keep the
// analyst to. The form's reps and products are ids whose options are labelled
// with their names, which the analyst reads; a customer has no name in the
// form, so it is not kept.
var scopeDims = map[string]string{
	dashboard.KeyRegion: "region", dashboard.KeyCategory: "category", dashboard.KeySegment: "segment",
	dashboard.KeyIndustry: "industry", dashboard.KeyChannel: "channel",
	dashboard.KeyRep: "rep_name", dashboard.KeyProduct: "product_name",
}

// scopeOf reads the dashboard filter in q as the analyst's scope, with a crumb
// for each value (labelled as the filter form labels it) that links to the
// page without it, and the filters the analyst cannot keep. A malformed or
// unknown value is a 400 naming it.
func (h *handler) scopeOf(ctx context.Context, c conversation) (analyst.Scope, []crumb, []string, error) {
	var s analyst.Scope
	q := c.Scope
	if len(q) == 0 {
		return s, nil, nil, nil
	}
	f, err := parse(q)
	if err != nil {
		return s, nil, nil, err
	}
	if err := f.f.Check(); err != nil {
		return s, nil, nil, viewError(err)
	}
	all, err := h.cfg.Fields(ctx, q)
	if err != nil {
		return s, nil, nil, err
	}
	// The comparison is how a page shows its figures, not a filter.
	fields := slices.DeleteFunc(slices.Clone(all), func(f Field) bool { return f.Name == keyCompare })
	var unkept []string
	for _, fd := range fields {
		switch fd.Kind {
		case "date":
			if v := q.Get(fd.Name); v != "" || fd.Name == dashboard.KeyFrom && q.Get(dashboard.KeyTo) != "" || fd.Name == dashboard.KeyTo && q.Get(dashboard.KeyFrom) != "" {
				if v == "" {
					v = fd.Default
					if fd.Name == dashboard.KeyTo {
						v = fd.Max
					}
				}
				d, _ := time.Parse(time.DateOnly, v)
				if fd.Name == dashboard.KeyFrom {
					s.From = d
				} else {
					s.To = d
				}
			}
			continue
		case "select", "multi", "hidden":
		default:
			continue
		}
		vals := q[fd.Name]
		if len(vals) == 0 {
			continue
		}
		dim, kept := scopeDims[fd.Name]
		sv := analyst.ScopeValues{Dimension: dim}
		for _, v := range vals {
			i := slices.IndexFunc(fd.Options, func(o Option) bool { return o.Value == v })
			switch {
			case i < 0 && fd.Kind != "hidden":
				return s, nil, nil, BadRequest("Unknown "+strings.TrimSuffix(lowerFirst(fd.Label), "s")+" "+quote(v)+".", nil)
			case !kept || i < 0 || strings.HasPrefix(fd.Options[i].Label, "#"):
				unkept = append(unkept, fd.Label+" "+v)
			default:
				sv.Values = append(sv.Values, fd.Options[i].Label)
			}
		}
		if len(sv.Values) > 0 {
			s.Values = append(s.Values, sv)
		}
	}
	// The crumbs' links keep the conversation: only the filter value goes.
	return s, crumbs("/"+analystKey, fields, c.query(c.Turns)), unkept, nil
}

func quote(s string) string { return `"` + s + `"` }
