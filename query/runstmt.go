package query

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// Over a mart on DuckDB, Run (and Stream) execute Query.SQL without the casts
// that change nothing there: a metric that is the mart's DECIMAL(38,s) column,
// or its SUM (DuckDB sums a DECIMAL(38,s) to a DECIMAL(38,s)), is already of
// the metric's type, as SQL written by hand against the mart reads it; and
// where the query has GROUP BY, an order count re-aggregated as
// CAST(COALESCE(SUM(c), 0) AS BIGINT) is read as SUM(c) (leanGroup). The
// engine binds, plans and executes every cast of every statement anew, which
// for a query over a few hundred stored rows is a measurable part of its cost.
// Query.SQL keeps the casts: it states the result types for whoever runs it,
// on either engine. The values Run returns are the same, to the decimal place.

// leanSel returns expr, a metric's SQL over the mart before castTo, when on
// DuckDB it already has the metric's type t: a DECIMAL(38,s) column of the mart
// or its SUM for a DECIMAL(38,s) metric, a BIGINT column (or COALESCE of it
// and 0) for a whole-number one — not its SUM, which DuckDB widens to HUGEINT.
// "" when the cast is needed.
func (c *Compiler) leanSel(ro *rollup, expr string, t typ) string {
	if c.d != dialect.DuckDB {
		return ""
	}
	expr = unparen(expr)
	for _, col := range ro.mart.Table.Columns {
		q := ro.table.alias + "." + c.d.Quote(col.Name)
		switch {
		case t.kind == KindDecimal && col.Type == dialect.Decimal(38, t.scale) && (expr == q || expr == "SUM("+q+")"):
			return expr
		case t.kind == KindInt && col.Type == dialect.Int() && (expr == q || expr == "COALESCE("+q+", 0)"):
			return expr
		}
	}
	return ""
}

// leanGroup returns, for a count re-aggregated over the mart as
// COALESCE(SUM(c), 0) of its NOT NULL BIGINT column c, SUM(c): in a query with
// GROUP BY every group has a row, so the sum is never NULL, and Run reads
// DuckDB's HUGEINT sum as the same int64 (the scanner checks that it fits).
// "" for any other metric.
func (c *Compiler) leanGroup(ro *rollup, expr string, t typ) string {
	if c.d != dialect.DuckDB || t.kind != KindInt {
		return ""
	}
	expr = unparen(expr)
	for _, col := range ro.mart.Table.Columns {
		sum := "SUM(" + ro.table.alias + "." + c.d.Quote(col.Name) + ")"
		if col.Type == dialect.Int() && !col.Nullable && expr == "COALESCE("+sum+", 0)" {
			return sum
		}
	}
	return ""
}

// leanItems returns the select items Run executes for a plan a mart answers:
// p.items with each metric in its lean form where it has one (leanSel). ok is
// false when no item changes.
func (c *Compiler) leanItems(p *plan, rt Route) (items []string, ok bool) {
	if !rt.Rollup || c.d != dialect.DuckDB {
		return p.items, false
	}
	var ro *rollup
	for _, r := range c.rollups {
		if r.name == rt.Table && r.over == p.table {
			ro = r
			break
		}
	}
	if ro == nil {
		return p.items, false
	}
	for i, m := range p.metrics {
		rf, at := ro.fields[m.Index], p.metricAt+i
		quoted := p.columns[at].quoted
		var lean string
		switch {
		case rf.leanGroup != "" && p.grouped && len(p.groupBy) > 0 && isItem(p.items[at], rf.sel, quoted):
			lean = rf.leanGroup
		case rf.leanSel != "" && isItem(p.items[at], rf.sel, quoted):
			lean = rf.leanSel
		case rf.leanRow != "" && isItem(p.items[at], rf.rowSel, quoted):
			lean = rf.leanRow
		default:
			continue
		}
		if !ok {
			items, ok = append([]string(nil), p.items...), true
		}
		items[at] = lean + " AS " + quoted
	}
	if !ok {
		return p.items, false
	}
	return items, true
}

// isItem reports whether item is `expr AS quoted`.
func isItem(item, expr, quoted string) bool {
	return len(item) == len(expr)+len(" AS ")+len(quoted) && strings.HasPrefix(item, expr) &&
		strings.HasSuffix(item, quoted) && item[len(expr):len(item)-len(quoted)] == " AS "
}
