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
}

// amountAfter reads the amount that follows the threshold word at item i
// ("over $5,000", "at least 1.5k dollars"), marking what it reads as used.
func amountAfter(items []item, i int) (amountFilter, bool) {
	n := neighbour(items, i+1)
	if n == nil || n.kind != kNumber || n.used {
		return amountFilter{}, false
	}
	if p := neighbour(items, i+2); p != nil && (p.kw(kwShare) || !n.dollar && (p.is(kMetric) || p.is(kDim)) && !currencyWords[p.text]) {
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

// currencyWords may follow an amount.
var currencyWords = toSet("dollars", "dollar", "usd", "bucks", "dollar")

// with sets the comparison from the threshold word: over/above/more than are
// strict, at least and minimum are not; likewise under and at most.
func (a amountFilter) with(phrase string, more bool) amountFilter {
	inclusive := map[string]bool{"at least": true, "min": true, "minimum": true, "at most": true,
		"up to": true, "max": true, "maximum": true}[phrase]
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
		if i := slices.Index(in.metrics, m); i >= 0 && strings.HasSuffix(dim, "_name") && len(in.dims) == 0 && !slices.Contains(in.dims, dim) {
			in.metrics = slices.Delete(in.metrics, i, i+1)
			in.dims, in.countKept = []string{dim}, howMany // "how many customers spent over $100k": counted
		}
	}
	if len(in.dims) != 1 || in.rank != 0 || in.grain != "" || len(in.periods) > 1 {
		return unsupported("I read %s as what was spent in all, but not whose total to keep: ask \"customers who spent %s\" or \"how many customers spent %s\"", in.keepAmount.said(), in.keepAmount.said(), in.keepAmount.said())
	}
	in.metrics, in.defaulted = []string{r.revenue}, false
	return nil
}

// String says the threshold: "over $5,000".
func (a amountFilter) String() string {
	word := map[string]string{">": "over", ">=": "of at least", "<": "under", "<=": "of at most"}[a.op]
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
