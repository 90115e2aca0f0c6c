package offline

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Question classes the grammar reads from words that only count in a context:
// a size said of orders with a threshold, "more" in a comparison, a quota
// "hit", the gross figure "before discounts", a ratio ("revenue divided by
// customers", "the average customer's spend"), a whole list "highest first",
// and groups named before what is ranked in them ("for every region, which
// rep …").

// seen are the context words of a question, gathered while it is parsed.
type seen struct {
	sort                      int // +1 highest first, -1 lowest first
	gross, divide, vs         bool
	size, comparative, attain []string
	groupFirst                string // a group named before a ranking: "for every region"
	distinct                  bool   // "different", "unique": a count of distinct things
	average                   bool   // "average", "on average"
	miss                      bool   // "missed", "fell short of" (a quota)
	sizeRank                  bool   // a ranking by size: "the smallest orders", "the biggest deals"
	gain                      bool   // "won", "gained" (customers): the new ones
	grossWord                 string // the words that said "before discounts"
	revenueVerb               bool   // revenue said by a verb ("bring in", "spend"), which a ratio of it may say too
	distance                  bool   // a ranking by how far above or below ("furthest below quota"): of an attainment
	net                       bool   // revenue said as net ("net", "after discounts"): with gross, both figures
}

// netWords say the revenue is net of discounts: with a gross word, the
// question asks for both ("gross vs net revenue").
var netWords = toSet("net", "net revenue", "net sales", "after discounts", "after discount", "net of discounts", "net of discount")

// sizeRanks rank by size: said of a count's things with "average" they rank
// by the things' size, not by their number.
var sizeRanks = toSet("smallest", "largest", "biggest", "greatest")

// soldThings are the dimensions whose values are things sold: "how many Books
// did we sell" counts units.
var soldThings = toSet("category", "product_name")

// unitNouns counted ("how many items were sold") are units, not products.
var unitNouns = toSet("item", "piece")

// filterValue is a named filter that keeps one value of a dimension
// (online_orders is channel = 'Online'): its negation is that value left out.
type filterValue struct{ dim, value string }

// filterValues reads the named filters of the form DIM = 'value'.
func filterValues(m *semantic.Model) map[string]filterValue {
	byExpr := map[string]string{}
	for _, f := range m.Fields() {
		if f.Kind == semantic.KindDimension {
			byExpr[strings.ToUpper(strings.TrimSpace(f.Expr))] = f.Name
		}
	}
	out := map[string]filterValue{}
	for _, f := range m.Fields() {
		if f.Kind != semantic.KindFilter {
			continue
		}
		col, v, ok := strings.Cut(f.Expr, " = '")
		if dim := byExpr[strings.ToUpper(strings.TrimSpace(col))]; ok && dim != "" && strings.HasSuffix(v, "'") && !strings.ContainsAny(v[:len(v)-1], "'") {
			out[f.Name] = filterValue{dim: dim, value: v[:len(v)-1]}
		}
	}
	return out
}

// accountFor returns the context words whose context is missing: they are not
// understood. Said with their context, they are read (see settleClasses).
func (r *Resolver) accountFor(in *intent, sw *seen) []string {
	var out []string
	orderSize := len(in.amounts) > 0 || slices.ContainsFunc(in.metrics, r.isRatio) || sw.average
	if twoValues(in) && (len(sw.comparative) > 0 || len(sw.size) > 0 && !orderSize) {
		sw.vs = true // "which sold more, East or West", "was Online or Phone bigger": side by side
		return out
	}
	if !orderSize {
		out = append(out, sw.size...) // "large orders": how large?
	}
	if !in.compare && !sw.vs && len(in.periods) < 2 {
		out = append(out, sw.comparative...) // "more" than what?
	}
	if len(sw.attain) > 0 && twoValues(in) && !r.asksQuota(in) && !slices.ContainsFunc(sw.attain, func(w string) bool { return !outdid[strings.ToLower(w)] }) {
		sw.vs, sw.attain = true, nil // "did Phone beat Partner": the two side by side
		return out
	}
	if len(sw.attain) > 0 && !r.asksQuota(in) && !slices.ContainsFunc(sw.attain, namesQuota) {
		for _, w := range sw.attain {
			if !strings.Contains(strings.ToLower(w), "against") {
				out = append(out, w) // "hit" what?
			}
		}
		sw.attain, sw.miss = nil, false
	}
	return out
}

// outdid are the attainment words that also set two things side by side.
var outdid = toSet("beat", "surpassed", "exceeded", "exceed", "beats", "exceeds")

// namesQuota reports whether an attainment phrase names the quota itself
// ("made quota", "missed their quota").
func namesQuota(phrase string) bool {
	l := strings.ToLower(phrase)
	return strings.Contains(l, "quota") || strings.Contains(l, "number") // "make his number"
}

// asksQuota reports whether the intent names a rate per period the model sets
// revenue against (the reps' quota) or its attainment.
func (r *Resolver) asksQuota(in *intent) bool {
	return slices.ContainsFunc(in.metrics, func(m string) bool { return m == r.quota || m == r.attainment && m != "" })
}

// settleClasses applies the context words to the intent: the gross figure,
// quota attainment, ratios, a sorted list and values set side by side. average
// is cleared when a ratio accounts for it.
func (r *Resolver) settleClasses(in *intent, sw *seen, average, change *bool) *decline {
	if d := r.quotaOf(in); d != nil {
		return d
	}
	if sw.gross {
		gross, ok := r.metricReading("gross revenue")
		if !ok {
			return &decline{kind: DeclineNotInModel, reason: "The model has no gross figure before discounts."}
		}
		i := slices.Index(in.metrics, r.revenue)
		switch {
		case i >= 0 && sw.net && !slices.Contains(in.metrics, gross.name):
			in.metrics = slices.Insert(in.metrics, i, gross.name) // "gross vs net revenue": both
		case i >= 0:
			in.metrics[i] = gross.name
		case len(in.metrics) == 0:
			in.metrics = []string{gross.name}
		case !slices.Contains(in.metrics, gross.name) && notFlagWords["is_discounted"] != nil && slices.Contains(notFlagWords["is_discounted"], sw.grossWord) && r.isFlag("is_discounted"):
			// "undiscounted orders", "units sold at full price": of a count, the
			// orders with no discount
			in.notFlags = appendNew(in.notFlags, "is_discounted")
		case !slices.Contains(in.metrics, gross.name):
			return unsupported("I read %q as before discounts, but %s has no gross figure: ask for gross revenue", "gross", joinAnd(labels(in.metrics)))
		}
	}
	if r.attainment != "" && (len(sw.attain) > 0 || in.hit != "" || slices.Equal(in.metrics, []string{r.attainment})) {
		// "hit their quota", "quota attainment by rep": revenue against quota,
		// the two figures the attainment divides shown with it
		if slices.Contains(in.metrics, r.attainment) && in.orderBy == "" {
			in.orderBy = r.attainment // "the highest quota attainment": ranked by it
		}
		in.metrics = []string{r.revenue, r.quota, r.attainment}
	}
	if sw.divide {
		ratio := ""
		for i := 0; i+1 < len(in.metrics) && ratio == ""; i++ {
			ratio = r.ratio[[2]string{in.metrics[i], in.metrics[i+1]}]
		}
		if ratio == "" || len(in.metrics) > 3 || len(in.metrics) == 3 && !slices.Contains(in.metrics, ratio) {
			return unsupported("I can divide only where the model defines the ratio (revenue per customer, average order value), not %s", joinAnd(labels(in.metrics)))
		}
		in.metrics = []string{ratio} // "customer value: revenue divided by number of customers"
	}
	if *average && in.grain == "" {
		r.averageOf(in, sw, average)
	}
	if sw.sort != 0 && in.rank == 0 {
		in.sorted = sw.sort
	}
	if change != nil && *change && len(in.periods) == 0 && twoValues(in) {
		*change, sw.vs = false, true // "the difference between online and phone revenue"
	}
	if sw.vs && !in.compare {
		for _, f := range in.filters {
			if !f.not && len(f.values) > 1 {
				in.dims = appendNew(in.dims, f.dim) // "East against West": one row each
			}
		}
	}
	return nil
}

// grainWithin reads two time grains of one question as a finer grain ranked
// within a coarser one ("the best month of each year", "for every year,
// which month …"): the coarser becomes the model's dimension of that grain
// (order_year), the finer the time grain. ok is false when they are not two
// different grains or the model has no such dimension.
func (r *Resolver) grainWithin(a, b dialect.Grain) (outer string, inner dialect.Grain, ok bool) {
	if a == "" || b == "" || a == b {
		return "", "", false
	}
	order := []dialect.Grain{dialect.Day, dialect.Week, dialect.Month, dialect.Quarter, dialect.Year}
	if slices.Index(order, a) > slices.Index(order, b) {
		a, b = b, a
	}
	outer = dateField[:strings.Index(dateField, "_")+1] + string(b) // order_year
	if _, err := r.model.Lookup(outer, semantic.KindDimension, semantic.KindTimeDimension); err != nil {
		return "", "", false
	}
	return outer, a, true
}

// quotaYear gives an annual quota asked with no period ("the West's total
// annual quota") the last complete year: a quota is a rate per month, summed
// over a year it is the annual quota. The "annual" or "yearly" said of it
// names that year, not a grouping by year.
func (r *Resolver) quotaYear(in *intent, ws []word, today time.Time) {
	// a quota asked alone with no period ("Marco Tucker's quota") is the
	// annual one too: the reps' quota is set by the year
	annual := in.grain == dialect.Year || slices.ContainsFunc(ws, func(w word) bool { return annualWords[w.text] }) ||
		slices.Equal(in.metrics, []string{r.quota}) && in.grain == ""
	if !slices.Contains(in.metrics, r.quota) || r.quota == "" || len(in.periods) > 0 || in.compare || !annual {
		return // a quota with revenue and no period or "annual" is declined: over what months?
	}
	p, _, _, err := relative(true, 0, dialect.Year, today, 0)
	if err != nil {
		return
	}
	in.grain, in.periods = "", []period{p}
	in.notes = append(in.notes, "No period was named, so the quota is the annual one, over "+p.label+".")
}

// annualWords say a figure is a year's.
var annualWords = toSet("annual", "yearly", "annually", "annualized")

// quotaHolders are the dimensions a quota is set for: each rep, and the reps
// of a region.
var quotaHolders = toSet("rep_name", "rep_id", "region")

// quotaOf declines a quota (a target) asked of anything but reps and regions:
// the model holds no target per category, product, customer or channel.
func (r *Resolver) quotaOf(in *intent) *decline {
	if !r.asksQuota(in) {
		return nil
	}
	var others []string
	for _, d := range in.dims {
		if !quotaHolders[d] {
			others = appendNew(others, label(d))
		}
	}
	for _, f := range in.filters {
		if !quotaHolders[f.dim] {
			others = appendNew(others, label(f.dim))
		}
	}
	if len(others) == 0 {
		return nil
	}
	return &decline{kind: DeclineNotInModel, outside: others, reason: fmt.Sprintf(
		"The model holds a sales quota for each rep (and so for the reps of a region), not a target per %s.", joinOr(others))}
}

// twoValues reports whether the intent keeps two or more values of one
// dimension.
func twoValues(in *intent) bool {
	return slices.ContainsFunc(in.filters, func(f valueFilter) bool { return !f.not && len(f.values) > 1 })
}

// averageOf reads "average" with no period: said of a ratio it restates it
// ("average order value"); said of the size of what a count counts ("bigger
// orders on average") it is revenue per that thing; said of a measure per counted thing ("the average
// customer's spend", "average spend per client") it is the model's ratio of
// the two (revenue per customer).
func (r *Resolver) averageOf(in *intent, sw *seen, average *bool) {
	if slices.ContainsFunc(in.metrics, r.isRatio) {
		*average = false
		return
	}
	if len(in.metrics) == 1 && (len(sw.size) > 0 || sw.sizeRank) {
		if ratio := r.ratio[[2]string{r.revenue, in.metrics[0]}]; ratio != "" {
			in.metrics, *average = []string{ratio}, false // "bigger orders on average": order size
			return
		}
	}
	m := r.revenue
	if len(in.metrics) == 1 {
		m = in.metrics[0]
	} else if len(in.metrics) > 1 {
		return
	}
	for _, d := range in.dims {
		count, ok := r.countOf[d]
		if ratio := r.ratio[[2]string{m, count}]; ok && ratio != "" {
			in.metrics = []string{ratio}
			in.dims = slices.DeleteFunc(in.dims, func(x string) bool { return x == d })
			*average = false
			return
		}
	}
}

// groupsFirst reads a group named before a ranking as the group the ranking
// is within: "for every region, which rep sold the most", "each region's
// biggest month".
func (in *intent) groupsFirst(sw *seen) bool {
	if sw.groupFirst == "" || in.rank == 0 || len(in.dims) == 0 || in.dims[0] != sw.groupFirst {
		return false
	}
	switch {
	case len(in.dims) == 2:
		in.dims[0], in.dims[1] = in.dims[1], in.dims[0]
		return true
	case len(in.dims) == 1 && in.grain != "":
		return true
	}
	return false
}

// isRatio reports whether a metric is a ratio of two others (average order
// value, revenue per customer).
func (r *Resolver) isRatio(m string) bool { return r.ratios[m] }

// ratiosOf finds the metrics defined as one metric over another:
// SUM(net_amount) / NULLIF(COUNT(DISTINCT customer_id), 0) is revenue per
// customer.
func ratiosOf(exprs map[string]string) (map[[2]string]string, map[string]bool) {
	out, is := map[[2]string]string{}, map[string]bool{}
	for ea, a := range exprs {
		for eb, b := range exprs {
			if mt, ok := exprs[ea+" / nullif ( "+eb+" , 0 )"]; ok {
				out[[2]string{a, b}] = mt
				is[mt] = true
			}
		}
	}
	for e, mt := range exprs {
		if strings.Contains(e, " / ") || strings.HasPrefix(e, "avg (") {
			is[mt] = true // an average already: "on average" restates it
		}
	}
	return out, is
}

// orMoreAfter finds "or more" / "or less" right after the number at item i,
// or after its currency ("ten thousand dollars or more").
func orMoreAfter(items []item, i int) *item {
	for j := i + 1; j <= i+2 && j < len(items); j++ {
		n := &items[j]
		switch {
		case n.kw(kwOrMore) || n.kw(kwOrLess):
			return n
		case !currencyWords[n.text]:
			return nil
		}
	}
	return nil
}

// amountPair reports whether the number at item i is the first of "between
// N and M" amounts (a currency word may follow N).
func amountPair(items []item, i int) bool {
	j := i + 1
	if n := neighbour(items, j); n != nil && currencyWords[n.text] {
		j++
	}
	and, hi := neighbour(items, j), neighbour(items, j+1)
	if and != nil && and.kind == kNumber && and.amount != "" && j == i+1 && items[i].money && and.money {
		return true // "$1,000-$2,000": two amounts side by side
	}
	if prev := neighbour(items, i-1); (prev == nil || !prev.kw(kwBetween)) && !(items[i].money && hi != nil && hi.money) && !currencyAfter(items, j+1) {
		return false // "from 1000 to 2000" without a currency is no pair of amounts
	}
	// "from $500 up to $1,000": up to the second
	upTo := and != nil && and.text == "up to" && neighbour(items, i-1) != nil && neighbour(items, i-1).kw(kwFrom)
	return and != nil && (and.kw(kwAnd) || and.kw(kwTo) || upTo) && hi != nil && hi.kind == kNumber && hi.amount != ""
}

// currencyAfter reports whether a currency word follows the number at item i
// ("one to two thousand dollars": amounts).
func currencyAfter(items []item, i int) bool {
	n := neighbour(items, i+1)
	return n != nil && currencyWords[n.text]
}

// floorOrCeiling is the threshold of an amount followed by "or more" / "or
// less": "$10k or more" keeps orders of at least $10,000.
func floorOrCeiling(n *item, more bool, field string) amountFilter {
	v, _ := decimal.NewFromString(n.amount)
	a := amountFilter{field: field, value: v, op: "<="}
	if more {
		a.op = ">="
	}
	return a
}
