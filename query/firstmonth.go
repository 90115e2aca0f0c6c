package query

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// New customers per month without reading the orders. A metric of the form
//
//	COUNT(DISTINCT CASE WHEN customers.first_order_month = orders.order_month THEN orders.customer_id END)
//
// (the model's new_customers) counts, in each month, the customers who ordered
// that month for the first time. When nothing narrows the orders but whole
// months of their date, every customer whose first order falls in one of the
// range's months is counted once, in that month: the metric is then the
// customers table's count of rows (acquired_customers) grouped by, and
// restricted to, the month of its first-order date — a read of the customers
// mart alone instead of a join of every order to it. The planner makes that
// substitution only when the declarations prove it:
//
//   - the CASE compares a time dimension of the related table that is
//     DATE_TRUNC('MONTH', X) with the orders' month of the request's date
//     dimension (the same SQL as that dimension truncated to the month), and
//     counts the orders' side of their many-to-one relationship, whose other
//     side is the related table's one-column primary key;
//   - the related table is a warehouse mart keyed by that column alone, and X
//     is its stored minimum of that date over FCT_ORDERS
//     ([warehouse.AggMin]): each customer's first order ever is in X's month;
//   - the related table has a metric counting its rows (COUNT(*));
//   - the request has no dimension, filter or other clause, groups by the
//     month of that date or not at all, and its range starts and ends on whole
//     months.
//
// Only a split request (apart.go) uses it, as a half after the first: a month
// with orders but no new customer has no row here, so the half is left-joined
// to the first one's groups and its count is 0 there, as the metric's is.

// firstMonth is a metric that the customers mart answers as above.
type firstMonth struct {
	orderDate semantic.Field // the orders' date whose month the CASE compares
	firstDate semantic.Field // the related table's first-order date (X)
	count     semantic.Field // the related table's COUNT(*) metric
	key       semantic.Field // the related table's primary key
}

// prepareFirstMonths finds the metrics of the form above.
func (c *Compiler) prepareFirstMonths() {
	for _, f := range c.model.Fields() {
		if f.Kind != semantic.KindMetric || f.Table == "" {
			continue
		}
		if fm, ok := c.matchFirstMonth(f); ok {
			if c.firsts == nil {
				c.firsts = map[int]firstMonth{}
			}
			c.firsts[f.Index] = fm
		}
	}
}

// matchFirstMonth reports whether metric f has the form above, with what
// proves it.
func (c *Compiler) matchFirstMonth(f semantic.Field) (firstMonth, bool) {
	var fm firstMonth
	base, ok := c.baseTable(f.Table)
	if !ok || !strings.EqualFold(base, warehouse.FctOrders().Name) {
		return fm, false
	}
	ast, err := c.parsed(f)
	if err != nil {
		return fm, false
	}
	call, ok := ast.(sqlparse.Call)
	if !ok || call.Name != "COUNT" || !call.Distinct || len(call.Args) != 1 {
		return fm, false
	}
	cs, ok := call.Args[0].(sqlparse.Case)
	if !ok || cs.Operand != nil || cs.Else != nil || len(cs.Whens) != 1 {
		return fm, false
	}
	eq, ok := cs.Whens[0].Cond.(sqlparse.Binary)
	if !ok || eq.Op != "=" {
		return fm, false
	}
	l, lok := c.refField(eq.L)
	r, rok := c.refField(eq.R)
	k, kok := c.refField(cs.Whens[0].Then)
	if !lok || !rok || !kok || !strings.EqualFold(k.Table, f.Table) {
		return fm, false
	}
	mine, theirs := l, r
	if !strings.EqualFold(l.Table, f.Table) {
		mine, theirs = r, l
	}
	if !strings.EqualFold(mine.Table, f.Table) || strings.EqualFold(theirs.Table, f.Table) {
		return fm, false
	}
	if fm.key, ok = c.manyToOneKey(f.Table, theirs.Table, k); !ok {
		return fm, false
	}
	mart, ok := c.keyedMart(theirs.Table, fm.key)
	if !ok {
		return fm, false
	}
	x, ok := c.monthOf(theirs)
	if !ok {
		return fm, false
	}
	src := ""
	for _, m := range mart.Measures() {
		if m.Column == x && m.Agg == warehouse.AggMin {
			src = m.Source
		}
	}
	for _, g := range c.model.Fields() {
		if g.Kind != semantic.KindTimeDimension {
			continue
		}
		col, isCol := c.physicalColumn(g)
		switch {
		case !isCol:
		case strings.EqualFold(g.Table, f.Table) && col == src && c.trunc[g.Index][dialect.Month] == c.fields[mine.Index].sql:
			fm.orderDate = g
		case strings.EqualFold(g.Table, theirs.Table) && col == x && fm.firstDate.Name == "":
			fm.firstDate = g
		}
	}
	for _, g := range c.model.Fields() {
		if g.Kind == semantic.KindMetric && strings.EqualFold(g.Table, theirs.Table) && fm.count.Name == "" {
			if n, err := c.parsed(g); err == nil {
				if cnt, ok := n.(sqlparse.Call); ok && cnt.Name == "COUNT" && cnt.Star && !cnt.Distinct {
					fm.count = g
				}
			}
		}
	}
	return fm, src != "" && fm.orderDate.Name != "" && fm.firstDate.Name != "" && fm.count.Name != ""
}

// refField resolves a qualified reference to a model field.
func (c *Compiler) refField(n sqlparse.Node) (semantic.Field, bool) {
	ref, ok := n.(sqlparse.Ref)
	if !ok || ref.Table == "" {
		return semantic.Field{}, false
	}
	f, err := c.model.Lookup(ref.Table + "." + ref.Name)
	return f, err == nil
}

// manyToOneKey returns the primary key of table right when left relates to it
// many to one on exactly left's field k and that key.
func (c *Compiler) manyToOneKey(left, right string, k semantic.Field) (semantic.Field, bool) {
	var pk []string
	for _, t := range c.model.Tables {
		if strings.EqualFold(t.Name, right) && t.PrimaryKey != nil {
			pk = t.PrimaryKey.Columns
		}
	}
	if len(pk) != 1 {
		return semantic.Field{}, false
	}
	for _, r := range c.model.Relationships {
		if !strings.EqualFold(r.LeftTable, left) || !strings.EqualFold(r.RightTable, right) ||
			r.RelationshipType != semantic.ManyToOne || len(r.RelationshipColumns) != 1 {
			continue
		}
		rc := r.RelationshipColumns[0]
		if strings.EqualFold(rc.LeftColumn, k.Name) && strings.EqualFold(rc.RightColumn, pk[0]) && rc.Type == "" {
			key, err := c.model.Lookup(right + "." + pk[0])
			return key, err == nil
		}
	}
	return semantic.Field{}, false
}

// keyedMart returns the warehouse mart table is on when the mart's key is
// key's column alone.
func (c *Compiler) keyedMart(table string, key semantic.Field) (warehouse.Mart, bool) {
	base, ok := c.baseTable(table)
	col, isCol := c.physicalColumn(key)
	if !ok || !isCol {
		return warehouse.Mart{}, false
	}
	for _, m := range warehouse.AllMarts() {
		if strings.EqualFold(m.Table.Name, base) && len(m.Key) == 1 && m.Key[0].Column == col {
			return m, true
		}
	}
	return warehouse.Mart{}, false
}

// monthOf returns X when f's expression is DATE_TRUNC('MONTH', X) of a column.
func (c *Compiler) monthOf(f semantic.Field) (string, bool) {
	n, err := c.parsed(f)
	if err != nil {
		return "", false
	}
	call, ok := n.(sqlparse.Call)
	if !ok || call.Name != "DATE_TRUNC" || len(call.Args) != 2 {
		return "", false
	}
	unit, ok := call.Args[0].(sqlparse.Lit)
	ref, rok := call.Args[1].(sqlparse.Ref)
	if !ok || !rok || unit.Kind != sqlparse.LitString || !strings.EqualFold(unit.Value, "month") || (ref.Table != "" && !strings.EqualFold(ref.Table, f.Table)) {
		return "", false
	}
	return ref.Name, true
}

// firstMonthHalf plans h, one distinct count of a split request, over the
// related mart as above; ok is false when h is not of that form. The plan's
// groups are the months with new customers only (plan.sparse).
func (c *Compiler) firstMonthHalf(h Request) (*plan, Route, bool) {
	if len(c.rollups) == 0 || len(h.Metrics) != 1 || len(h.Dimensions) > 0 || h.Where != nil || h.Having != nil ||
		len(h.Filters) > 0 || h.Dates == nil || h.Compare != nil || len(h.Shares) > 0 || h.Rank != nil ||
		len(h.Windows) > 0 || h.PerPeriod != nil || h.Limit != 0 || h.Offset != 0 {
		return nil, Route{}, false
	}
	m, err := c.model.Lookup(h.Metrics[0], semantic.KindMetric)
	if err != nil {
		return nil, Route{}, false
	}
	fm, ok := c.firsts[m.Index]
	if !ok || !c.isField(h.Dates.Dimension, fm.orderDate, h.Time) {
		return nil, Route{}, false
	}
	if h.Time != nil && (h.Time.Grain != dialect.Month || !c.isField(h.Time.Dimension, fm.orderDate, nil)) {
		return nil, Route{}, false
	}
	from, to, err := h.Dates.Range.Resolve(c.now())
	if err != nil || !from.Equal(firstOfMonth(from)) || !to.Equal(firstOfMonth(to).AddDate(0, 1, -1)) || to.Before(from) {
		return nil, Route{}, false
	}
	orig, err := c.plan(h, nil)
	if err != nil {
		return nil, Route{}, false
	}
	aux := Request{Metrics: []string{fm.count.QualifiedName()}, Where: IsNotNull(fm.key.QualifiedName()),
		Dates: &DateFilter{Dimension: fm.firstDate.QualifiedName(), Range: Dates(from, to)}}
	if h.Time != nil {
		aux.Time = &TimeGrain{Dimension: fm.firstDate.QualifiedName(), Grain: dialect.Month}
	}
	p, err := c.plan(aux, nil)
	if err != nil || len(p.columns) != len(orig.columns) {
		return nil, Route{}, false
	}
	for i := range p.columns {
		want := orig.columns[i]
		if p.columns[i].Kind != want.Kind {
			return nil, Route{}, false
		}
		p.items[i] = strings.TrimSuffix(p.items[i], " AS "+p.columns[i].quoted) + " AS " + want.quoted
		p.columns[i] = want
	}
	p.sparse = true
	return p, Route{Table: c.tableName(p.table), Rollup: true}, true
}

// isField reports whether name (empty: the time grain's dimension) names f.
func (c *Compiler) isField(name string, f semantic.Field, t *TimeGrain) bool {
	if name == "" && t != nil {
		name = t.Dimension
	}
	g, err := c.model.Lookup(name, semantic.KindTimeDimension)
	return err == nil && g.Index == f.Index
}
