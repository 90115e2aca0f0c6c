package offline

import (
	"slices"
	"strings"
)

// Negation said after what it leaves out, and negation of a yes/no dimension.

// notAfterWords leave out the value before them: "2025 revenue with the West
// excluded", "revenue with returns taken out", "the West aside". Written
// before a value they leave it out too ("excluded the West").
var notAfterWords = []string{"excluded", "aside", "left out", "taken out", "removed", "stripped out", "omitted",
	"not included", "excepted", "set aside", "put aside", "left aside", "to one side", "carved out", "backed out",
	"netted out", "kept out", "filtered out", "discounted out"}

// notAfterSet is notAfterWords as a set.
var notAfterSet = toSet(notAfterWords...)

// notAfter moves a negation written after the values it leaves out ("the
// West and the East excluded") before them, where the grammar reads it.
func notAfter(items []item) {
	for i := 1; i < len(items); i++ {
		it := items[i]
		if !it.kw(kwNot) || !notAfterSet[it.text] || !negatable(&items[i-1]) {
			continue
		}
		if i+1 < len(items) && negatable(&items[i+1]) {
			continue // "… excluded West": before its value already
		}
		j := i - 1
		for j >= 2 && items[j-1].kw(kwAnd) && negatable(&items[j-2]) {
			j -= 2 // "the West and the East excluded"
		}
		copy(items[j+1:i+1], items[j:i])
		items[j] = it
		for k := j; k <= i; k++ {
			items[k].pos = k
		}
	}
}

// negatable reports whether an item is a value or a named filter a negation
// may leave out.
func negatable(it *item) bool { return it.is(kValue) || it.is(kFilter) }

// fromBefore reports whether the item at i ends a "from …" phrase of values
// and flags: "revenue from full-price orders" is whose revenue, not a count.
func fromBefore(items []item, i int) bool {
	j := i - 1
	for j >= 0 && (negatable(&items[j]) || items[j].kw(kwNot) || items[j].is(kDim) && !items[j].is(kMetric) ||
		items[j].kind == kNumber && items[j].amount != "" || items[j].kw(kwOrMore) || items[j].kw(kwOrLess) || items[j].kw(kwSize)) {
		// "revenue from $5k+ orders", "from big orders": which orders
		j--
	}
	return j >= 0 && items[j].kw(kwFrom) && (i+1 >= len(items) || !items[i+1].kw(kwAnd))
}

// valueNext reports whether item i is a value, or "by"/"from"/"in" and a
// value ("not online or by phone": both left out).
func valueNext(items []item, i int) bool {
	if it := neighbour(items, i); it != nil && (it.kw(kwBy) || it.kw(kwFrom)) {
		i++
	}
	it := neighbour(items, i)
	return it != nil && it.is(kValue)
}

// notBefore reports whether a word that is not a negation by itself leaves
// out the value after it: "revenue minus returns", "2025 sales less the
// West" (with no amount after, "less" is not a threshold).
func notBefore(it, next *item) bool {
	return (it.text == "minus" || it.text == "less") && next != nil && negatable(next)
}

// isCount reports whether a metric counts things (orders, customers).
func (r *Resolver) isCount(m string) bool {
	return r.countsADimension(m)
}

// countSaid reports whether the question names a count in words ("the
// number of orders", "order count").
func countSaid(items []item) bool {
	return slices.ContainsFunc(items, func(it item) bool {
		return it.is(kMetric) && (strings.Contains(it.text, "number") || strings.Contains(it.text, "count"))
	})
}
