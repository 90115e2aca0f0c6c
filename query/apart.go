package query

import (
	"slices"
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// A request that asks for a distinct count (customers) beside other metrics
// (revenue, orders) and that no mart answers whole computes them apart, in one
// statement: the other metrics as a request of their own, answered from the
// smallest mart that holds them, and the distinct counts as another, over the
// same rows and groups, joined on the groups:
//
//	SELECT "s"."region", "s"."revenue", "d"."customers"
//	FROM (SELECT region, SUM(revenue) … FROM SALES_BY_REGION … GROUP BY region) AS "s"
//	JOIN (SELECT region, COUNT(DISTINCT customer_id) … FROM FCT_ORDERS … GROUP BY region) AS "d"
//	  ON "s"."region" IS NOT DISTINCT FROM "d"."region"
//
// Both halves group the same rows by the same columns, so they have the same
// groups and the join pairs them one to one. A distinct count rarely
// re-aggregates from a mart, so without the split the sums would be read from
// FCT_ORDERS too; and DuckDB counts distinct values alone faster than beside
// other aggregates, which it then computes the slower way too. A request with a
// Having, or a metric that combines a distinct count with anything else (a
// ratio per customer), stays whole.

// apart splits p, the plan of req over the model's table, into its other
// metrics and each of its distinct counts, each planned and routed alone, and
// returns the plan of their join and its route: the table of the other metrics
// (or the first distinct count), the table of the distinct counts, and why no
// mart answered the whole request (whole's rejections); ok is false when p is
// not split.
func (c *Compiler) apart(req Request, p *plan, whole Route) (*plan, Route, bool, error) {
	if p.having != nil || len(p.metrics) < 2 || (!p.grouped && len(p.groupBy) > 0) {
		return nil, Route{}, false, nil
	}
	sums := req
	sums.Metrics, sums.OrderBy, sums.Limit, sums.Offset = nil, nil, 0, 0
	var halves []Request
	for i, m := range p.metrics {
		switch c.distinctness(m) {
		case distinctCount:
			h := sums
			h.Metrics = []string{req.Metrics[i]}
			halves = append(halves, h)
		case noDistinct:
			sums.Metrics = append(sums.Metrics, req.Metrics[i])
		default:
			return nil, Route{}, false, nil
		}
	}
	if len(sums.Metrics) > 0 {
		halves = append([]Request{sums}, halves...)
	}
	if len(halves) < 2 {
		return nil, Route{}, false, nil
	}
	plans := make([]*plan, len(halves))
	routes := make([]Route, len(halves))
	for i, h := range halves {
		if i > 0 {
			if fp, fr, ok := c.firstMonthHalf(h); ok {
				plans[i], routes[i] = fp, fr
				fp.order = nil
				continue
			}
		}
		var err error
		if plans[i], routes[i], err = c.planRouted(h); err != nil {
			return nil, Route{}, false, nil // the whole request, as planned, answers it
		}
		plans[i].order = nil
	}
	out, err := c.joinApart(p, plans)
	if err != nil {
		return nil, Route{}, false, err
	}
	first := 0
	if len(sums.Metrics) > 0 {
		first = 1 // the distinct counts' halves follow the other metrics'
	}
	return out, Route{Table: routes[0].Table, Rollup: routes[0].Rollup, Distinct: distinctTables(routes[first:]), Rejected: whole.Rejected}, true, nil
}

// distinctTables names the tables the distinct counts' halves read, each once,
// in the order of the halves: "FCT_ORDERS", or "SALES_BY_CUSTOMER_YEAR,
// FCT_ORDERS" when they differ.
func distinctTables(routes []Route) string {
	var names []string
	for _, r := range routes {
		if !slices.Contains(names, r.Table) {
			names = append(names, r.Table)
		}
	}
	return strings.Join(names, ", ")
}

// joinApart returns the plan that selects p's columns from the join of its
// halves, each a derived table: FROM (h0) AS "s" JOIN (h1) AS "d" ON the
// groups …, or a CROSS JOIN of their single rows. Its statement for Run leaves
// out, in the first half too, the ratios Run divides in Go.
func (c *Compiler) joinApart(p *plan, halves []*plan) (*plan, error) {
	out := *p
	out.items = make([]string, len(p.columns))
	out.where, out.groupBy, out.grouped, out.distinct, out.having = nil, nil, false, false, nil
	out.fromArgs, out.joins = nil, make([]join, 0, len(halves)-1)
	for i, h := range halves {
		tail, args, err := c.renderTail(h)
		if err != nil {
			return nil, err
		}
		alias := c.d.Quote(halfAlias(i))
		ref := "(" + selectList(h, h.items) + tail + ")"
		out.fromArgs = append(out.fromArgs, args...)
		for j, col := range p.columns {
			switch {
			case col.Role != RoleMetric || !hasColumn(h.columns, col.Name):
			case h.sparse:
				out.items[j] = "COALESCE(" + alias + "." + col.quoted + ", 0) AS " + col.quoted
			default:
				out.items[j] = alias + "." + col.quoted + " AS " + col.quoted
			}
		}
		if i == 0 {
			out.base = tableInfo{ref: ref, alias: alias}
			if post := c.postDivisions(h); len(post) > 0 && sameRatios(c.postDivisions(p), p, post, h) {
				out.runBase = "(" + selectList(h, runItems(h.items, post)) + tail + ")"
			}
			continue
		}
		var on []string
		for _, col := range p.columns {
			if col.Role != RoleMetric {
				on = append(on, out.base.alias+"."+col.quoted+" IS NOT DISTINCT FROM "+alias+"."+col.quoted)
			}
		}
		kind := "CROSS JOIN"
		switch {
		case len(on) > 0 && h.sparse:
			kind = "LEFT JOIN"
		case len(on) > 0:
			kind = "JOIN"
		}
		out.joins = append(out.joins, join{kind: kind, table: tableInfo{ref: ref, alias: alias}, on: strings.Join(on, " AND ")})
	}
	for j, col := range p.columns {
		if col.Role != RoleMetric {
			out.items[j] = out.base.alias + "." + col.quoted + " AS " + col.quoted
		}
	}
	return &out, nil
}

// halfAlias names the i-th half of a split request: s, then d, d2, d3 ….
func halfAlias(i int) string {
	switch i {
	case 0:
		return "s"
	case 1:
		return "d"
	}
	return "d" + strconv.Itoa(i)
}

// sameRatios reports whether Run divides in Go, for the whole plan p, every
// ratio it divides for the half h: only then may the half's statement leave
// them out.
func sameRatios(post []postDiv, p *plan, hpost []postDiv, h *plan) bool {
	for _, hd := range hpost {
		name, found := h.columns[hd.col].Name, false
		for _, d := range post {
			found = found || p.columns[d.col].Name == name
		}
		if !found {
			return false
		}
	}
	return true
}

func hasColumn(cols []Column, name string) bool {
	_, ok := findColumn(cols, name)
	return ok
}

// distinctness says whether a metric counts distinct values.
type distinctness uint8

const (
	noDistinct    distinctness = iota // no distinct aggregate anywhere in it
	distinctCount                     // COUNT(DISTINCT …) and nothing else
	mixedDistinct                     // a distinct count within a larger expression
)

// distinctness classifies a metric by the distinct aggregates of its parsed
// expression (through the fields it refers to), counted as the compiler
// rendered it over its own table.
func (c *Compiler) distinctness(f semantic.Field) distinctness {
	switch n := c.fields[f.Index].distincts; {
	case n == 0:
		return noDistinct
	case n == 1 && c.additivityOf(f) == zeroWhenEmpty:
		return distinctCount
	}
	return mixedDistinct
}

// planRouted plans req over the model's tables and answers it from the
// smallest mart that covers it, or computes its distinct counts apart.
func (c *Compiler) planRouted(req Request) (*plan, Route, error) {
	p, route, ok, tried := c.routeFirst(req)
	if ok {
		return p, route, nil
	}
	p, err := c.plan(req, nil)
	if err != nil {
		return nil, Route{}, err
	}
	return c.routeOrApart(req, p, tried)
}

// routeOrApart routes p, the plan of req over the model's tables, to the
// smallest mart that answers it whole, else splits off its distinct counts.
// tried, when set, is the route routeFirst found: no mart answers p.
func (c *Compiler) routeOrApart(req Request, p *plan, tried *Route) (*plan, Route, error) {
	var route Route
	if tried != nil && tried.Table == c.tableName(p.table) {
		route = *tried
	} else {
		p, route = c.route(req, p)
	}
	if route.Rollup {
		return p, route, nil
	}
	ap, ar, ok, err := c.apart(req, p, route)
	if err != nil || !ok {
		return p, route, err
	}
	return ap, ar, nil
}
