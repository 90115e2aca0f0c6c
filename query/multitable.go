package query

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Metrics of several tables in one request: each table's metrics are
// aggregated at that table's own grain in a CTE, grouped by the request's
// dimensions and time grain, and the CTEs are joined on those columns — the
// first metric's table is the anchor, each other table's figures are looked up
// for its groups (LEFT JOIN) — so no table's rows are ever multiplied by
// another's. A metric that is a rate per month (semantic.Metric.Per, the reps'
// quota) is summed over the months of the request's date range, prorated for
// a month it covers in part, and grouped by the request's dimensions through
// the relationship columns that correspond to them.

// ErrNotExact is matched (errors.Is) by an [*ExactnessError].
var ErrNotExact = errors.New("query: the request cannot be computed exactly")

// ExactnessError refuses a request whose figures could not be exact: a metric
// that would be multiplied by the rows of another table, or one without a
// meaning at the requested grouping. It matches ErrNotExact and
// ErrInvalidRequest.
type ExactnessError struct {
	Metric string // the metric, as table.name
	Reason string
}

func (e *ExactnessError) Error() string {
	return fmt.Sprintf("query: %s cannot be computed exactly: %s", e.Metric, e.Reason)
}

// Is matches ErrNotExact and ErrInvalidRequest.
func (e *ExactnessError) Is(target error) bool {
	return target == ErrNotExact || target == ErrInvalidRequest
}

func notExact(f semantic.Field, format string, args ...any) error {
	return &ExactnessError{Metric: f.QualifiedName(), Reason: fmt.Sprintf(format, args...)}
}

// errSeveralTables tells Compile that a request's metrics come from more than
// one table (directly or through a derived metric) or include a rate per
// period: the single-table plan cannot compute them, compileMulti can.
var errSeveralTables = errors.New("query: metrics of several tables")

// prepareMulti marks, by field index, the metrics only compileMulti computes:
// rates per period, and derived metrics over several tables or over a rate.
func (c *Compiler) prepareMulti() {
	c.multi = make([]bool, len(c.model.Fields()))
	for _, f := range c.model.Fields() {
		if f.Kind != semantic.KindMetric {
			continue
		}
		if f.Per != "" {
			c.multi[f.Index] = true
			continue
		}
		if f.Table != "" {
			continue
		}
		tables := map[string]bool{}
		for _, m := range c.metricRefs(f) {
			tables[strings.ToLower(m.Table)] = true
			c.multi[f.Index] = c.multi[f.Index] || m.Per != ""
		}
		c.multi[f.Index] = c.multi[f.Index] || len(tables) > 1
	}
}

// metricRefs returns the table metrics a derived metric reads, in order.
func (c *Compiler) metricRefs(f semantic.Field) []semantic.Field {
	ast, err := c.parsed(f)
	if err != nil {
		return nil
	}
	var out []semantic.Field
	walk(ast, func(n sqlparse.Node) {
		ref, ok := n.(sqlparse.Ref)
		if !ok || ref.Table == "" {
			return
		}
		if m, err := c.model.Lookup(ref.Table+"."+ref.Name, semantic.KindMetric); err == nil && !slices.ContainsFunc(out, func(x semantic.Field) bool { return x.Index == m.Index }) {
			if m.Table == "" {
				out = append(out, c.metricRefs(m)...)
				return
			}
			out = append(out, m)
		}
	})
	return out
}

// walk visits every node of an expression.
func walk(n sqlparse.Node, fn func(sqlparse.Node)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case sqlparse.Call:
		for _, a := range n.Args {
			walk(a, fn)
		}
	case sqlparse.Binary:
		walk(n.L, fn)
		walk(n.R, fn)
	case sqlparse.Unary:
		walk(n.X, fn)
	case sqlparse.IsNull:
		walk(n.X, fn)
	case sqlparse.InList:
		walk(n.X, fn)
		for _, x := range n.List {
			walk(x, fn)
		}
	case sqlparse.Between:
		walk(n.X, fn)
		walk(n.Lo, fn)
		walk(n.Hi, fn)
	case sqlparse.Like:
		walk(n.X, fn)
		walk(n.Pattern, fn)
	case sqlparse.Case:
		walk(n.Operand, fn)
		for _, w := range n.Whens {
			walk(w.Cond, fn)
			walk(w.Then, fn)
		}
		walk(n.Else, fn)
	case sqlparse.Cast:
		walk(n.X, fn)
	}
}

// tableCTE is one table's share of a multi-table request.
type tableCTE struct {
	table   string           // lower-cased logical table
	metrics []semantic.Field // its metrics, in first use
	alias   string           // quoted CTE name
	sql     string
	args    []any
	cols    []Column // its output columns
	fields  []string
	source  string // the physical table that answered
}

// compileMulti compiles a request whose metrics span tables.
func (c *Compiler) compileMulti(req Request) (*Query, error) {
	if req.Having != nil {
		return nil, invalid("having is not supported with metrics from more than one table")
	}
	var ctes []*tableCTE
	byTable := func(m semantic.Field) *tableCTE {
		t := strings.ToLower(m.Table)
		for _, x := range ctes {
			if x.table == t {
				if !slices.ContainsFunc(x.metrics, func(y semantic.Field) bool { return y.Index == m.Index }) {
					x.metrics = append(x.metrics, m)
				}
				return x
			}
		}
		x := &tableCTE{table: t, metrics: []semantic.Field{m}, alias: c.d.Quote(fmt.Sprintf("t%d", len(ctes)))}
		ctes = append(ctes, x)
		return x
	}
	asked := make([]semantic.Field, len(req.Metrics))
	for i, name := range req.Metrics {
		f, err := c.lookup("metric", name, semantic.KindMetric)
		if err != nil {
			return nil, err
		}
		asked[i] = f
		comps := []semantic.Field{f}
		if f.Table == "" {
			comps = c.metricRefs(f)
		}
		for _, m := range comps {
			byTable(m)
		}
	}
	for _, x := range ctes {
		if err := c.buildCTE(x, req); err != nil {
			return nil, err
		}
	}
	return c.joinCTEs(req, asked, ctes)
}

// buildCTE compiles one table's metrics grouped as the request groups.
func (c *Compiler) buildCTE(x *tableCTE, req Request) error {
	per := 0
	for _, m := range x.metrics {
		if m.Per != "" {
			per++
		}
	}
	if per > 0 {
		if per != len(x.metrics) {
			return notExact(x.metrics[0], "rates per month and other metrics of table %s cannot be asked for together", x.table)
		}
		return c.perPeriodCTE(x, req)
	}
	sub := Request{Dimensions: req.Dimensions, Time: req.Time, Where: req.Where, Filters: req.Filters, Dates: req.Dates}
	for _, m := range x.metrics {
		sub.Metrics = append(sub.Metrics, m.QualifiedName())
	}
	p, err := c.plan(sub, nil)
	if err != nil && req.Time == nil {
		p, err = c.planConformed(sub, x.table) // the dimensions through relationship columns
	}
	if err != nil {
		var ee *ExactnessError
		if errors.As(err, &ee) {
			return err
		}
		return notExact(x.metrics[0], "its table %s cannot be grouped and filtered as the request asks: %v", x.table, strings.TrimPrefix(err.Error(), ErrInvalidRequest.Error()+": "))
	}
	p, route, err := c.routeOrApart(sub, p, nil)
	if err != nil {
		return err
	}
	p.order, p.limit, p.offset = nil, 0, 0
	if x.sql, x.args, err = c.renderSQL(p); err != nil {
		return err
	}
	x.cols, x.fields, x.source = p.columns, p.fields, route.Table
	return nil
}

// joinCTEs writes the statement: the CTEs, joined on the grouping columns of
// the anchor (the first), and the requested metrics over them.
func (c *Compiler) joinCTEs(req Request, asked []semantic.Field, ctes []*tableCTE) (*Query, error) {
	anchor := ctes[0]
	var keys, items []string
	var cols []Column
	for _, col := range anchor.cols {
		if col.Role == RoleMetric {
			continue
		}
		keys = append(keys, col.quoted)
		items = append(items, anchor.alias+"."+col.quoted+" AS "+col.quoted)
		cols = append(cols, col)
	}
	outer := map[int]rendered{}
	for _, x := range ctes {
		for _, col := range x.cols {
			if col.Role != RoleMetric {
				continue
			}
			for _, m := range x.metrics {
				if c.names[m.Index] == col.Field {
					outer[m.Index] = rendered{sql: x.alias + "." + col.quoted, typ: typ{kind: col.Kind, scale: col.Scale}}
				}
			}
		}
	}
	for i, f := range asked {
		name := outputName(req.Metrics[i], f)
		quoted := c.d.Quote(name)
		o, ok := outer[f.Index] // a table's metric: its CTE's column
		sql, t := o.sql, o.typ
		if !ok { // a derived metric: its expression over the CTEs' columns
			r := &renderer{c: c, d: c.d, used: map[string]bool{}, outer: outer}
			var err error
			if sql, t, err = r.field(f); err != nil {
				return nil, fmt.Errorf("query: metric %s: %w", f.QualifiedName(), err)
			}
		}
		if _, dup := findColumn(cols, name); dup {
			return nil, invalid("%q is requested twice", name)
		}
		cols = append(cols, Column{Name: name, Kind: t.kind, Scale: t.scale, Field: c.names[f.Index], Role: RoleMetric, quoted: quoted})
		items = append(items, c.castTo(sql, t)+" AS "+quoted)
	}
	order, err := c.orderBy(req.OrderBy, cols)
	if err != nil {
		return nil, err
	}
	if req.Limit < 0 || req.Offset < 0 {
		return nil, invalid("limit and offset cannot be negative")
	}
	var b strings.Builder
	var args []any
	var fields, sources []string
	b.WriteString("WITH ")
	for i, x := range ctes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(x.alias + " AS (" + x.sql + ")")
		args = append(args, x.args...)
		for _, f := range x.fields {
			if !slices.Contains(fields, f) {
				fields = append(fields, f)
			}
		}
		sources = append(sources, x.source)
	}
	b.WriteString(" SELECT " + strings.Join(items, ", ") + " FROM " + anchor.alias)
	for _, x := range ctes[1:] {
		b.WriteString(" LEFT JOIN " + x.alias)
		if len(keys) == 0 {
			b.WriteString(" ON TRUE")
			continue
		}
		for j, k := range keys {
			sep := " AND "
			if j == 0 {
				sep = " ON "
			}
			b.WriteString(sep + anchor.alias + "." + k + " = " + x.alias + "." + k)
		}
	}
	if len(order) > 0 {
		b.WriteString(" ORDER BY " + strings.Join(order, ", "))
	}
	if req.Limit > 0 {
		fmt.Fprintf(&b, " LIMIT %d", req.Limit)
	}
	if req.Offset > 0 {
		fmt.Fprintf(&b, " OFFSET %d", req.Offset)
	}
	for _, f := range asked {
		if !slices.Contains(fields, c.names[f.Index]) {
			fields = append(fields, c.names[f.Index])
		}
	}
	return &Query{SQL: b.String(), Args: args, Columns: cols, Fields: fields, Dialect: c.d, model: c.model,
		Route: Route{Table: strings.Join(sources, " + ")}}, nil
}

// planConformed plans a table's metrics grouped and filtered by dimensions of
// another table, each read from this table's column that a relationship pairs
// with it (orders.product_id is products.product_key).
func (c *Compiler) planConformed(req Request, table string) (*plan, error) {
	s := &compileState{c: c, conform: c.conformed(table)}
	for _, m := range c.model.Fields() {
		if m.Kind == semantic.KindMetric && strings.EqualFold(m.Table, table) {
			s.conform[m.Index] = c.render(m)
		}
	}
	return c.planWith(s, req)
}

// conformed maps every dimension of the model that has a corresponding column
// in table ([Compiler.correspond]) to it: what a request over table's rows may
// group and filter by.
func (c *Compiler) conformed(table string) map[int]rendered {
	out := map[int]rendered{}
	for _, f := range c.model.Fields() {
		if f.Kind == semantic.KindDimension || f.Kind == semantic.KindTimeDimension {
			if r, ok := c.correspond(f, table); ok {
				out[f.Index] = r
			}
		}
	}
	return out
}
