package warehouse

import (
	"fmt"
	"strings"
)

// The embedded full build of a mart with attributes and a COUNT(DISTINCT)
// measure (SALES_BY_REP: CUSTOMERS per rep and month, grouped with REP_NAME and
// REGION) groups the rows of most ids by integer keys only. DuckDB's distinct
// aggregate keeps every group column beside each distinct value, so text
// attributes in the key made it the dearest step of the aggregate marts: at
// scale 10 (1M orders) SALES_BY_REP's aggregate took 0.79–1.05 s of CPU
// grouped by (REP_ID, ORDER_MONTH, REP_NAME, REGION) and 0.44 s split as below
// (DuckDB 1.5.6, two loaded cores). The rows split by their id (the key that is
// not the date):
//
//   - ids whose rows carry one combination of attributes (every id, unless a
//     dimension table holds an id twice with different values) are grouped by
//     the key alone, their attributes read as MIN, which is that one value;
//   - the ids with several combinations are grouped as [Mart.Select] groups
//     them, by key and attributes.
//
// Both parts yield the columns of the mart's aggregate stage in its order,
// with the same values, so the mart is the same row for row.

// splitBase returns the split aggregate stage, and false for a mart it does
// not serve: one without attributes or without a distinct measure, or whose
// key has other than one column beside the date.
func (m Mart) splitBase(b sqlb) (string, bool) {
	id, ok := m.idKey()
	if !ok || len(m.attributes) == 0 || !m.hasDistinct() {
		return "", false
	}
	fct := b.Ref(tblFctOrders)
	cols := []string{b.Q(id.Source)}
	for _, a := range m.attributes {
		cols = append(cols, b.Q(a.Source))
	}
	const multi = `"__MULTI"`
	with := fmt.Sprintf("WITH %s AS (\n  SELECT %s FROM (SELECT DISTINCT %s FROM %s) a GROUP BY %s HAVING COUNT(*) > 1\n)\n",
		multi, b.Q(id.Source), strings.Join(cols, ", "), fct, b.Q(id.Source))
	in := b.C("f", id.Source) + " IN (SELECT " + b.Q(id.Source) + " FROM " + multi + ")"

	var sel, group []string
	for _, k := range m.Key {
		sel = append(sel, b.C("f", k.Source)+" AS "+b.Q(k.Column))
		group = append(group, b.C("f", k.Source))
	}
	for _, a := range extrasOf(b, m.attributes) {
		sel = append(sel, "MIN("+a.expr+") AS "+b.Q(a.name))
	}
	for _, a := range aggsOf(b, m.measures) {
		sel = append(sel, a.expr+" AS "+b.Q(a.name))
	}
	single := "SELECT " + strings.Join(sel, ", ") + "\nFROM " + fct + " f" + where("NOT "+in) +
		"\nGROUP BY " + strings.Join(group, ", ")
	several := m.base(b, in)
	return "SELECT * FROM (\n" + indent(with+single+"\nUNION ALL\n"+several) + "\n) s", true
}

// idKey returns the mart's one key column that is not its date key.
func (m Mart) idKey() (KeyColumn, bool) {
	date, _ := m.DateKey()
	var out []KeyColumn
	for _, k := range m.Key {
		if k != date {
			out = append(out, k)
		}
	}
	if len(out) != 1 {
		return KeyColumn{}, false
	}
	return out[0], true
}

func (m Mart) hasDistinct() bool {
	for _, ms := range m.measures {
		if ms.Agg == AggCountDistinct {
			return true
		}
	}
	return false
}
