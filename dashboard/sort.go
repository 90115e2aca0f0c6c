package dashboard

import (
	"cmp"
	"slices"
)

// sortByRevenue returns rows by revenue, highest first, ties by key then id.
func sortByRevenue(rows []aggRow, label func(aggRow) (string, string, int64)) []aggRow {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b aggRow) int {
		if c := b.Revenue.Cmp(a.Revenue); c != 0 {
			return c
		}
		ka, _, ia := label(a)
		kb, _, ib := label(b)
		if c := cmp.Compare(ia, ib); c != 0 {
			return c
		}
		return cmp.Compare(ka, kb)
	})
	return out
}

// sortByMonth returns rows by month, then by the other keys.
func sortByMonth(rows []aggRow) []aggRow {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b aggRow) int {
		if c := a.Month.Compare(b.Month); c != 0 {
			return c
		}
		return cmp.Compare(a.key(), b.key())
	})
	return out
}

// byKey indexes rows by their group key.
func byKey(rows []aggRow) map[string]aggRow {
	m := make(map[string]aggRow, len(rows))
	for _, r := range rows {
		m[r.key()] = r
	}
	return m
}
