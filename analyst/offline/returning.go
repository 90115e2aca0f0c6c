package offline

import (
	"slices"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// returningOverlap is what the reading says of returning customers counted
// over more than one month: the model counts a customer as returning in a
// month after the month of their first order, so over a quarter or a year a
// customer new in it who ordered again in a later month is new and returning
// both, and new plus returning customers can exceed all customers.
const returningOverlap = "returning: ordered in a month after the month of their first order, so a customer new in the period who ordered again in a later month counts as new and as returning"

// explainReturning adds returningOverlap to the reading of in when it counts
// returning customers over more than one month (no grain of a month or finer
// splits them).
func (r *Resolver) explainReturning(in *intent) {
	rc := r.lexMetric("returning customers")
	if in.firstBefore != "" {
		// a follow-up of such a question: read again for its own period
		in.metrics, in.firstBefore = []string{rc}, ""
	}
	if rc == "" || !slices.Contains(in.metrics, rc) {
		return
	}
	switch in.grain {
	case dialect.Month, dialect.Week, dialect.Day:
		return
	}
	for _, p := range in.periods {
		if p.from.Year() == p.to.Year() && p.from.Month() == p.to.Month() {
			return
		}
	}
	if dc := r.countOf["customer_id"]; len(in.metrics) == 1 && len(in.periods) == 1 && !in.compare && in.grain == "" && in.rank == 0 &&
		dc != "" && r.firstOrder != "" && len(in.periods[0].without) == 0 {
		// "returning customers in 2025" alone: the customers of the period
		// who had first ordered before it, so new + returning = all
		from := in.periods[0].from.Format(time.DateOnly)
		in.metrics, in.firstBefore = []string{dc}, from
		in.explain = appendNew(in.explain, "returning: the customers who ordered in it and had first ordered before "+from)
		return
	}
	in.explain = appendNew(in.explain, returningOverlap)
}

// fromCustomers reports whether the question names customers after "from"
// ("revenue from customers who had ordered before"): whose figure it is.
func (r *Resolver) fromCustomers(items []item) bool {
	for i := range items {
		if m, ok := items[i].reading(kMetric); ok && m.name == r.countOf["customer_id"] && fromBefore(items, i) {
			return true
		}
	}
	return false
}
