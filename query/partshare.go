package query

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// PartShare asks what share a part of a request's figures is of the whole:
// "what percentage of 2025 orders were placed online" is the request for the
// orders of 2025 with the part Where: Eq("channel", "Online"); "what share
// of revenue came from the West, by year" is the request for revenue by year
// with the part Eq("region", "West"). The whole is the request as it is, the
// part the request with Where and Filters added; both are aggregated alike and
// joined on the request's groups, so each group says its part, its whole and
// the part's share of the whole, as an exact fraction rounded half away from
// zero to four places (0.4515 is 45.15%).
//
// Any metric zero over no rows (a sum, a count, a distinct count) has a part's
// share; a ratio or an average is refused with an [InexactError]: a part of it
// is no share of it.
type PartShare struct {
	// Metric is the metric, as the request names it.
	Metric string
	// Where and Filters (the model's named filters) pick the part.
	Where   Filter
	Filters []string
	// As names the share column; empty means <metric>_share. The part's value
	// keeps the metric's name, the whole is <metric>_whole.
	As string
}

// CompilePartShare compiles req with the share of a part of it: per group of
// req, the part's value of the metric, the whole's and the share (req's own
// metrics are replaced by the part's metric). req takes no
// analysis layer, order or limit of its own (the result is ordered by its
// groups).
func (c *Compiler) CompilePartShare(req Request, part PartShare) (*Query, error) {
	switch {
	case req.layered():
		return nil, invalid("part share: the request takes no other analysis layer")
	case part.Where == nil && len(part.Filters) == 0:
		return nil, invalid("part share: the part needs a Where or a named filter")
	case strings.HasPrefix(part.As, "__") || len(part.As) > 128:
		return nil, invalid("part share: the column name %.40q must not start with __ nor be longer than 128 bytes", part.As)
	}
	f, err := c.lookup("part share", part.Metric, semantic.KindMetric)
	if err != nil {
		return nil, err
	}
	if c.additivityOf(f) == nonAdditive {
		return nil, &InexactError{Layer: "part share", Metric: part.Metric, Reason: "it is a ratio or an average, and a part of it is no share of it"}
	}
	whole := req
	whole.Metrics = []string{part.Metric}
	partReq := whole
	partReq.Filters = append(append([]string(nil), whole.Filters...), part.Filters...)
	switch {
	case part.Where == nil:
	case whole.Where == nil:
		partReq.Where = part.Where
	default:
		partReq.Where = And(whole.Where, part.Where)
	}
	wSQL, wArgs, w, err := c.aggregate(whole)
	if err != nil {
		return nil, err
	}
	pSQL, pArgs, p, err := c.aggregate(partReq)
	if err != nil {
		return nil, err
	}
	s := &stmt{c: c}
	s.with("whole", wSQL, wArgs...)
	s.with("part", pSQL, pArgs...)
	var items, on, order []string
	var cols []Column
	m := -1
	for i, col := range w.cols {
		if col.Role == RoleMetric {
			m = i
			continue
		}
		ref := `"whole".` + col.quoted
		items = append(items, ref)
		on = append(on, `"part".`+col.quoted+" IS NOT DISTINCT FROM "+ref)
		order = append(order, ref)
		cols = append(cols, col)
	}
	if m < 0 {
		return nil, invalid("part share: %s is not a metric of the request", part.Metric)
	}
	mc := w.cols[m]
	t := typOf(mc)
	partVal := c.castTo(`COALESCE("part".`+p.cols[m].quoted+", 0)", t)
	wholeVal := `"whole".` + mc.quoted
	name := part.As
	if name == "" {
		name = mc.Name + "_share"
	}
	wc := c.layerCol(mc.Name+"_whole", t, mc.Field, RoleBase)
	sc := c.layerCol(name, typ{kind: KindDecimal, scale: 4}, mc.Field, RoleShare)
	if _, taken := findColumn(cols, name); taken || strings.EqualFold(name, mc.Name) || strings.EqualFold(name, wc.Name) {
		return nil, invalid("part share of %s: a column is already called %q; name it with As", mc.Name, name)
	}
	items = append(items, partVal+" AS "+mc.quoted, wholeVal+" AS "+wc.quoted,
		c.d.DivRound(partVal, wholeVal, mc.Scale, mc.Scale, 4)+" AS "+sc.quoted)
	cols = append(cols, mc, wc, sc)
	join := `"whole" LEFT JOIN "part" ON 1 = 1`
	if len(on) > 0 {
		join = `"whole" LEFT JOIN "part" ON ` + strings.Join(on, " AND ")
	}
	body := "SELECT " + strings.Join(items, ", ") + " FROM " + join
	if len(order) > 0 {
		body += " ORDER BY " + strings.Join(order, ", ")
	}
	fields := append([]string(nil), w.fields...)
	for _, f := range p.fields {
		if !contains(fields, f) {
			fields = append(fields, f)
		}
	}
	return &Query{SQL: s.sql(body), Args: s.args, Columns: cols, Fields: fields, Dialect: c.d, model: c.model, Route: w.route}, nil
}
