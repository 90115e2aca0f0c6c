package offline

import (
	"fmt"
	"slices"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// returningRule is what the reading says of returning customers counted over
// more than one month: one rule wherever they are asked, so that new and
// returning customers add up to the period's customers. (The model's metric
// counts a customer returning in a month after the month of their first
// order; by month both rules agree, over a quarter or a year a customer new
// in it who ordered again later would be new and returning both.)
const returningRule = "returning: the customers who ordered in it and had first ordered before %s, so new + returning = the period's customers"

// customerDims are the dimensions every order of a customer shares: split by
// them, or kept to one of their values, a customer is new or returning in
// the group as in the whole.
var customerDims = toSet("customer_id", "customer_name", "segment", "industry", "state")

// Difference asks for one metric of a request's result less another, row by
// row, in a column of its own: the returning customers of a period are its
// customers less its new ones (returningRule).
type Difference struct {
	// Of and Less are the metrics, as the request names them; As names the
	// added column.
	Of, Less, As string
}

// subtract adds the column d.As to res: each row's d.Of − d.Less, exactly,
// or nil where either is missing.
func subtract(res *query.Result, d Difference) error {
	of, less := slices.IndexFunc(res.Columns, func(c query.Column) bool { return c.Name == d.Of }),
		slices.IndexFunc(res.Columns, func(c query.Column) bool { return c.Name == d.Less })
	if of < 0 || less < 0 {
		return fmt.Errorf("offline: difference: the result has no column %q or %q", d.Of, d.Less)
	}
	res.Columns = append(res.Columns, query.Column{Name: d.As, Kind: res.Columns[of].Kind, Scale: res.Columns[of].Scale,
		Field: res.Columns[of].Field, Role: query.RoleMetric})
	for i, row := range res.Rows {
		a, okA := exactOf(row[of])
		b, okB := exactOf(row[less])
		var v any
		if okA && okB {
			v = a.Sub(b)
			if _, isInt := row[of].(int64); isInt {
				v = a.Sub(b).IntPart()
			}
		}
		res.Rows[i] = append(row, v)
	}
	return nil
}

// explainReturning applies returningRule wherever in counts returning
// customers over more than one month (no grain of a month or finer splits
// them): alone, the customers of the period who had first ordered before it;
// beside the new customers, the period's customers less the new ones,
// computed after the query (a Difference) — only where the groups and
// filters are the customers' own, whole months. What the rule cannot read
// is declined, saying why.
func (r *Resolver) explainReturning(in *intent) *decline {
	rc, nc, dc := r.lexMetric("returning customers"), r.lexMetric("new customers"), r.countOf["customer_id"]
	if in.firstBefore != "" || in.rest != nil {
		// a follow-up of such a question: read again for its own period
		in.metrics, in.firstBefore, in.rest = r.unrest(in), "", nil
	}
	if rc == "" || !slices.Contains(in.metrics, rc) {
		return nil
	}
	switch in.grain {
	case dialect.Month, dialect.Week, dialect.Day:
		return nil
	}
	for _, p := range in.periods {
		if p.from.Year() == p.to.Year() && p.from.Month() == p.to.Month() {
			return nil
		}
	}
	if dc == "" || r.firstOrder == "" || len(in.periods) != 1 || in.compare || in.grain != "" || in.rank != 0 ||
		len(in.periods[0].without) > 0 || in.part != nil || len(in.shares) > 0 || in.perPeriod != "" {
		return unsupported("I count returning customers of one period as those who ordered in it and had first ordered before it, so new + returning = the period's customers; " +
			"that rule does not extend to this question: ask for one period, or by month")
	}
	from := in.periods[0].from.Format(time.DateOnly)
	p := in.periods[0]
	wholeMonths := p.from.Day() == 1 && p.to.AddDate(0, 0, 1).Day() == 1
	own := !slices.ContainsFunc(in.dims, func(d string) bool { return !customerDims[d] }) &&
		!slices.ContainsFunc(in.filters, func(f valueFilter) bool { return !customerDims[f.dim] }) &&
		len(in.amounts) == 0 && len(in.flags) == 0 && len(in.notFlags) == 0 && len(in.named) == 0 && in.keepAmount == nil
	if len(in.metrics) == 1 {
		// "returning customers in 2025": the customers of the period who had
		// first ordered before it
		in.metrics, in.firstBefore = []string{dc}, from
		in.explain = appendNew(in.explain, "returning: the customers who ordered in it and had first ordered before "+from)
		if own && wholeMonths {
			in.explain[len(in.explain)-1] = fmt.Sprintf(returningRule, from)
		}
		return nil
	}
	beside := nc != "" && slices.Equal(in.metrics, []string{nc, rc}) || slices.Equal(in.metrics, []string{rc, nc}) ||
		in.divideBy == dc && slices.Equal(in.metrics, []string{rc, dc})
	if !beside || !wholeMonths || !own {
		return unsupported("I count returning customers of a period as those who ordered in it and had first ordered before it, so new + returning = the period's customers; " +
			"beside other measures, in part of a month, or split by what differs between a customer's orders (region, channel, product) that rule cannot be read: " +
			"ask for new and returning customers of whole months, by segment, industry or state, or for returning customers alone")
	}
	// "new vs returning customers in 2025", "what share of customers were
	// returning": the period's customers less the new ones
	in.rest = &Difference{Of: dc, Less: nc, As: rc}
	in.explain = appendNew(in.explain, fmt.Sprintf(returningRule, from))
	return nil
}

// unrest is in's metrics with the returning customers named again where the
// rule had put the customers in their place.
func (r *Resolver) unrest(in *intent) []string {
	if in.rest != nil {
		return slices.Clone(in.metrics)
	}
	return []string{r.lexMetric("returning customers")}
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
