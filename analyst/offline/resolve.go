package offline

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Resolver turns questions into typed query requests over one model: first by
// the model's verified queries, then by a grammar over the model's names,
// synonyms and values. It runs nothing. A Resolver is safe for concurrent use.
type Resolver struct {
	model    *semantic.Model
	lex      *lexicon
	verified []verified
	byKey    map[string]int
	countOf  map[string]string // dimension → the metric counting it
	now      func() time.Time
	maxRows  int
	skipped  []string
	// amountFact is the fact the revenue sums, each order's amount: what a
	// threshold ("orders over $5,000") compares.
	amountFact string
	// filteredCount maps a metric counting a yes/no part ("discounted
	// orders") to the metric it is a part of.
	filteredCount map[string]filteredCount
	// ratio maps two metrics to the metric that divides them; ratios are
	// the metrics that are ratios.
	ratio  map[[2]string]string
	ratios map[string]bool
	// revenue, quota and attainment are the model's revenue, the reps' quota
	// and revenue as a share of it, when it has them.
	revenue, quota, attainment string
	// firstOrder is the customers' first-order day, when the model has it.
	firstOrder string
	// filterValue maps a named filter keeping one value to that value.
	filterValue map[string]filterValue
	// dataEnd is the last day with orders, when known (see [Resolver.WithDataEnd]).
	dataEnd time.Time
}

// Resolution is a question resolved: a request to run, or a decline.
type Resolution struct {
	// Request is the typed request to run (when not declined).
	Request query.Request
	// Declined is true when the question is not answered; Reason says why.
	Declined bool
	Reason   string
	// Suggestions are questions to ask next, or instead.
	Suggestions []string
	// Kind says why it was declined (when Declined).
	Kind DeclineKind
	// Reading says how the question was read, in words, before any figure:
	// the measures, groups, filters and period ("Total revenue by region for
	// segment SMB in 2025"), so a wrong reading shows at once.
	Reading string
	// Verified names the verified query used, if any.
	Verified string
	// Part, when set, asks for the share a part of the request's figures is
	// of the whole: compile it with query.Compiler.CompilePartShare.
	Part *query.PartShare
	// Keep, when set, keeps the rows of the request's result whose metric
	// compares so ("the reps at 100% of their quota or more"): compile it
	// with query.Compiler.CompileKept.
	Keep *query.Cmp
	// Divide, when set, asks for one metric of the result divided by another,
	// per row, computed after the query (see [Division]).
	Divide *Division
	// Subtract, when set, asks for one metric of the result less another,
	// per row, computed after the query (see [Difference]).
	Subtract *Difference
	// CountAs, when set, asks for the number of rows the request returns
	// (those Keep keeps), in a column of this name: compile it with
	// query.Compiler.CompileCountGroups.
	CountAs string
	// CountBy, with CountAs, counts the rows in each value of these
	// dimensions of the request: compile it with
	// query.Compiler.CompileCountGroupsBy.
	CountBy []string
	// Hide, when set, is a metric of the request the answer leaves out: asked
	// only so the query can group as the question does (a catalogue's measure
	// by category).
	Hide string
	// Notes say how a word was read when it could mean more than one thing, and
	// which misspelt words were corrected.
	Notes []string

	in *intent
}

// State is what a follow-up question builds on: pass it to the next Resolve.
func (res *Resolution) State() any {
	if res.Declined || res.in == nil {
		return nil
	}
	return res.in
}

// NewResolver prepares a resolver for m. values are extra dimension values (read
// from the warehouse by [LoadValues]), by dimension name; now is the clock
// relative periods resolve against (nil: time.Now); maxRows caps the rows of an
// answer.
func NewResolver(m *semantic.Model, values map[string][]string, now func() time.Time, maxRows int) (*Resolver, error) {
	if now == nil {
		now = time.Now
	}
	if maxRows <= 0 {
		maxRows = DefaultMaxRows
	}
	r := &Resolver{model: m, lex: newLexicon(), byKey: map[string]int{}, countOf: map[string]string{}, now: now, maxRows: maxRows}
	r.lex.fromModel(m)
	dims := make([]string, 0, len(values))
	for dim := range values {
		dims = append(dims, dim)
	}
	sort.Strings(dims) // readings in a fixed order, whatever the map's
	for _, dim := range dims {
		vs := values[dim]
		f, err := m.Lookup(dim, semantic.KindDimension)
		if err != nil {
			return nil, fmt.Errorf("offline: values: %w", err)
		}
		for _, v := range vs {
			r.lex.value(f, v, false)
		}
	}
	r.lex.structural()
	r.lex.nameParts(values)
	r.lex.finish()
	r.amountFact = r.lex.summed["total_revenue"]
	exprs, err := metricExprs(m)
	if err != nil {
		return nil, fmt.Errorf("offline: %w", err)
	}
	r.filteredCount = filteredCounts(m, exprs)
	r.ratio, r.ratios = ratiosOf(exprs)
	r.filterValue = filterValues(m)
	r.revenue, r.quota, r.attainment = r.lexMetric("total revenue"), r.lexMetric("quota"), r.lexMetric("quota attainment")
	if _, err := m.Lookup(firstOrderField, semantic.KindTimeDimension); err == nil {
		r.firstOrder = firstOrderField
	}
	for expr, mt := range exprs {
		if col, ok := strings.CutPrefix(expr, "count ( distinct "); ok && strings.HasSuffix(col, " )") {
			col = strings.TrimSuffix(col, " )")
			r.countOf[col] = mt
			if base, ok := strings.CutSuffix(col, "_id"); ok {
				r.countOf[base+"_name"] = mt
			}
		}
	}
	for _, vq := range m.VerifiedQueries {
		req, in, err := translate(m, vq.SQL, exprs)
		if err != nil {
			r.skipped = append(r.skipped, vq.Name+": "+err.Error())
			continue
		}
		items, _ := r.lex.classify(rewrite(split(vq.Question)))
		k := key(items)
		if _, dup := r.byKey[k]; dup {
			continue
		}
		r.byKey[k] = len(r.verified)
		r.verified = append(r.verified, verified{name: vq.Name, question: vq.Question, key: k, req: req, in: in})
	}
	return r, nil
}

// lexMetric is the metric a phrase names, or "".
func (r *Resolver) lexMetric(phrase string) string {
	m, _ := r.metricReading(phrase)
	return m.name
}

// Skipped lists the verified queries whose SQL the resolver could not read as a
// request, with why; their questions still go through the grammar.
func (r *Resolver) Skipped() []string { return append([]string(nil), r.skipped...) }

// Resolve resolves question, a follow-up of prev (the State of the previous
// answer, or nil).
func (r *Resolver) Resolve(prev any, question string) *Resolution {
	return r.resolve(prev, question, true)
}

// resolve resolves question, with the follow-ups to suggest if suggest.
func (r *Resolver) resolve(prev any, question string, suggest bool) *Resolution {
	today := day0(r.now())
	q := strings.TrimSpace(question)
	switch {
	case q == "":
		return r.declined(&decline{kind: DeclineNotUnderstood, reason: "The question is empty."})
	case len(q) > MaxQuestionBytes:
		return r.declined(tooLarge("The question is %d bytes long; I read questions of up to %d.", len(q), MaxQuestionBytes))
	}
	ws := rewrite(split(q))
	if len(ws) > MaxWords {
		return r.declined(tooLarge("The question has %d words; I read questions of up to %d.", len(ws), MaxWords))
	}
	if len(ws) == 0 {
		return r.declined(&decline{kind: DeclineNotUnderstood, reason: "The question has no words I can read."})
	}
	ws, sameOrig, same := sameLastYear(ws, today)
	if d := samePeriodUnnamed(ws); d != nil {
		return r.declined(d)
	}
	if d := nothingSold(ws); d != nil {
		return r.declined(d)
	}
	pay := repPay(ws)
	ws, weekday := dayOfWeek(ws)
	if weekday == nil {
		weekday = pay
	}
	ws = verbsAndWholes(r.perCustomer(cataloguePrice(ws)))
	items, fixes := r.lex.classify(ws)
	var notes []string
	if same != "" {
		if d := sameBesideOther(items, sameOrig); d != nil {
			return r.declined(d)
		}
		notes = append(notes, same)
	}
	for _, f := range fixes {
		notes = append(notes, fmt.Sprintf("Read %q as %q.", f.from, f.to))
	}
	// "total revenue across all regions" is not the verified "sales by region"
	_, all := totalOfAll(ws)
	if i, ok := r.byKey[key(items)]; ok && all == 0 {
		vq := r.verified[i]
		in := vq.in.clone()
		if in.lastGrain != "" {
			p, _, _, err := relative(true, 0, in.lastGrain, today, 0)
			if err == nil {
				in.periods = []period{p}
			}
		}
		req := vq.req
		if req.Limit == 0 && (len(req.Dimensions) > 0 || req.Time != nil) {
			req.Limit = r.maxRows + 1
		}
		res := &Resolution{Request: req, Verified: vq.name, Notes: notes, Reading: reading(in), in: in}
		if suggest {
			res.Suggestions = r.followUps(in, today)
		}
		return res
	}
	first := ""
	for _, w := range ws {
		if !stopWords[w.text] || questionWords[w.text] {
			first = w.text
			break
		}
	}
	in, cu, d := r.parse(items, first, today, howMuch(ws), sellsOrBuys(ws))
	if d == nil && weekday != nil {
		return r.declined(weekday) // after a forecast or a subject outside the model, said first
	}
	if d == nil {
		d = againstOne(items, in)
		pickOne(in, ws, items)
		allCombined(in, ws, items)
	}
	if d == nil {
		d = r.catalogueOnly(in, ws)
	}
	if d != nil {
		return r.declined(d)
	}
	if p, ok := prev.(*intent); ok && p != nil {
		if cu.follow || cu.instead || cu.only || cu.drill || (!cu.namedMetric && !cu.questionWord) {
			in = merge(p, in, cu)
		}
	}
	r.quotaYear(in, ws, today)
	who := whoIs(ws)
	if who == "" && slices.ContainsFunc(ws, func(w word) bool { return w.text == "who" }) && (r.asksQuota(in) || in.rank != 0 && len(in.dims) == 0 && in.grain == "" ||
		in.rank != 0 && len(in.dims) == 1 && in.grain == "" && in.dims[0] != "rep_name" && slices.ContainsFunc(ws, func(w word) bool { return eachWords[w.text] })) {
		// "who was furthest below quota", "who led in revenue", "who led each
		// region": a rep, who sells and holds a quota
		who = "rep_name"
		if len(in.dims) == 1 && customerGroups[in.dims[0]] && !r.asksQuota(in) {
			who = "customer_name" // "who was number one in each segment": a customer, whose segment it is
		}
	}
	switch {
	case who == "" || in.rank == 0 || in.grain != "" || slices.Contains(in.dims, who):
	case len(in.dims) == 0:
		in.dims = []string{who} // "who sold the most": a rep
		if in.whoMoved != nil {
			in.moved, in.limit = in.whoMoved, max(in.limit, 1) // "who grew the most": the rep ranked by the change
		}
	case len(in.dims) == 1 && in.limit <= 1:
		// "in each territory, who sold the most": the rep ranked within each region
		in.dims, in.perGroup = []string{who, in.dims[0]}, true
	}
	if d := r.complete(in); d != nil {
		return r.declined(d)
	}
	r.settle(in, today)
	in.explain = nil
	if d := r.explainReturning(in); d != nil {
		return r.declined(d)
	}
	if vq, ok := r.verifiedLike(in); ok && prev == nil {
		vin := vq.in.clone()
		res := &Resolution{Request: vq.req, Verified: vq.name, Notes: append(notes, in.notes...), Reading: reading(vin), in: vin}
		if suggest {
			res.Suggestions = r.followUps(res.in, today)
		}
		return res
	}
	req, err := in.request(r.maxRows)
	if err != nil {
		return r.declined(&decline{kind: DeclineTooLarge, reason: err.Error()})
	}
	res := &Resolution{Request: req, Part: in.partShare(), Keep: in.keep(), CountAs: in.countAs(), CountBy: slices.Clone(in.countBy), Divide: in.division(), Subtract: in.rest, Hide: in.companion, Notes: append(notes, in.notes...), Reading: reading(in), in: in}
	if suggest {
		res.Suggestions = r.followUps(in, today)
	}
	return res
}

// customerGroups are the groups a customer belongs to, not a rep: "who" ranked
// within each of them is a customer.
var customerGroups = map[string]bool{"segment": true, "industry": true, "state": true}

// eachWords say a ranking is within each group: "who led each region".
var eachWords = toSet("each", "every", "per", "separately", "individually")

// verifiedLike finds the verified query that asks what the intent asks and
// adds to it only what each row is ("which 10 products brought in the most
// revenue" and the verified "top 10 products by revenue" with their
// category): its answer is the one the model's authors checked. A different
// N is not the verified query.
func (r *Resolver) verifiedLike(in *intent) (verified, bool) {
	if len(in.dims) != 1 || in.rank == 0 || len(in.metrics) != 1 || !in.plain() {
		return verified{}, false
	}
	for _, vq := range r.verified {
		v := vq.in
		if len(v.dims) > 1 && v.dims[0] == in.dims[0] && v.rank == in.rank && v.limit == in.limit &&
			v.metrics[0] == in.metrics[0] && orDefault(v.orderBy, v.metrics[0]) == orDefault(in.orderBy, in.metrics[0]) &&
			v.plain() && vq.req.Limit == v.limit {
			return vq, true
		}
	}
	return verified{}, false
}

// plain reports whether the intent has no filter, period, grain or layer.
func (in *intent) plain() bool {
	return len(in.filters) == 0 && len(in.named) == 0 && len(in.notFlags) == 0 && len(in.periods) == 0 && len(in.amounts) == 0 &&
		in.grain == "" && !in.layered() && in.part == nil && in.lastGrain == "" && in.sorted == 0
}

// howMuch reports whether the question asks "how much": of a change over
// one period, one figure against the period before.
func howMuch(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].text == "how" && (ws[i+1].text == "much" || ws[i+1].text == "far") {
			return true
		}
	}
	return false
}

// complete fills in what a question may leave out, or declines: no metric named
// means revenue (and orders, for a single figure); a ranking needs something to
// rank.
func (r *Resolver) complete(in *intent) *decline {
	if len(in.metrics) == 0 {
		if len(in.dims) == 0 && in.grain == "" && len(in.filters) == 0 && len(in.named) == 0 && len(in.periods) == 0 && in.rank == 0 {
			return &decline{kind: DeclineOutOfDomain, reason: "I did not find a question about the sales data in that: I answer questions about orders, revenue, customers, products, sales reps and regions."}
		}
		in.metrics = []string{"total_revenue"}
		if len(in.dims) == 0 && in.grain == "" && in.rank == 0 {
			in.metrics = append(in.metrics, "order_count")
		}
		in.defaulted = true
	}
	if in.rank != 0 && len(in.dims) == 0 && in.grain == "" && len(in.filters) == 1 && in.filters[0].not {
		// "which non-online channel had the most revenue", "other than toys,
		// what category sold the most": the values left are ranked
		in.dims = []string{in.filters[0].dim}
	}
	if in.rank != 0 && len(in.dims) == 0 && in.grain == "" {
		return &decline{kind: DeclineNotUnderstood, reason: "A top or bottom list needs something to rank: products, sales reps, customers, regions …"}
	}
	if in.orderBy != "" {
		in.metrics = appendNew(in.metrics, in.orderBy)
	}
	return nil
}

// merge applies a follow-up to the previous question's intent: what the
// follow-up names replaces the same part of the previous question; new groups
// and filters are added.
func merge(prev, cur *intent, cu cues) *intent {
	out := prev.clone()
	if len(cur.metrics) > 0 {
		out.metrics, out.divideBy = cur.metrics, cur.divideBy
		out.defaulted = false
		if out.orderBy != "" {
			out.orderBy = cur.metrics[0]
		}
	}
	if len(cur.dims) > 0 {
		if cu.instead && !cu.drill {
			out.dims = cur.dims
		} else {
			for _, d := range cur.dims {
				out.dims = appendNew(out.dims, d)
			}
		}
	}
	if cur.grain != "" {
		out.grain = cur.grain
	}
	for _, f := range cur.filters {
		replaced := false
		for i := range out.filters {
			if out.filters[i].dim == f.dim {
				out.filters[i], replaced = f, true
			}
		}
		if !replaced {
			out.filters = append(out.filters, f)
		}
	}
	for _, n := range cur.named {
		out.named = appendNew(out.named, n)
	}
	for _, f := range cur.notFlags {
		out.notFlags = appendNew(out.notFlags, f)
	}
	if len(cur.periods) > 0 {
		out.periods, out.compare = cur.periods, cur.compare
		if !cur.compare && prev.compare {
			out.grain = cur.grain
		}
	}
	if cur.rank != 0 {
		out.rank, out.limit = cur.rank, cur.limit
		if cur.orderBy != "" {
			out.orderBy = cur.orderBy
		}
	}
	out.notes = cur.notes
	return out
}

func day0(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
