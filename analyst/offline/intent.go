package offline

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// valueFilter keeps rows whose dimension is one of values (or none of them).
type valueFilter struct {
	dim    string
	values []string
	not    bool
}

// intent is what a question asks, in the model's terms; a follow-up edits the
// previous question's intent.
type intent struct {
	metrics   []string
	dims      []string
	grain     dialect.Grain // group by the order date at this grain
	filters   []valueFilter
	named     []string // named filters
	periods   []period // one range, or two to compare
	compare   bool
	rank      int // +1 top, -1 bottom, 0 none
	limit     int
	orderBy   string         // the metric a ranking sorts by; empty means the first
	defaulted bool           // the metrics were not named: revenue was assumed
	lastGrain dialect.Grain  // a verified query's "last <grain>", resolved when asked
	notes     []string       // how ambiguous words were read, said in the answer
	amounts   []amountFilter // thresholds on each order's amount
	perGroup  bool           // a ranking within each group of a second dimension
	change    bool           // one change between two periods (query's Compare)
	moved     *changeRank    // which groups changed most or least
	shares    []string       // metrics given as a share of the total
	perPeriod dialect.Grain  // the metric averaged per period of this grain
	part      *partSpec      // a share of this part of the whole (query.PartShare)
	sorted    int            // the whole list sorted by the measure: +1 highest first, -1 lowest first
	// hit, when set, is the attainment metric the groups are kept by: those at
	// 100% or more ("which reps hit their quota"), or below it when hitMiss
	// ("missed"); countHit counts them ("how many reps hit their quota",
	// query's CompileCountGroups)
	hit               string
	hitMiss, countHit bool
	// countAll counts every group of the one dimension ("how many reps do we
	// have", "how many states did we sell to"): those with orders in the
	// question's period and filters, through CompileCountGroups
	countAll bool
	// countBy, when set, counts the groups of the first dimension in each
	// value of these, the further groups ("number of reps by region")
	countBy []string
	// counted is the dimension whose groups a count counts ("how many reps")
	counted string
	// keepAmount, when set, keeps the groups whose total (a sum metric)
	// passes it ("customers who spent over $100k"); countKept counts them
	keepAmount *amountFilter
	countKept  bool
	// firstBefore, when set, keeps the customers whose first order is
	// before this day (returning customers of a period longer than a month)
	firstBefore string
	// rest, when set, computes the returning customers as the period's
	// customers less its new ones (returningRule): the request asks for
	// rest.Of in rest.As's place
	rest     *Difference
	flags    []string // yes/no dimensions that must be true ("orders that got a discount")
	notFlags []string // yes/no dimensions that must be false ("orders with no discount")
	// divideBy, when set, is the metric the first is divided by, per row
	// ("what share of customers were new"): see Division
	divideBy string
	// explain are clauses the reading adds of how a measure is counted
	// (returningOverlap)
	explain []string
	// companion, when set, is a metric of the orders the request adds, and
	// the answer hides, so the catalogue is grouped by its own copy of an
	// order's column (catalogueCompanion)
	companion string
}

func (in *intent) clone() *intent {
	c := *in
	c.metrics = slices.Clone(in.metrics)
	c.dims = slices.Clone(in.dims)
	c.countBy = slices.Clone(in.countBy)
	c.filters = slices.Clone(in.filters)
	c.named = slices.Clone(in.named)
	c.periods = slices.Clone(in.periods)
	c.amounts = slices.Clone(in.amounts)
	c.shares = slices.Clone(in.shares)
	c.flags = slices.Clone(in.flags)
	c.notFlags = slices.Clone(in.notFlags)
	c.explain = slices.Clone(in.explain)
	if in.keepAmount != nil {
		k := *in.keepAmount
		c.keepAmount = &k
	}
	c.part = in.part.clone()
	c.notes = nil
	return &c
}

// dateField is the time dimension every date range and grain applies to.
const dateField = "order_date"

// firstOrderField is the day of a customer's first order ever.
const firstOrderField = "first_order_date"

// MaxGroups is the most dimensions an answer is grouped by, besides time.
const MaxGroups = 2

// request turns the intent into a typed query request.
func (in *intent) request(maxRows int) (query.Request, error) {
	req := query.Request{Metrics: slices.Clone(in.metrics), Filters: slices.Clone(in.named)}
	if in.companion != "" {
		req.Metrics = appendNew(req.Metrics, in.companion)
	}
	if in.rest != nil {
		req.Metrics = slices.DeleteFunc(req.Metrics, func(m string) bool { return m == in.rest.As })
		req.Metrics = appendNew(appendNew(req.Metrics, in.rest.Less), in.rest.Of)
	}
	if len(in.dims) > 0 {
		req.Dimensions = slices.Clone(in.dims) // none is nil, however the groups were dropped
	}
	if len(in.dims) > MaxGroups {
		return req, fmt.Errorf("I can group by at most %d dimensions at once, not %s", MaxGroups, strings.Join(labels(in.dims), ", "))
	}
	grain := in.grain
	where := whereOf(in.filters)
	for _, f := range in.flags {
		where = append(where, query.Eq(f, true))
	}
	for _, f := range in.notFlags {
		where = append(where, query.Eq(f, false))
	}
	for _, a := range in.amounts {
		where = append(where, a.filter())
	}
	if in.firstBefore != "" {
		where = append(where, query.Lt(firstOrderField, in.firstBefore))
	}
	switch {
	case in.compare && in.change:
		// the Compare layer holds both periods (addLayers)
	case in.compare:
		a, b := in.periods[0], in.periods[1]
		where = append(where, query.Or(
			query.Between(dateField, a.from.Format(time.DateOnly), a.to.Format(time.DateOnly)),
			query.Between(dateField, b.from.Format(time.DateOnly), b.to.Format(time.DateOnly))))
		grain = a.unit
	case len(in.periods) == 1:
		p := in.periods[0]
		req.Dates = &query.DateFilter{Dimension: dateField, Range: query.Dates(p.from, p.to)}
		for _, w := range p.without {
			where = append(where, query.Not(query.Between(dateField, w.from.Format(time.DateOnly), w.to.Format(time.DateOnly))))
		}
	}
	req.Where = allOf(where)
	if grain != "" {
		req.Time = &query.TimeGrain{Dimension: dateField, Grain: grain}
	}
	if in.rank != 0 {
		by := in.orderBy
		if by == "" {
			by = in.metrics[0]
		}
		req.OrderBy = []query.Order{{Field: by, Desc: in.rank > 0}}
		req.Limit = in.limit
	}
	if in.rank == 0 && in.sorted != 0 {
		req.OrderBy = []query.Order{{Field: in.metrics[0], Desc: in.sorted > 0}}
	}
	if in.countHit || in.countAll || in.countKept {
		return req, nil // counted (keep): no order, no limit
	}
	if (len(req.Dimensions) > 0 || req.Time != nil) && (req.Limit == 0 || req.Limit > maxRows) {
		req.Limit = maxRows + 1 // one more, to say the answer was cut
	}
	if in.layered() {
		in.addLayers(&req)
		if len(req.Dimensions) > 0 && req.Rank == nil && req.Limit == 0 {
			req.Limit = maxRows + 1
		}
	}
	return req, nil
}

// whereOf is the condition of each value filter.
func whereOf(filters []valueFilter) []query.Filter {
	var where []query.Filter
	for _, f := range filters {
		vs := make([]any, len(f.values))
		for i, v := range f.values {
			vs[i] = v
		}
		var c query.Filter
		switch {
		case len(vs) == 1 && !f.not:
			c = query.Eq(f.dim, vs[0])
		case len(vs) == 1:
			c = query.Ne(f.dim, vs[0])
		case f.not:
			c = query.NotIn(f.dim, vs...)
		default:
			c = query.In(f.dim, vs...)
		}
		where = append(where, c)
	}
	return where
}

// allOf is the conditions ANDed: nil for none, the one itself for one.
func allOf(where []query.Filter) query.Filter {
	switch len(where) {
	case 0:
		return nil
	case 1:
		return where[0]
	}
	return query.And(where...)
}

func labels(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = label(n)
	}
	return out
}

// describe says what the intent asks, for the answer text: "total revenue by
// region for SMB in 2025".
func (in *intent) describe() string {
	var b strings.Builder
	metric := label(orDefault(in.orderBy, in.metrics[0]))
	switch {
	case in.countHit:
		fmt.Fprintf(&b, "the number of %s whose %s %s their %s", plural(label(in.dims[0])), label(in.metrics[0]), in.hitVerb(), label(in.metrics[1]))
	case in.countAll:
		fmt.Fprintf(&b, "the number of %s with orders", plural(label(in.dims[0])))
	case in.countKept:
		fmt.Fprintf(&b, "the number of %s whose %s %s %s", plural(in.keptNoun()), label(in.keepAmount.field), wasOf(in.keepAmount.field), in.keepAmount.said())
	case in.moved != nil:
		_, what := in.rankWords()
		how := map[bool]string{true: "fell most", false: "grew most"}[in.moved.bottom]
		switch {
		case in.moved.every:
			what = plural(what)
			how = map[bool]string{true: "fell", false: "grew"}[in.moved.bottom]
		case in.moved.byPct && in.moved.bottom:
			how = "grew slowest, in percent" // or fell most
		case in.moved.byPct:
			how = "grew fastest, in percent"
		case in.moved.least:
			how = "grew least" // or fell most: the smallest change
		}
		if in.limit > 1 {
			what = fmt.Sprintf("%d %s", in.limit, plural(what)) // "the 2 regions whose …": as many as ranked
		}
		fmt.Fprintf(&b, "the %s whose %s %s", what, metric, how)
	case in.change:
		b.WriteString("the change in " + in.measuresBy())
	case in.divideBy != "":
		b.WriteString(label(in.metrics[0]) + " as a share of " + label(in.divideBy))
		if len(in.dims) > 0 {
			b.WriteString(" by " + joinAnd(labels(in.dims)))
		}
		if in.grain != "" {
			b.WriteString(" by " + string(in.grain))
		}
	case in.part != nil:
		m := joinAnd(labels(in.metrics))
		b.WriteString(m + in.part.words() + " as a share of all " + m)
		if len(in.dims) > 0 {
			b.WriteString(" by " + joinAnd(labels(in.dims)))
		}
		if in.grain != "" {
			b.WriteString(" by " + string(in.grain))
		}
	case in.perPeriod != "":
		b.WriteString("average " + joinAnd(labels(in.metrics)) + " per " + string(in.perPeriod))
		if len(in.dims) > 0 {
			b.WriteString(" by " + joinAnd(labels(in.dims)))
		}
	case in.ranked():
		word, what := in.rankWords()
		if in.limit != 1 {
			what = plural(what)
		}
		fmt.Fprintf(&b, "the %s %d %s by %s", word, in.limit, what, metric)
		if in.perGroup {
			b.WriteString(" in each " + joinAnd(labels(in.groupDims())))
		}
	default:
		b.WriteString(in.measuresBy())
	}
	if len(in.shares) > 0 {
		b.WriteString(", each as a share of the total")
	}
	switch {
	case in.sorted > 0 && in.rank == 0:
		b.WriteString(", highest first")
	case in.sorted < 0 && in.rank == 0:
		b.WriteString(", lowest first")
	}
	if len(in.countBy) > 0 {
		b.WriteString(" by " + joinAnd(labels(in.countBy)))
	}
	for _, f := range in.filters {
		if f.not {
			b.WriteString(" excluding " + label(f.dim) + " " + joinOr(f.values))
		} else {
			b.WriteString(" for " + label(f.dim) + " " + joinOr(f.values))
		}
	}
	for _, n := range in.named {
		b.WriteString(" (" + spoken(n) + ")")
	}
	for _, f := range in.flags {
		b.WriteString(" that " + spoken(f))
	}
	for _, f := range in.notFlags {
		b.WriteString(" that " + strings.Replace(spoken(f), "is ", "are not ", 1))
	}
	if in.keepAmount != nil && !in.countKept {
		b.WriteString(", the " + plural(in.keptNoun()) + " whose " + label(in.keepAmount.field) + " " + wasOf(in.keepAmount.field) + " " + in.keepAmount.said())
	}
	if in.keepAmount != nil && in.keepAmount.total && len(in.dims) == 0 && len(in.periods) == 0 {
		b.WriteString(", every " + string(in.grain) + " on record") // the period used, said
	}
	if in.hit != "" && !in.countHit {
		b.WriteString(", the " + plural(label(in.dims[0])) + " whose " + label(in.metrics[0]) + " " + in.hitVerb() + " their " + label(in.metrics[1]))
	}
	for _, a := range in.amounts {
		b.WriteString(", orders " + a.String())
	}
	switch {
	case in.compare:
		b.WriteString(", " + in.periods[0].read() + " against " + in.periods[1].read())
	case in.change && len(in.periods) == 1:
		b.WriteString(" " + inLabel(in.periods[0].label) + " against " + previousLabel(in.periods[0]))
	case len(in.periods) == 1:
		b.WriteString(" " + inLabel(in.periods[0].label))
		var out []string
		for _, w := range in.periods[0].without {
			out = append(out, w.label)
		}
		if len(out) > 0 {
			b.WriteString(" excluding " + joinAnd(out))
		}
	}
	return b.String()
}

// countAs names the column of a count of groups ("reps_at_quota"), or "".
func (in *intent) countAs() string {
	if in.countKept {
		return strings.ReplaceAll(plural(in.keptNoun()), " ", "_") + "_kept"
	}
	if in.countAll {
		return strings.ReplaceAll(plural(label(in.dims[0])), " ", "_") + "_with_orders"
	}
	if !in.countHit {
		return ""
	}
	if in.hitMiss {
		return strings.ReplaceAll(plural(label(in.dims[0])), " ", "_") + "_below_quota"
	}
	return strings.ReplaceAll(plural(label(in.dims[0])), " ", "_") + "_at_quota"
}

// keptNoun names what a threshold on totals keeps: the group ("state") or,
// with no group, the period of the time grain ("month").
func (in *intent) keptNoun() string {
	if len(in.dims) == 0 {
		return string(in.grain)
	}
	return label(in.dims[0])
}

// keep is the condition on the attainment the groups are kept by, or nil:
// at 100% or more, or below it ("missed").
func (in *intent) keep() *query.Cmp {
	if a := in.keepAmount; a != nil {
		op := map[string]query.Op{">": query.OpGt, ">=": query.OpGe, "<": query.OpLt, "<=": query.OpLe}[a.op]
		return &query.Cmp{Field: a.field, Op: op, Values: []any{a.value.String()}}
	}
	if in.hit == "" {
		return nil
	}
	op := query.OpGe
	if in.hitMiss {
		op = query.OpLt
	}
	return &query.Cmp{Field: in.hit, Op: op, Values: []any{"1"}}
}

// hitVerb says how the groups kept by hit stand to their quota.
func (in *intent) hitVerb() string {
	if in.hitMiss {
		return "fell short of"
	}
	return "reached"
}

// ranked reports whether the intent is a top or bottom list.
func (in *intent) ranked() bool { return in.rank != 0 && (len(in.dims) > 0 || in.grain != "") }

// rankWords are a list's end and what it ranks: "top", "product".
func (in *intent) rankWords() (word, what string) {
	word = "top"
	if in.rank < 0 {
		word = "bottom"
	}
	what = string(in.grain)
	if len(in.dims) > 0 && !(in.perGroup && in.grain != "" && len(in.dims) == 1) {
		what = label(in.dims[0])
	}
	return word, what
}

// groupDims are the groups a ranking within groups ranks within.
func (in *intent) groupDims() []string {
	switch {
	case in.grain != "" && len(in.dims) == 1:
		return in.dims
	case len(in.dims) < 2:
		return nil // "top products per product": no second group
	}
	return in.dims[1:]
}

// measuresBy says the measures and what they are grouped by: "total revenue
// by region and segment by month".
func (in *intent) measuresBy() string {
	s := joinAnd(labels(in.metrics))
	if len(in.dims) > 0 {
		s += " by " + joinAnd(labels(in.dims))
	}
	if in.grain != "" && !in.compare {
		s += " by " + string(in.grain)
	}
	return s
}

func inLabel(l string) string {
	if strings.HasPrefix(l, "since ") || strings.HasPrefix(l, "from ") || strings.HasPrefix(l, "the ") ||
		strings.HasPrefix(l, "last ") || strings.HasPrefix(l, "this ") || l == "today" || l == "yesterday" {
		return l
	}
	if len(l) > 0 && l[0] >= '0' && l[0] <= '9' || strings.HasPrefix(l, "Q") || strings.Contains(l, " ") && !strings.Contains(l, ",") {
		return "in " + l
	}
	return "on " + l
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "y"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s"):
		return s + "es"
	}
	return s + "s"
}

func joinAnd(s []string) string { return joinWith(s, " and ") }
func joinOr(s []string) string  { return joinWith(s, " or ") }

func joinWith(s []string, last string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + last + s[len(s)-1]
}

// wasOf is the verb a measure takes: "distinct customers were", "total
// revenue was".
func wasOf(metric string) string {
	if l := label(metric); strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") {
		return "were"
	}
	return "was"
}
