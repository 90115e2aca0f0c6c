package query

import (
	"fmt"
	"slices"
	"strings"
	"time"

	sq "github.com/Masterminds/squirrel"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Route says which table answered a request: a pre-aggregated mart, or the
// model's own table, with the reason each smaller mart could not.
type Route struct {
	// Table is the physical table read, e.g. SALES_BY_REGION or FCT_ORDERS.
	Table string `json:"table"`
	// Rejected lists the marts tried before it, smallest first, each with why it
	// could not answer exactly (the whole request, when Distinct is set).
	Rejected []Rejection `json:"rejected,omitempty"`
	// Rollup is true when a pre-aggregated mart answered.
	Rollup bool `json:"rollup"`
	// Distinct, when set, names the tables the request's distinct counts were
	// computed from, apart from its other metrics (which Table answered): each
	// once, comma-separated, when several distinct counts were split off.
	Distinct string `json:"distinct,omitempty"`
}

// Rejection is a mart that could not answer a request, and why.
type Rejection struct {
	Table  string `json:"table"`
	Reason string `json:"reason"`
}

func (r Route) explain(b *strings.Builder) {
	if r.Table == "" {
		return
	}
	fmt.Fprintf(b, "-- answered by: %s\n", r.Table)
	if r.Distinct != "" {
		fmt.Fprintf(b, "-- its distinct counts apart, by: %s (no table answers the whole request:)\n", r.Distinct)
	}
	for _, x := range r.Rejected {
		fmt.Fprintf(b, "-- not %s: %s\n", x.Table, x.Reason)
	}
}

// route answers the request planned over the model's tables (p) from the
// smallest mart that covers it exactly, trying the marts smallest first: a
// mart covers a request when it gives every field the request reads (its
// dimensions, filters and time grain among the mart's grain columns; its
// metrics re-aggregated exactly from the mart's measures), its date range
// starts and ends on the mart's grain, and a stored distinct count is only read
// where the request groups by the mart's whole key and attributes. The choice depends on the
// request and the model alone, never on data.
func (c *Compiler) route(req Request, p *plan) (*plan, Route) {
	rt := Route{Table: c.tableName(p.table)}
	if len(c.rollups) > 0 {
		rt.Rejected = make([]Rejection, 0, len(c.rollups))
	}
	for _, ro := range c.rollups {
		if ro.over != p.table {
			continue
		}
		why := ro.precheck(p)
		if why == "" {
			rp, err := c.plan(req, ro)
			switch {
			case err != nil:
				why = err.Error()
			case rp.why != "":
				why = rp.why
			default:
				return rp, Route{Table: ro.name, Rejected: rt.Rejected, Rollup: true}
			}
		}
		rt.Rejected = append(rt.Rejected, Rejection{Table: ro.name, Reason: why})
	}
	return p, rt
}

// routeFirst answers a request from the smallest mart that covers it as route
// does, with the same reasons for the marts it passes over, but planning the
// request over the marts only: the plan over FCT_ORDERS, which route reads to
// tell at a glance why a mart cannot answer, is not made — the first mart's
// plan marks the same fields in the same order. ok is false when no mart
// answers, when a plan fails or when the request is not over the marts' table:
// the caller then plans and routes it as before — but in the first case tried
// is the route of the plan over the model's table, with why each mart could not
// answer as route would say it, and the caller need not route again.
func (c *Compiler) routeFirst(req Request) (p *plan, rt Route, ok bool, tried *Route) {
	if len(c.rollups) == 0 {
		return nil, Route{}, false, nil
	}
	first, ok := c.firstFields(req)
	if !ok {
		return nil, Route{}, false, nil
	}
	rejected := make([]Rejection, 0, len(c.rollups))
	var seen *plan // the first plan: the fields the request reads
	for _, ro := range c.rollups {
		if seen != nil && seen.table != ro.over {
			return nil, Route{}, false, nil
		}
		why := ro.lacks(first) // what precheck would find first, or nothing
		if seen != nil {
			why = ro.precheck(seen)
		}
		if why == "" {
			rp, err := c.plan(req, ro)
			if err != nil || rp.table != ro.over {
				return nil, Route{}, false, nil
			}
			if seen == nil {
				seen, why = rp, ro.precheck(rp)
			}
			if why == "" {
				why = rp.why
			}
			if why == "" {
				return rp, Route{Table: ro.name, Rejected: rejected, Rollup: true}, true, nil
			}
		}
		rejected = append(rejected, Rejection{Table: ro.name, Reason: why})
	}
	if seen == nil {
		return nil, Route{}, false, nil
	}
	return nil, Route{}, false, &Route{Table: c.tableName(seen.table), Rejected: rejected}
}

// firstFields resolves, before any plan, the request's time dimension,
// dimensions and metrics — the fields a plan reads first, in its order — by
// field index. ok is false when a name does not resolve or a metric needs
// several tables.
func (c *Compiler) firstFields(req Request) ([]int, bool) {
	out := make([]int, 0, len(req.Dimensions)+len(req.Metrics)+1)
	add := func(name string, kinds ...semantic.FieldKind) bool {
		f, err := c.model.Lookup(name, kinds...)
		if err != nil || (f.Kind == semantic.KindMetric && c.multi[f.Index]) {
			return false
		}
		out = append(out, f.Index)
		return true
	}
	if req.Time != nil && !add(req.Time.Dimension, semantic.KindTimeDimension) {
		return nil, false
	}
	for _, name := range req.Dimensions {
		if !add(name, semantic.KindDimension, semantic.KindTimeDimension) {
			return nil, false
		}
	}
	for _, name := range req.Metrics {
		if !add(name, semantic.KindMetric) {
			return nil, false
		}
	}
	return out, true
}

// lacks returns why the mart cannot give the first of fields it cannot give at
// all, as precheck does; "" when it has them all.
func (ro *rollup) lacks(fields []int) string {
	for _, i := range fields {
		if !ro.gives(i) {
			return ro.fields[i].why
		}
	}
	return ""
}

// tableName is the physical table of a logical one, as a route names it.
func (c *Compiler) tableName(table string) string {
	if t, ok := c.baseTable(table); ok {
		return t
	}
	return c.tables[table].name
}

// baseTable returns the physical table name of a logical table.
func (c *Compiler) baseTable(table string) (string, bool) {
	for _, t := range c.model.Tables {
		if strings.EqualFold(t.Name, table) {
			return t.BaseTable.Table, true
		}
	}
	return "", false
}

// precheck finds, without planning, a field of p the mart cannot give at all.
func (ro *rollup) precheck(p *plan) string {
	for _, i := range p.seen {
		if !ro.gives(i) {
			return ro.fields[i].why
		}
	}
	return ""
}

// gives reports whether the mart can give field i in some use: its value, the
// time dimension at some grain, or the date its year key restricts to whole
// years (a range on it; grouping by it is refused when planned).
func (ro *rollup) gives(i int) bool {
	return ro.fields[i].sql != "" || len(ro.trunc[i]) > 0 || ro.yearOf[i]
}

// needsKey says why a metric that reads a stored distinct count cannot be
// answered: the request's groups are not the mart's rows ([rollup.groupsByRow]).
// oneDate says the request's date range holds one value of the mart's date key
// (one day, month or year, whole), which then need not be grouped by.
func (ro *rollup) needsKey(metrics []semantic.Field, groupBy []string, oneDate bool) string {
	for _, m := range metrics {
		if !ro.fields[m.Index].needKey {
			continue
		}
		if !ro.groupsByRow(groupBy, oneDate) {
			return fmt.Sprintf("%s counts distinct values per row of %s, which only add up when the request groups by all of %s (one row per group)",
				m.QualifiedName(), ro.name, strings.Join(ro.rowNames(), ", "))
		}
	}
	return ""
}

// perRow answers a request whose groups are the mart's rows — it groups by the
// mart's whole key and attributes and attributes, so each group is one row, and its filters
// keep or drop whole rows — without grouping: each metric is its value over the
// one row (rolled.rowSel), as the SQL one would write against the mart by hand.
// A HAVING, or a metric without a per-row form, keeps the grouping. oneDate is
// needsKey's: the top customers of 2025 by segment and industry are the rows of
// 2025 of customer × year.
func (ro *rollup) perRow(p *plan, oneDate bool) {
	if !p.grouped || p.having != nil || !ro.groupsByRow(p.groupBy, oneDate) {
		return
	}
	for _, m := range p.metrics {
		if ro.fields[m.Index].rowSel == "" {
			return
		}
	}
	for i, m := range p.metrics {
		p.items[p.metricAt+i] = ro.fields[m.Index].rowSel + " AS " + p.columns[p.metricAt+i].quoted
	}
	p.grouped = false
}

// groupsByRow reports whether a request grouped by groupBy has one row of the
// mart per group: it groups by every key column of the mart (but the date key
// when oneDate: the rows hold one value of it) and by every attribute column.
// The mart groups by its attributes beside its key, so a key whose attribute
// takes two values in the data (a rep held under two names) has two rows; the
// planner cannot know the data, so it asks the request to group by them all.
func (ro *rollup) groupsByRow(groupBy []string, oneDate bool) bool {
	for _, k := range ro.keys {
		if !slices.Contains(groupBy, k) && !(oneDate && k == ro.date) {
			return false
		}
	}
	for _, a := range ro.attrs {
		if !slices.Contains(groupBy, a) {
			return false
		}
	}
	return true
}

// rowNames names the columns of a row of the mart: its key and attributes.
func (ro *rollup) rowNames() []string {
	out := ro.keyNames()
	for _, a := range ro.mart.Attributes() {
		out = append(out, a.Column)
	}
	return out
}

func (ro *rollup) keyNames() []string {
	out := make([]string, len(ro.mart.Key))
	for i, k := range ro.mart.Key {
		out[i] = k.Column
	}
	return out
}

// rolled returns f over the compile's mart, noting the first field it lacks.
func (s *compileState) rolled(f semantic.Field, t typ) rendered {
	rf := s.roll.fields[f.Index]
	if rf.sql == "" {
		s.miss(rf.why)
		return rendered{sql: "NULL", typ: t}
	}
	return rendered{sql: rf.sql, typ: t}
}

func (s *compileState) miss(why string) {
	if s.why == "" {
		s.why = why
	}
}

// trunc returns a time dimension truncated to g, over the model's table or the
// compile's mart.
func (s *compileState) trunc(f semantic.Field, g dialect.Grain) string {
	if s.roll == nil {
		return s.c.trunc[f.Index][g]
	}
	if sql, ok := s.roll.trunc[f.Index][g]; ok {
		return sql
	}
	if s.roll.yearOf[f.Index] {
		s.miss(fmt.Sprintf("%s by %s: %s holds the year as a number, not a date", f.QualifiedName(), g, s.roll.name))
		return "NULL"
	}
	s.miss(fmt.Sprintf("%s by %s is finer than the %s grain of %s", f.QualifiedName(), g, s.roll.grain, s.roll.name))
	return "NULL"
}

// metSel returns a metric's select item, over the model's table or the mart.
func (s *compileState) metSel(f semantic.Field) string {
	if s.roll == nil {
		return s.c.metSel[f.Index]
	}
	if rf := s.roll.fields[f.Index]; rf.sel != "" {
		return rf.sel
	}
	s.miss(s.roll.fields[f.Index].why)
	return "NULL"
}

// onePeriod reports whether [from, to] lies within one day, month or year (g).
func onePeriod(g dialect.Grain, from, to time.Time) bool {
	switch g {
	case dialect.Day:
		return from.Equal(to)
	case dialect.Month:
		return firstOfMonth(from).Equal(firstOfMonth(to))
	case dialect.Year:
		return from.Year() == to.Year()
	}
	return false
}

// rollDates restricts the mart's date key to [from, to], which must start and
// end on its grain: a month mart cannot answer for part of a month, a year mart
// (whose key is the year as a number) for part of a year. ok is false when f is
// not the date the mart's key truncates.
func (s *compileState) rollDates(f semantic.Field, from, to time.Time) (sq.Sqlizer, bool) {
	col, isCol := s.c.physicalColumn(f)
	if s.roll.date == "" || !isCol || col != s.roll.dateSrc {
		return nil, false
	}
	start, end := from, to
	switch s.roll.grain {
	case dialect.Month:
		start, end = firstOfMonth(from), firstOfMonth(to).AddDate(0, 1, -1)
	case dialect.Year:
		start, end = time.Date(from.Year(), 1, 1, 0, 0, 0, 0, time.UTC), time.Date(to.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if !from.Equal(start) || !to.Equal(end) {
		s.miss(fmt.Sprintf("the range %s to %s does not start and end on whole %ss, the grain of %s",
			from.Format(time.DateOnly), to.Format(time.DateOnly), s.roll.grain, s.roll.name))
	}
	s.oneDate = onePeriod(s.roll.grain, from, to)
	if s.roll.yearKey {
		year := s.c.d.Cast("?", dialect.Int())
		return sq.Expr(s.roll.date+" BETWEEN "+year+" AND "+year, int64(from.Year()), int64(to.Year())), true
	}
	return sq.Expr(s.roll.date+" BETWEEN "+s.c.phDate+" AND "+s.c.phDate, from, to), true
}
