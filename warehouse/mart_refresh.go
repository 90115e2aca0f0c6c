package warehouse

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// An embedded incremental refresh folds the FCT_ORDERS rows that just arrived
// (a relation newRel holding a copy of them, already appended to FCT_ORDERS)
// into each aggregate mart, at a cost that follows the batch, not the period
// it falls in. The mart's rows of the groups the batch touches are merged
// with the batch's own aggregate: sums and counts add, minimums and maximums
// take the lesser and the greater. FCT_ORDERS is not re-aggregated.
//
// A distinct count does not add: a customer of the batch may have ordered in
// the same group before. The batch counts, per group, only the customers with
// no earlier fact in that group. Those earlier facts are read once per
// refresh, for every mart ([PriorFactsSQL]): the facts of the batch's
// customers in the batch's years, not the batch's own — a few per customer of
// the batch. Each mart then joins the batch's (group, customer) pairs to them.
//
// Before, every touched group was re-aggregated from FCT_ORDERS: at scale 10
// the five year marts each recounted the distinct customers of the whole
// current year (half a million facts) on every refresh.

// distinctOf is the FCT_ORDERS column every distinct count of the marts
// counts; [PriorFactsSQL] keeps the earlier facts of the batch's values of it.
const distinctOf = "CUSTOMER_ID"

// PriorFactsSQL returns the SELECT of the facts before the batch that the
// marts' distinct counts need ([Mart.RefreshSteps]): the FCT_ORDERS rows of
// the customers of the new facts in relation newRel, in the years the new
// facts span (bound as two arguments, the lowest and the highest ORDER_YEAR
// of the new facts), other than the new facts themselves, with the columns
// the marts group them by. Every mart with a distinct count has a date or a
// year in its key, so no group it touches lies outside those years. The
// customers and the batch's own rows are plain joins to small build sides:
// written as EXISTS and NOT EXISTS, DuckDB took the distinct correlated values
// of every scanned fact first.
func PriorFactsSQL(d dialect.Dialect, n Names, newRel string) string {
	b := sqlb{D: d, N: n}
	seen := map[string]bool{}
	var cols []string
	for _, m := range AggregateMarts() {
		if !m.hasDistinct() {
			continue
		}
		for _, ms := range m.measures {
			if ms.Agg == AggCountDistinct && ms.Source != distinctOf {
				panic("warehouse: " + m.Table.Name + " counts distinct " + ms.Source + ", not " + distinctOf)
			}
		}
		for _, k := range append(m.groupCols(), KeyColumn{distinctOf, distinctOf}) {
			if !seen[k.Source] {
				seen[k.Source] = true
				cols = append(cols, b.C("f", k.Source))
			}
		}
	}
	return fmt.Sprintf("SELECT %s\nFROM %s f\nJOIN (SELECT DISTINCT %s FROM %s nw) nw ON %s = %s\nLEFT JOIN %s x ON %s = %s\nWHERE %s BETWEEN CAST(? AS %s) AND CAST(? AS %s) AND %s IS NULL",
		strings.Join(cols, ", "), b.Ref(tblFctOrders), b.C("nw", distinctOf), newRel, b.C("nw", distinctOf), b.C("f", distinctOf),
		newRel, b.C("x", "ORDER_ID"), b.C("f", "ORDER_ID"),
		b.C("f", "ORDER_YEAR"), d.TypeName(dialect.Int()), d.TypeName(dialect.Int()), b.C("x", "ORDER_ID"))
}

// RefreshSteps returns the statements, in order, that fold the FCT_ORDERS rows
// of relation newRel into the mart in dialect d, given the earlier facts of
// the batch's customers in relation priorRel ([PriorFactsSQL]), through a
// temporary table named scratch. A mart without window columns replaces the
// rows of the groups the new rows touch. A windowed mart (running totals,
// moving averages, ranks) runs its window stage over all its merged rows and
// replaces the rows that changed: new orders of the last days change the
// running totals of those days, not of the years before, and a rewrite of the
// whole mart (12,000 rows of SALES_BY_PRODUCT at scale 10) filled the
// write-ahead log, whose checkpoint then stalled a refresh now and then. None
// takes arguments.
func (m Mart) RefreshSteps(d dialect.Dialect, n Names, newRel, priorRel, scratch string) []string {
	b := sqlb{D: d, N: n}
	ref := b.Ref(m.Table)
	create := "CREATE OR REPLACE TEMP TABLE " + scratch + " AS\n"
	if m.windowed {
		var keys []KeyColumn // a row's group, by the mart's own column names
		for _, k := range m.groupCols() {
			keys = append(keys, KeyColumn{k.Column, k.Column})
		}
		rewritten := sameRow(b, scratch, "m", keys, func(k KeyColumn) string { return k.Column })
		return []string{
			create + "SELECT * FROM (\n" + indent(m.enrich(b, "(\n"+indent(m.mergedBase(b, newRel, priorRel, ""))+"\n) b")) +
				"\n) w\nEXCEPT\nSELECT * FROM " + ref,
			"DELETE FROM " + ref + " m WHERE " + rewritten,
			"INSERT INTO " + ref + " SELECT * FROM " + scratch,
			"DROP TABLE " + scratch,
		}
	}
	touched := m.touched(b, newRel, "m", func(k KeyColumn) string { return k.Column })
	return []string{
		create + m.mergedBase(b, newRel, priorRel, touched),
		"DELETE FROM " + ref + " m WHERE " + touched,
		"INSERT INTO " + ref + "\n" + m.enrich(b, scratch+" b"),
		"DROP TABLE " + scratch,
	}
}

// groupCols are the columns the mart's aggregate stage groups by: its key,
// then its attributes.
func (m Mart) groupCols() []KeyColumn {
	return append(append([]KeyColumn(nil), m.Key...), m.attributes...)
}

// mergedBase returns the aggregate stage's rows after the new facts in
// newRel: the mart's rows (alias m) that meet oldCond ("" for all of them),
// merged with the batch's aggregate group by group.
func (m Mart) mergedBase(b sqlb, newRel, priorRel, oldCond string) string {
	old := make([]string, len(m.baseCols))
	for i, c := range m.baseCols {
		old[i] = b.C("m", c)
	}
	var sel, on []string
	for _, k := range m.groupCols() {
		sel = append(sel, fmt.Sprintf("COALESCE(%s, %s) AS %s", b.C("o", k.Column), b.C("n", k.Column), b.Q(k.Column)))
		on = append(on, b.C("o", k.Column)+" = "+b.C("n", k.Column))
	}
	for _, ms := range m.measures {
		sel = append(sel, mergeMeasure(b, ms)+" AS "+b.Q(ms.Column))
	}
	// DISTINCT: a mart whose last step joins a dimension held twice (a rep
	// under one name and region with two quotas) stores a group's row twice;
	// merged twice and joined again, it would double on every refresh.
	return fmt.Sprintf("SELECT %s\nFROM (SELECT DISTINCT %s FROM %s m%s) o\nFULL JOIN (\n%s\n) n ON %s",
		strings.Join(sel, ", "), strings.Join(old, ", "), b.Ref(m.Table), where(oldCond), indent(m.batchBase(b, newRel, priorRel)), strings.Join(on, " AND "))
}

// mergeMeasure returns measure ms of a group from its value before the batch
// (alias o) and the batch's (alias n); either side may be missing.
func mergeMeasure(b sqlb, ms Measure) string {
	o, nw := b.C("o", ms.Column), b.C("n", ms.Column)
	switch ms.Agg {
	case AggMin:
		return fmt.Sprintf("LEAST(COALESCE(%s, %s), COALESCE(%s, %s))", o, nw, nw, o)
	case AggMax:
		return fmt.Sprintf("GREATEST(COALESCE(%s, %s), COALESCE(%s, %s))", o, nw, nw, o)
	}
	// sum, count, and a distinct count of values new to the group
	return fmt.Sprintf("COALESCE(%s, 0) + COALESCE(%s, 0)", o, nw)
}

// batchBase returns the aggregate stage over the new facts in newRel alone,
// where each distinct count counts only the values the group had no fact of
// in priorRel.
func (m Mart) batchBase(b sqlb, newRel, priorRel string) string {
	from := newRel + " f"
	aggs := aggsOf(b, m.measures)
	for i, ms := range m.measures {
		if ms.Agg != AggCountDistinct {
			continue
		}
		p := fmt.Sprintf("p%d", i)
		keys := append(m.groupCols(), KeyColumn{ms.Source, ms.Source})
		on := make([]string, len(keys))
		for j, k := range keys {
			on[j] = b.C(p, k.Source) + " = " + b.C("f", k.Source)
		}
		prior := priorPairs(b, newRel, priorRel, keys)
		from += fmt.Sprintf("\nLEFT JOIN (\n%s\n) %s ON %s", indent(prior), p, strings.Join(on, " AND "))
		aggs[i].expr = fmt.Sprintf("COUNT(DISTINCT CASE WHEN %s IS NULL THEN %s END)", b.C(p, ms.Source), b.C("f", ms.Source))
	}
	return aggregateFrom(b, from, m.Key, extrasOf(b, m.attributes), aggs, "")
}

// priorPairs returns the distinct values of keys (FCT_ORDERS columns) of the
// earlier facts in priorRel that some new fact in newRel shares: a join to
// the batch's distinct values of keys.
func priorPairs(b sqlb, newRel, priorRel string, keys []KeyColumn) string {
	cols, batch, on := make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		cols[i], batch[i] = b.C("f", k.Source), b.C("nw", k.Source)
		on[i] = batch[i] + " = " + cols[i]
	}
	return fmt.Sprintf("SELECT DISTINCT %s\nFROM %s f\nJOIN (SELECT DISTINCT %s FROM %s nw) nw ON %s",
		strings.Join(cols, ", "), priorRel, strings.Join(batch, ", "), newRel, strings.Join(on, " AND "))
}
