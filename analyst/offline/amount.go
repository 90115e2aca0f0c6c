package offline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/query"
)

// amountFilter keeps the orders whose own amount passes a threshold: "orders
// over $5,000" compares each order's net amount, before anything is summed.
type amountFilter struct {
	field string // the fact the revenue sums: each order's amount
	op    string // >, >=, <, <=
	value decimal.Decimal
	// total is set when the amount is compared with a group's metric
	// ("states with revenue over $20M", "categories with more than 10,000
	// orders"): a condition on each group's total, never on one order;
	// count when that total is a count, said without a currency sign.
	total, count bool
	// pct says the value, a fraction, as a percent ("below 80% of quota")
	pct bool
}

// percentOfQuotaAfter reads a threshold on quota attainment at the threshold
// word at item i: "below 80% of quota", "at least 90 percent of their
// annual quota" keep the reps whose attainment compares with 0.8, 0.9.
func (r *Resolver) percentOfQuotaAfter(items []item, i int) (amountFilter, bool) {
	n, p := neighbour(items, i+1), neighbour(items, i+2)
	if r.attainment == "" || r.quota == "" || n == nil || n.kind != kNumber || n.used || n.amount == "" || p == nil {
		return amountFilter{}, false
	}
	if m, ok := p.reading(kMetric); !ok || m.name != r.attainment {
		// not "80 percent of quota" in one: "80 %" then "of their annual quota"
		q := neighbour(items, i+3)
		if q != nil && q.kind == kGrain {
			q = neighbour(items, i+4)
		}
		if !p.kw(kwShare) || q == nil {
			return amountFilter{}, false
		}
		if m, ok := q.reading(kMetric); !ok || m.name != r.quota {
			return amountFilter{}, false
		}
	}
	v, err := decimal.NewFromString(n.amount)
	if err != nil {
		return amountFilter{}, false
	}
	n.used = true
	if p.kw(kwShare) {
		p.used = true
	}
	return amountFilter{field: r.attainment, value: v.Div(decimal.NewFromInt(100)), total: true, pct: true}, true
}

// amountAfter reads the amount that follows the threshold word at item i
// ("over $5,000", "at least 1.5k dollars"), marking what it reads as used.
func amountAfter(items []item, i int) (amountFilter, bool) {
	n := neighbour(items, i+1)
	if n == nil || n.kind != kNumber || n.used {
		return amountFilter{}, false
	}
	if p := countedAfter(items, i+2); p != nil && (p.kw(kwShare) || !n.dollar && (p.is(kMetric) || p.is(kDim)) && !currencyWords[p.text]) {
		// "above 100% of quota": a percent; "customers with more than 5
		// orders": a count of them; never an order's amount
		return amountFilter{}, false
	}
	v, err := decimal.NewFromString(n.amount)
	if err != nil {
		return amountFilter{}, false
	}
	n.used = true
	if u := neighbour(items, i+2); u != nil && currencyWords[u.text] {
		u.used = true
	}
	return amountFilter{value: v}, true
}

// totalAfter reads a threshold on a group's metric at the threshold word at
// item i: a metric just before it compared with money ("revenue over $20M",
// "sales of more than 1m"), or a count followed by what it counts ("more than
// 10,000 orders", "over 500 units"). Orders said before a money amount
// ("orders over $5,000") are each order's amount, not this.
func (r *Resolver) totalAfter(items []item, i int) (amountFilter, bool) {
	n := neighbour(items, i+1)
	if n == nil || n.kind != kNumber || n.used {
		return amountFilter{}, false
	}
	if p := countedAfter(items, i+2); p != nil && !n.dollar && n.amount != "" && !currencyWords[p.text] {
		m, ok := p.reading(kMetric)
		if d, isDim := p.reading(kDim); !ok && isDim && unitNouns[p.sing()] && d.name == "product_name" && r.lexMetric("units sold") != "" {
			m, ok = meaning{kind: kMetric, name: r.lexMetric("units sold")}, true // "orders with more than 5 items": units
			p.used = true
		}
		if ok && !r.ratios[m.name] {
			v, err := decimal.NewFromString(n.amount)
			if err != nil {
				return amountFilter{}, false
			}
			n.used = true
			return amountFilter{field: m.name, value: v, total: true, count: true}, true
		}
		if p.is(kDim) || p.is(kValue) || p.kind == kUnknown {
			return amountFilter{}, false
		} // "a quantity above 20 in 2025": the measure said before
	}
	prev := neighbour(items, i-1)
	if prev != nil && prev.text == "of" {
		prev = neighbour(items, i-2)
	}
	m, ok := prev.reading(kMetric)
	if prev == nil || !ok || r.countsADimension(m.name) || r.ratios[m.name] || revenueVerbs[prev.text] || strings.Contains(prev.text, "order") {
		// "an order value over $5,000": one order's amount
		return amountFilter{}, false
	}
	a, ok := amountAfter(items, i)
	if !ok {
		return amountFilter{}, false
	}
	a.field, a.total = m.name, true
	a.count = !n.money && !n.dollar && m.name == r.lexMetric("units sold") // "a quantity above 20": units, not dollars
	return a, true
}

// countedAfter is the item at i, past a word saying each is counted once
// ("more than 420 different customers").
func countedAfter(items []item, i int) *item {
	if p := neighbour(items, i); p != nil && p.kw(kwDistinct) {
		return neighbour(items, i+1)
	}
	return neighbour(items, i)
}

// currencyWords may follow an amount.
var currencyWords = toSet("dollars", "dollar", "usd", "bucks", "dollar")

// with sets the comparison from the threshold word: over/above/more than are
// strict, at least and minimum are not; likewise under and at most.
func (a amountFilter) with(phrase string, more bool) amountFilter {
	inclusive := map[string]bool{"at least": true, "min": true, "minimum": true, "at most": true,
		"up to": true, "max": true, "maximum": true, "no fewer than": true, "no less than": true, "not less than": true,
		"no more than": true, "not more than": true, "at or above": true, "at or over": true, "at or below": true, "at or under": true}[phrase]
	switch {
	case more && inclusive:
		a.op = ">="
	case more:
		a.op = ">"
	case inclusive:
		a.op = "<="
	default:
		a.op = "<"
	}
	return a
}

// filter is the request's condition.
func (a amountFilter) filter() query.Filter {
	v := a.value.String()
	switch a.op {
	case ">":
		return query.Gt(a.field, v)
	case ">=":
		return query.Ge(a.field, v)
	case "<":
		return query.Lt(a.field, v)
	}
	return query.Le(a.field, v)
}

// said is the threshold in words, without "of": "over $100,000", "at least $5,000".
func (a amountFilter) said() string { return strings.TrimPrefix(a.String(), "of ") }

// keptByTotal settles a threshold on what each group spent in all
// ("customers who spent over $100k"): the groups kept by their revenue —
// counted when the question counts them ("how many customers") — or, when
// the question does not say whose total, a decline.
func (r *Resolver) keptByTotal(in *intent, howMany bool) *decline {
	if in.keepAmount == nil {
		return nil
	}
	for dim, m := range r.countOf {
		if i := slices.Index(in.metrics, m); i >= 0 && m != in.keepAmount.field && strings.HasSuffix(dim, "_name") && len(in.dims) == 0 {
			in.metrics = slices.Delete(in.metrics, i, i+1)
			in.dims, in.countKept = []string{dim}, howMany // "how many customers spent over $100k": counted
		}
	}
	if a := *in.keepAmount; a.total && len(in.dims) == 0 && in.grain == "" && !a.count && r.amountFact != "" && !in.countKept {
		// "revenue over $5,000" with no group to total: each order's amount
		a.field, a.total, in.keepAmount = r.amountFact, false, nil
		in.amounts = append(in.amounts, a)
		return nil
	}
	if len(in.dims) == 0 && in.grain != "" && in.rank == 0 {
		in.keepAmount.total = true // "which months brought in more than $16.5M": each month's own total
	}
	if in.keepAmount.total {
		// "which states had revenue over $20M": the states' own totals;
		// "which months had revenue over $2M": each month's
		r.dropCountedDim(in)
		byGroup := len(in.dims) == 1 && in.grain == "" && r.countOf[in.dims[0]] != in.keepAmount.field
		byPeriod := len(in.dims) == 0 && in.grain != ""
		if !byGroup && !byPeriod || in.rank != 0 || len(in.periods) > 1 {
			return unsupported("I read %s as a condition on each group's %s, but not which groups to keep: ask \"which regions had %s %s\"", in.keepAmount.said(), label(in.keepAmount.field), label(in.keepAmount.field), in.keepAmount.said())
		}
		in.metrics, in.defaulted = appendNew(in.metrics, in.keepAmount.field), false
		if in.countAll || in.countKept || byPeriod && howMany {
			// "how many states had revenue over $1M": the states kept, counted
			in.metrics, in.countAll, in.countKept = []string{in.keepAmount.field}, false, true
		}
		return nil
	}
	if len(in.dims) != 1 || in.rank != 0 || in.grain != "" || len(in.periods) > 1 {
		return unsupported("I read %s as what was spent in all, but not whose total to keep: ask \"customers who spent %s\" or \"how many customers spent %s\"", in.keepAmount.said(), in.keepAmount.said(), in.keepAmount.said())
	}
	in.metrics, in.defaulted = []string{r.revenue}, false
	return nil
}

// dropCountedDim drops a group that a count threshold counts from the groups
// kept: in "which states had more than 100 customers" the customers are what
// each state's total counts, not a second group.
func (r *Resolver) dropCountedDim(in *intent) {
	if !in.keepAmount.count || len(in.dims) < 2 {
		return
	}
	for dim, m := range r.countOf {
		if i := slices.Index(in.dims, dim); i > 0 && m == in.keepAmount.field {
			in.dims = slices.Delete(in.dims, i, i+1)
		}
	}
}

// String says the threshold: "over $5,000".
func (a amountFilter) String() string {
	word := map[string]string{">": "over", ">=": "of at least", "<": "under", "<=": "of at most"}[a.op]
	if a.count {
		return fmt.Sprintf("%s %s", word, groupThousands(a.value.String()))
	}
	if a.pct {
		return fmt.Sprintf("%s %s%%", word, a.value.Mul(decimal.NewFromInt(100)).String())
	}
	return fmt.Sprintf("%s $%s", word, groupThousands(a.value.StringFixed(2)))
}

// groupThousands writes 5000.00 as 5,000 and 1234.50 as 1,234.50.
func groupThousands(s string) string {
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" && frac != "00" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
