package offline

import (
	"slices"
	"strconv"
	"strings"
)

// lastWord is the last word of a number's text: "hundred" of "two hundred".
func lastWord(text string) string { return text[strings.LastIndexByte(text, ' ')+1:] }

// spelledSmall reports whether an item is a number word under a hundred
// ("five", "fifty") that no multiplier follows ("five hundred" is its own).
func spelledSmall(items []item, i int) bool {
	if i >= len(items) || items[i].kind != kNumber {
		return false
	}
	v := numberWords[items[i].text]
	next := i + 1
	return v > 0 && v < 100 && (next >= len(items) || !multipliers[items[next].text])
}

// addsToScaled reports whether items[i] continues the scaled number before it
// ("two hundred fifty", "one hundred and five"): a number word under a
// hundred after a multiplier, or an "and" between the two. A range ("between
// one hundred and five") keeps its "and".
func addsToScaled(prev item, items []item, i int) bool {
	if prev.kind != kNumber || !multipliers[lastWord(prev.text)] {
		return false
	}
	if items[i].text == "and" {
		between := slices.ContainsFunc(items[:i], func(it item) bool { return it.text == "between" })
		return !between && spelledSmall(items, i+1)
	}
	return spelledSmall(items, i)
}

// joinScaled adds a spelled number just scaled by a smaller multiplier to the
// scaled number before it: "two thousand five hundred" is 2500, not 2000 and
// 500.
func joinScaled(out []item, by int) []item {
	n := len(out)
	if n < 2 {
		return out
	}
	p, last := &out[n-2], out[n-1]
	if p.kind != kNumber || !multipliers[lastWord(p.text)] || numberWords[strings.Fields(last.text)[0]] == 0 || p.n <= by || p.n%(by*10) != 0 {
		return out
	}
	p.n += last.n
	p.amount = strconv.Itoa(p.n)
	p.text, p.orig = p.text+" "+last.text, p.orig+" "+last.orig
	return out[:n-1]
}
