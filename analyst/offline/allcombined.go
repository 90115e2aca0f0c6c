package offline

import (
	"fmt"
	"slices"
	"strings"
)

// totalWords ask for one figure.
var totalWords = toSet("total", "sum", "combined", "overall", "aggregate", "altogether", "entire", "whole")

// allOfWords may come between "all" and what it names ("all of our reps").
var allOfWords = toSet("of", "our", "the", "my", "your", "their")

// allCombined reads "the total quota of all reps", "total revenue across all
// regions" as one figure over every rep or region, not one each: the total
// word asks for one, and "all" says which are in it. Asked by, per or for
// each of them ("total revenue by rep"), or ranked, they stay one each.
func allCombined(in *intent, ws []word, items []item) {
	if len(in.dims) != 1 || in.rank != 0 || in.grain != "" || in.perGroup || in.countAll || in.countHit || in.keepAmount != nil || len(in.shares) > 0 {
		return
	}
	j, k := totalOfAll(ws)
	if k == 0 {
		return
	}
	named := slices.ContainsFunc(items, func(it item) bool {
		m, ok := it.reading(kDim)
		return ok && m.name == in.dims[0] && strings.HasPrefix(it.orig, ws[k].orig)
	})
	if named {
		in.notes = append(in.notes, fmt.Sprintf("%q is read as one total over them all, not one figure each.", joinOrig(ws[j:k+1])))
		in.dims, in.sorted = nil, 0
	}
}

// totalOfAll finds "all" (at j) and the word it names (at k) in a question
// asking for a total and for no figure each; k is 0 when there is none.
func totalOfAll(ws []word) (j, k int) {
	total := false
	for _, w := range ws {
		total = total || totalWords[w.text]
		if eachWords[w.text] || w.text == "by" || w.text == "breakdown" || w.text == "split" || w.text == "list" {
			return 0, 0
		}
	}
	if !total {
		return 0, 0
	}
	for j, w := range ws {
		if w.text != "all" {
			continue
		}
		k := j + 1
		for k < len(ws) && allOfWords[ws[k].text] {
			k++
		}
		if k < len(ws) {
			return j, k
		}
	}
	return 0, 0
}
