package query

import (
	"github.com/salesanalytics/salesanalytics/semantic"
)

// A comparison joins the groups of either period: a group with rows only in
// the comparison period is a row whose current sums and counts are 0. When the
// comparison's Having cannot keep such a row — it requires a sum or count of
// the range above zero, as the dashboard's "orders > 0" does — the statement
// starts from the range's groups and left-joins the comparison period's,
// rather than from the union of both periods' groups: the same rows, without
// the union's deduplication.

// zeroedMetrics names the metric columns of cols that a group without rows in
// the range has as 0: sums and counts (a ratio or average is NULL there).
func (c *Compiler) zeroedMetrics(cols []Column) map[string]bool {
	out := map[string]bool{}
	for _, col := range cols {
		if col.Role != RoleMetric {
			continue
		}
		if f, err := c.model.Lookup(col.Field, semantic.KindMetric); err == nil && c.additivityOf(f) != nonAdditive {
			out[col.Name] = true
		}
	}
	return out
}

// keepsRangeGroups reports whether filter h fails on every group whose zeroed
// columns are 0: h is, or is a conjunction with, a comparison of one of them
// that 0 fails (> v with v ≥ 0, or ≥ v with v > 0).
func keepsRangeGroups(h Filter, zeroed map[string]bool) bool {
	switch f := h.(type) {
	case AndFilter:
		for _, part := range f {
			if keepsRangeGroups(part, zeroed) {
				return true
			}
		}
	case Cmp:
		if !zeroed[f.Field] || len(f.Values) != 1 {
			return false
		}
		v, err := exactNumber(f.Values[0]) // as the value is bound: floats are refused
		if err != nil {
			return false
		}
		return (f.Op == OpGt && v.Sign() >= 0) || (f.Op == OpGe && v.Sign() > 0)
	}
	return false
}
