package offline

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// monthCounts are the counts of months a part of a year is said in, as
// digits and words.
var monthCounts = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"}

// init adds the parts of a year said as a count of its months: "the first
// nine months of 2025" is January through September, "the last 4 months of
// 2025" September through December (the first 3 and 6 are a quarter and a
// half, already rewritten so).
func init() {
	for n := 1; n < len(monthCounts); n++ {
		first := strings.ToLower(time.Month(n).String())
		last := strings.ToLower(time.Month(13 - n).String())
		for _, c := range []string{strconv.Itoa(n), monthCounts[n]} {
			for _, of := range []string{"of", "in"} {
				addRewrite("first "+c+" months "+of, "january through "+first+" of")
				addRewrite("last "+c+" months "+of, last+" through december of")
				addRewrite("final "+c+" months "+of, last+" through december of")
			}
		}
	}
	// "which products sold the most": the products ranked by what they
	// sold, not the count of products sold ("products sold" is that measure)
	for _, what := range []string{"products", "items", "skus", "categories"} {
		for _, most := range []string{"the most", "most", "the least", "least", "the fewest", "fewest", "the best", "best", "the worst", "worst"} {
			addRewrite(what+" sold "+most, what+" that sold "+most)
		}
	}
}

// addRewrite adds a rewrite unless the phrase has one already.
func addRewrite(from, to string) {
	if _, ok := rewrites[from]; !ok {
		rewrites[from] = to
	}
}

// repNouns name the sales reps, or the staff.
var repNouns = toSet("salespeople", "salesperson", "reps", "rep", "sellers", "executives", "staff", "employees",
	"representatives", "team", "salesman", "salesmen", "saleswoman", "saleswomen")

// payVerbs say what someone was paid.
var payVerbs = toSet("earn", "earned", "earns", "paid", "pay", "salary", "salaries", "wages", "compensation", "commission", "commissions", "bonus", "bonuses")

// forUs are words after a pay verb that make it the business's takings: "what
// did each rep earn us", "earned in revenue".
var forUs = toSet("us", "revenue", "sales", "money", "dollars", "for", "the", "most", "least", "more", "less")

// repPay declines a question about what the reps earned ("what did our
// salespeople earn in 2025"): their pay, which the model does not hold; it
// was read as their revenue, another question. "What did each rep earn
// us", "which rep earned the most revenue" stay the revenue they brought in.
func repPay(ws []word) *decline {
	for i, w := range ws {
		if !payVerbs[w.text] || !slices.ContainsFunc(ws[max(0, i-3):i], func(v word) bool { return repNouns[v.text] }) {
			continue
		}
		if i+1 < len(ws) && forUs[ws[i+1].text] {
			continue
		}
		return &decline{kind: DeclineNotInModel, outside: []string{w.orig}, reason: "The model has no data on what the sales reps are paid (" + strconv.Quote(w.orig) +
			"): it holds the revenue, orders and quotas of each rep, not salaries, commissions or bonuses. Ask for revenue by rep instead."}
	}
	return nil
}
