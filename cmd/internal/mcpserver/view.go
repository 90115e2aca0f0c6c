package mcpserver

import (
	"context"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// ViewIn names a dashboard view and its filter.
type ViewIn struct {
	View       string   `json:"view" jsonschema:"executive, regional, product, reps or customers"`
	From       string   `json:"from,omitempty" jsonschema:"first order date, YYYY-MM-DD (default the first day of data)"`
	To         string   `json:"to,omitempty" jsonschema:"last order date, YYYY-MM-DD (default the last day of data)"`
	Regions    []string `json:"regions,omitempty"`
	Categories []string `json:"categories,omitempty"`
	Segments   []string `json:"segments,omitempty"`
	Industries []string `json:"industries,omitempty"`
	Reps       []int64  `json:"reps,omitempty" jsonschema:"sales rep ids"`
	Products   []int64  `json:"products,omitempty" jsonschema:"product ids"`
	Customers  []int64  `json:"customers,omitempty" jsonschema:"customer ids"`
	Channel    string   `json:"channel,omitempty"`
	Compare    string   `json:"compare,omitempty" jsonschema:"previous (default), year or none"`
}

// ViewOut is a view's tables.
type ViewOut struct {
	View    string            `json:"view"`
	From    string            `json:"from" jsonschema:"the period's first day"`
	To      string            `json:"to" jsonschema:"the period's last day"`
	AsOf    string            `json:"as_of" jsonschema:"when the data was last refreshed"`
	Sources map[string]string `json:"sources" jsonschema:"for each table, the warehouse table that answered"`
	Tables  []Table           `json:"tables"`
}

// Table is one table of a view: rows keyed by column, every value exact text
// or null.
type Table struct {
	Name    string           `json:"name"`
	Columns []string         `json:"columns"`
	Rows    []map[string]any `json:"rows"`
}

// maxListed bounds each list of a view filter.
const maxListed = 1_000

func (s *server) view(ctx context.Context, _ *mcp.CallToolRequest, in ViewIn) (ViewOut, error) {
	f, cmp, err := in.filter()
	if err != nil {
		return ViewOut{}, err
	}
	v, err := s.svc.View(ctx, in.View, f, cmp)
	if err != nil {
		return ViewOut{}, err
	}
	out := ViewOut{View: v.Meta.View, From: v.Meta.Period.From.Format(time.DateOnly), To: v.Meta.Period.To.Format(time.DateOnly),
		AsOf: v.Meta.AsOf.UTC().Format(time.RFC3339), Sources: v.Meta.Sources, Tables: []Table{}}
	if out.Sources == nil {
		out.Sources = map[string]string{}
	}
	for _, t := range v.Tables {
		ot := Table{Name: t.Name, Columns: t.Columns, Rows: []map[string]any{}}
		for _, r := range t.Rows {
			m := make(map[string]any, len(r))
			for j, c := range r {
				if c.Null {
					m[t.Columns[j]] = nil
				} else {
					m[t.Columns[j]] = c.Text
				}
			}
			ot.Rows = append(ot.Rows, m)
		}
		out.Tables = append(out.Tables, ot)
	}
	return out, nil
}

// filter reads the dashboard filter and comparison.
func (in ViewIn) filter() (dashboard.Filter, dashboard.Compare, error) {
	f := dashboard.Filter{Regions: in.Regions, Categories: in.Categories, Segments: in.Segments, Industries: in.Industries,
		Reps: in.Reps, Products: in.Products, Customers: in.Customers, Channel: in.Channel}
	for _, l := range [][]string{in.Regions, in.Categories, in.Segments, in.Industries} {
		if len(l) > maxListed {
			return f, "", inputf("a filter list has %d values, more than %d", len(l), maxListed)
		}
	}
	if len(in.Reps)+len(in.Products)+len(in.Customers) > maxListed {
		return f, "", inputf("the id lists hold more than %d values", maxListed)
	}
	for _, d := range []struct {
		key string
		s   string
		t   *time.Time
	}{{"from", in.From, &f.From}, {"to", in.To, &f.To}} {
		if d.s == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.s)
		if err != nil {
			return f, "", inputf("%s: %.40q is not a date YYYY-MM-DD", d.key, d.s)
		}
		*d.t = t
	}
	cmp := dashboard.ComparePrevious
	if in.Compare != "" {
		c, err := dashboard.ParseCompare(in.Compare)
		if err != nil {
			return f, "", inputf("compare: %v", err)
		}
		cmp = c
	}
	return f, cmp, nil
}
