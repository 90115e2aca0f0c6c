package query

import (
	"reflect"
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// A ratio of two metrics that the same request also returns (AOV beside
// revenue and orders) is, on DuckDB, divided by Run in Go, exactly, from the
// two columns it has read — as one would write it by hand: DuckDB has no exact
// decimal division, and its exact form in SQL (dialect.DivRound: scaled HUGEINTs
// and a truncating division) costs the engine more to bind and plan than the
// rest of a small query. Query.SQL still computes it, for whoever runs the SQL
// itself; Run executes the same statement without that column (Query.run) and
// fills it in with decimal.DivRound, which rounds half away from zero exactly as
// DivRound does. The operands must be plain aggregates (SUM or COUNT of a
// column), whose result columns hold exactly the values the SQL divides; a ratio
// the request orders or filters by stays in SQL.

// ratio is a metric that divides two aggregates: the field indexes of the
// metrics that are each (any one of them serves), and the quotient's scale.
type ratio struct {
	num, den []int
	scale    int32
}

// postDiv is a result column Run computes: columns num / den at scale places.
type postDiv struct {
	col, num, den int
	scale         int32
}

// prepareRatios finds, on DuckDB, the metrics that are a / b or
// a / NULLIF(b, 0) of two plain aggregates, each a metric of the model (by
// reference, or by the same expression: SUM(orders.net_amount) is
// total_revenue).
func (c *Compiler) prepareRatios() {
	if c.d != dialect.DuckDB {
		return
	}
	c.ratios = make([]*ratio, len(c.model.Fields()))
	for _, f := range c.model.Fields() {
		if f.Kind != semantic.KindMetric || c.multi[f.Index] {
			continue
		}
		ast, err := c.parsed(f)
		bin, ok := ast.(sqlparse.Binary)
		if err != nil || !ok || bin.Op != "/" {
			continue
		}
		num, den := c.plainMetrics(f.Table, bin.L), c.plainMetrics(f.Table, unguarded(bin.R))
		if len(num) > 0 && len(den) > 0 {
			c.ratios[f.Index] = &ratio{num: num, den: den, scale: int32(divisionScale(c.metTyp[num[0]]))}
		}
	}
}

// plainMetrics returns the metrics of table that n is — a reference to one, or
// the same expression — when it is SUM or COUNT of one column (or COUNT(*)):
// their result columns hold exactly the value the SQL divides.
func (c *Compiler) plainMetrics(table string, n sqlparse.Node) []int {
	if ref, ok := n.(sqlparse.Ref); ok && ref.Table != "" {
		f, err := c.model.Lookup(ref.Table+"."+ref.Name, semantic.KindMetric)
		if err != nil {
			return nil
		}
		table, n = f.Table, c.asts[f.Index]
	}
	if !plainAggregate(n) {
		return nil
	}
	var out []int
	for _, m := range c.model.Fields() {
		if m.Kind == semantic.KindMetric && m.Table != "" && strings.EqualFold(m.Table, table) && reflect.DeepEqual(c.asts[m.Index], n) {
			out = append(out, m.Index)
		}
	}
	return out
}

// plainAggregate reports whether n is SUM or COUNT of one column, or COUNT(*).
func plainAggregate(n sqlparse.Node) bool {
	call, ok := n.(sqlparse.Call)
	if !ok || (call.Name != "SUM" && call.Name != "COUNT") {
		return false
	}
	if call.Star {
		return call.Name == "COUNT"
	}
	if len(call.Args) != 1 {
		return false
	}
	_, isRef := call.Args[0].(sqlparse.Ref)
	return isRef
}

// unguarded drops a NULLIF(x, 0) guard around a divisor: the division is NULL
// for a zero divisor anyway.
func unguarded(den sqlparse.Node) sqlparse.Node {
	if c, ok := den.(sqlparse.Call); ok && c.Name == "NULLIF" && len(c.Args) == 2 {
		if l, ok := c.Args[1].(sqlparse.Lit); ok && l.Kind == sqlparse.LitNumber && strings.Trim(l.Value, "0.") == "" {
			return c.Args[0]
		}
	}
	return den
}

// postDivisions returns the plan's ratio columns Run divides in Go: those whose
// operands are columns of the plan, that nothing orders or filters by.
func (c *Compiler) postDivisions(p *plan) []postDiv {
	if c.ratios == nil || p.having != nil {
		return nil
	}
	var out []postDiv
	for i, m := range p.metrics {
		rt := c.ratios[m.Index]
		if rt == nil || ordered(p.order, p.columns[p.metricAt+i].quoted) {
			continue
		}
		num, den := -1, -1
		for j, o := range p.metrics {
			switch {
			case slices.Contains(rt.num, o.Index):
				num = p.metricAt + j
			case slices.Contains(rt.den, o.Index):
				den = p.metricAt + j
			}
		}
		if num >= 0 && den >= 0 {
			out = append(out, postDiv{col: p.metricAt + i, num: num, den: den, scale: rt.scale})
		}
	}
	return out
}

// ordered reports whether an ORDER BY item sorts by the quoted column.
func ordered(order []string, quoted string) bool {
	for _, o := range order {
		if strings.HasPrefix(o, quoted+" ") {
			return true
		}
	}
	return false
}

// runItems returns a plan's select items without the columns Run computes.
func runItems(items []string, post []postDiv) []string {
	if len(post) == 0 {
		return items
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		if !computed(post, i) {
			out = append(out, it)
		}
	}
	return out
}

func computed(post []postDiv, col int) bool {
	for _, d := range post {
		if d.col == col {
			return true
		}
	}
	return false
}

// divide fills in a row's computed columns: NULL when an operand is NULL or
// the divisor zero, as in SQL.
func (d postDiv) divide(row Row) {
	row[d.col] = nil
	if row[d.num] == nil || row[d.den] == nil {
		return
	}
	num, errN := scan.ToDecimal(row[d.num]) // a decimal.Decimal or an int64
	den, errD := scan.ToDecimal(row[d.den])
	if errN == nil && errD == nil && !den.IsZero() {
		row[d.col] = num.DivRound(den, d.scale)
	}
}
