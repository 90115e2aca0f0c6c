package offline

import (
	"slices"

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
	in.explain = appendNew(in.explain, returningOverlap)
}
