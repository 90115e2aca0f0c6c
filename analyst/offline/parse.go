package offline

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// cues are the follow-up signals of a question.
type cues struct {
	follow, instead, only, drill bool
	namedMetric                  bool
	questionWord                 bool // starts with what, how, which, who, show …
}

// questionWords start a fresh question.
var questionWords = toSet("what", "whats", "how", "which", "who", "show", "list", "give", "tell", "top",
	"bottom", "total", "revenue", "sales", "compare", "where", "when", "display", "get", "find", "rank")

// parse reads classified items into an intent. It never guesses: a word it does
// not know, a subject outside the model, a request to change data or an
// unreadable time phrase is a decline.
func (r *Resolver) parse(items []item, first string, today time.Time, howMuch, sells bool) (*intent, cues, *decline) {
	var cu cues
	cu.questionWord = questionWords[first]
	if d := r.refuse(items, first); d != nil {
		return nil, cu, d
	}
	ps, compare, err := periods(items, today)
	if err != nil {
		return nil, cu, &decline{kind: DeclineUnsupported, reason: err.Error()}
	}
	for _, p := range ps {
		if p.from.After(today) {
			return nil, cu, &decline{kind: DeclineForecast, reason: fmt.Sprintf("%s has not happened yet: I answer from the orders recorded so far and do not forecast. Ask about a period that has ended, such as last quarter.", capital(p.label))}
		}
	}
	in := &intent{periods: ps, compare: compare, change: compare && isHalf(ps[0])}
	var (
		by, which, howMany, not, list, trend, change bool
		rankPlural, rankTarget                       bool
		firstPlural                                  bool // the first group said plural, before any ranking
		unknown, implied, afterValue                 []string
		pendingN                                     int // "which 3 regions …": a count before what is ranked
		compareValues                                bool
		shrink, fastest, share, average              bool
		plainMove                                    bool   // "shrank", "grew" said as a plain verb: which groups did
		rankSaid                                     bool   // a superlative said ("most", "top"), not a rank read from "which"
		grewSaid                                     bool   // "grew" said (with "shrank": both ways)
		rankWord                                     string // the superlative said ("least", "worst")
		rankedFast                                   bool   // fastest said as a superlative, not as growth in percent
		perGroup                                     bool   // "per", "in each" after a ranking: a rank within groups
		marks                                        []shareMark
		shareAt, metricAt                            = -1, -1
		sw                                           seen
		notWord                                      string // the "not" word not yet applied to a value
		spentBy                                      bool   // "revenue from new customers": what they spent
		byWord                                       string // the last "by", "each", "per" read
		andValues                                    bool   // two values joined by "and"
	)
	notAfter(items)
	if d := unplacedAsks(items, first); d != nil {
		return nil, cu, d
	}
	for i := range items {
		it := &items[i]
		if it.used {
			continue
		}
		prev, next := neighbour(items, i-1), neighbour(items, i+1)
		switch {
		case (it.kind == kKeyword || it.kind == kUnknown) && notBefore(it, next) && !not && !(prev != nil && (growVerbs[prev.text] || prev.kw(kwShrink))):
			// ("which grew less, online or retail" compares the two: not a
			// negation after a verb of change)
			not, notWord = true, it.orig // "revenue minus returns": the returns left out
			continue
		case it.kind == kKeyword:
			switch it.ms[0].name {
			case kwBy:
				if eachWords[it.text] && prev != nil && prev.kind == kNumber && prev.amount != "" {
					continue // "orders under $25 each": each order's amount
				}
				by, byWord = true, it.orig
				if in.rank != 0 && rankTarget && next != nil && next.is(kDim) && !next.is(kMetric) && r.countedBy(next, in.dims) == "" {
					perGroup = true // "top 3 reps per region"
				}
				continue
			case kwTop, kwBottom:
				if next != nil && next.kind == kNumber && next.money && it.text == "top" {
					// "did an order top $5k": over, not a top 5000
					if a, ok := amountAfter(items, i); ok && r.amountFact != "" {
						a = a.with("over", true)
						a.field = r.amountFact
						in.amounts = append(in.amounts, a)
					}
					break
				}
				if after := neighbour(items, i+2); next != nil && next.kind == kNumber && after != nil && after.kw(kwShare) && strings.HasPrefix(after.text, "percent") {
					// "the top 10% of customers": a share of them, which no
					// ranking lists (it was the top 10, each as a share)
					return nil, cu, unsupported("I can list the top or bottom N of a group, not a percentage of them: ask for a number (\"%s 10\")", it.text)
				}
				if in.rank != 0 && (in.rank > 0) != (it.ms[0].name == kwTop) && !sizeRanks[it.text] {
					// "the top and bottom 3 regions": two lists in one question
					return nil, cu, unsupported("I read a top and a bottom list in one question, and answer one at a time: ask for the top ones, then the bottom ones")
				}
				sw.sizeRank = sw.sizeRank || sizeRanks[it.text] // "the smallest orders on average": their size
				sw.distance = sw.distance || distanceRank(it.text)
				in.rank, rankSaid, rankWord = 1, true, it.text
				if it.ms[0].name == kwBottom {
					in.rank = -1
				}
				if next != nil && next.kind == kNumber && !next.used {
					if next.n < 1 {
						return nil, cu, unsupported("a %s %d lists nothing; ask for 1 or more", it.text, next.n)
					}
					in.limit = next.n
					next.used = true
					if to, hi := neighbour(items, i+2), neighbour(items, i+3); to != nil && to.kw(kwTo) && hi != nil && hi.kind == kNumber {
						// "top one to two hundred": a range of counts, not a top one
						return nil, cu, unsupported("I read a range of how many to list after %q, and can list one number of them: ask for one (\"%s 10\")", it.text, it.text)
					}
				}
			case kwTrend:
				trend = true
			case kwChange:
				// "moved the most units" sells; "how did it move" changes
				// "unique products moved through partner" sells: a count was asked
				change = change || (next == nil || !(next.kw(kwTop) || next.kw(kwBottom)) || !sellVerbs[it.text]) &&
					!(sellVerbs[it.text] && (hasKw(items, kwHowMany) || hasKw(items, kwDistinct)))
				plainMove = plainMove || growVerbs[it.text]
				grewSaid = grewSaid || growVerbs[it.text]
			case kwShrink:
				shrink, change = true, true
				plainMove = plainMove || !shrinkSuperlatives[it.text]
				rankSaid = rankSaid || shrinkSuperlatives[it.text] // "fall hardest": the one that fell most
			case kwFastest:
				fastest, change = true, true
				rankedFast = rankedFast || !growthNouns[it.text] // "fastest", not "percent growth"
			case kwShare:
				share = true
				if shareAt < 0 {
					shareAt = i
				}
			case kwAverage:
				average, sw.average = true, true
			case kwFollow:
				cu.follow = true
			case kwInstead:
				cu.instead = true
			case kwOnly:
				cu.only = true
			case kwDrill:
				cu.drill = true
				by = true
				continue
			case kwNot:
				if it.text == "but" && next != nil && (next.kw(kwMore) || next.kw(kwLess)) && !not {
					continue // "at least $500 but under $1,000": and
				}
				not, notWord = true, it.orig
				continue
			case kwWhich:
				which = true
			case kwHowMany:
				howMany = true
			case kwList:
				list = true
			case kwDistinct:
				if after := neighbour(items, i+2); next == nil || !r.countable(next) && !(next.is(kValue) && after != nil && r.countable(after)) {
					unknown = append(unknown, it.orig) // "different" outside a count of things ("distinct electronics buyers" counts)
				}
				howMany, sw.distinct = true, true // "unique customers": a count of them
				continue
			case kwMore, kwLess, kwAttain, kwMiss:
				if a, ok := r.percentOfQuotaAfter(items, i); ok {
					// "reps below 80% of quota": kept by their attainment
					a = a.with(it.text, it.kw(kwMore) || it.kw(kwAttain))
					in.keepAmount = &a
					sw.attain = append(sw.attain, it.orig)
					break
				}
				if it.kw(kwAttain) || it.kw(kwMiss) {
					sw.attain = append(sw.attain, it.orig)
					sw.miss = sw.miss || it.kw(kwMiss)
					sw.vs = sw.vs || strings.Contains(it.text, "against") // "how did the West do against the East"
					break
				}
				if q := r.comparedToQuota(items); q == it && r.attainment != "" {
					// "reps who exceeded their annual target": reached it
					sw.attain = append(sw.attain, it.orig)
					sw.miss = sw.miss || it.kw(kwLess)
					break
				}
				if a, ok := r.totalAfter(items, i); ok {
					a = a.with(it.text, it.kw(kwMore))
					in.keepAmount = &a
				} else if a, ok := amountAfter(items, i); ok {
					if r.amountFact == "" {
						return nil, cu, &decline{kind: DeclineNotInModel, reason: "The model has no amount per order to compare with " + a.value.String() + "."}
					}
					a = a.with(it.text, it.kw(kwMore))
					a.field = r.amountFact
					if m, ok := prev.reading(kMetric); prev != nil && ok && m.name == r.revenue && revenueVerbs[prev.text] {
						// "customers who spent over $100k": what each spent in all, not one order's amount
						a.field = r.revenue
						in.keepAmount = &a
					} else if m, ok := r.totalNamedAfter(items, i); ok {
						// "regions with more than $50M in revenue": each region's
						a.field = m
						in.keepAmount = &a
					} else {
						in.amounts = append(in.amounts, a)
					}
				}
				// without an amount it is a plain word ("over the last year"),
				// or sets two things side by side ("did the West sell more than
				// the East")
				if strings.HasSuffix(it.text, " than") {
					sw.vs = true
				}
			case kwOrMore, kwOrLess:
				if prev == nil || !(prev.kw(kwMoreThan) || prev.kw(kwMore) || prev.kw(kwLess)) {
					unknown = append(unknown, it.orig) // "or more" of no amount
				}
				// "how much more (or less)": the change, either way
			case kwSorted, kwSortAsc:
				sw.sort = map[bool]int{true: 1, false: -1}[it.kw(kwSorted)]
			case kwGross:
				sw.gross = true
				sw.grossWord = it.text
			case kwSize:
				sw.size = append(sw.size, it.orig)
			case kwMoreThan:
				sw.comparative = append(sw.comparative, it.orig)
				change = change || (howMuch || hasKw(items, kwHowMany)) && in.compare // "how much more did we sell in 2025 than in 2024": the change
			case kwDivide:
				sw.divide = true
			case kwGain:
				if gainWords[it.text] && grewSaidAsGained(items) {
					change = true // "which channel gained the most": grew
					break
				}
				sw.gain = true // "how many customers did we win": new ones
			case kwVs:
				sw.vs = true
				if prev != nil && next != nil && prev.is(kValue) && next.is(kValue) {
					compareValues = true // "East vs West": one row each, never a sum
				}
			case kwPart, kwEdge:
				if !it.used {
					unknown = append(unknown, it.orig) // "early" of no period
				}
			case kwAnd:
				if after := neighbour(items, i+2); (it.text == "and" || it.text == "or" && which) && prev != nil && next != nil && prev.is(kValue) && (next.is(kValue) || next.kw(kwFrom) && after != nil && after.is(kValue)) && !not {
					andValues = true // "orders from New York and Pennsylvania", "which grew more, online or retail": one row each
				}
			case kwTo, kwFrom, kwSince, kwBetween, kwThis, kwLast, kwAgo, kwHalf, kwUnit, kwCombined:
				// joins values ("North and South") or a time phrase already read
			default:
				unknown = append(unknown, it.orig)
			}
		case it.kind == kNumber:
			switch {
			case (prev == nil || prev.kw(kwBetween) || prev.kw(kwFrom) || !prev.kw(kwTo) && prev.kind != kNumber) && it.amount != "" && amountPair(items, i):
				// "between $1,000 and $2,000", "from $1,000 to $2,000", "the $1,000-$2,000 range"
				if r.amountFact == "" {
					return nil, cu, &decline{kind: DeclineNotInModel, reason: "The model has no amount per order to compare with " + it.amount + "."}
				}
				hi := neighbour(items, i+2)
				switch neighbour(items, i+1).kind {
				case kNumber:
					hi = neighbour(items, i+1) // "$1,000-$2,000"
				case kKeyword:
				default:
					hi = neighbour(items, i+3) // "between 100 dollars and 500"
				}
				in.amounts = append(in.amounts, floorOrCeiling(it, true, r.amountFact), floorOrCeiling(hi, false, r.amountFact))
				for j := i + 1; j <= hi.pos; j++ {
					items[j].used = true
				}
				if u := neighbour(items, hi.pos+1); u != nil && currencyWords[u.text] {
					u.used = true
				}
			case orMoreAfter(items, i) != nil && it.amount != "":
				if r.amountFact == "" {
					return nil, cu, &decline{kind: DeclineNotInModel, reason: "The model has no amount per order to compare with " + it.amount + "."}
				}
				or := orMoreAfter(items, i)
				in.amounts = append(in.amounts, floorOrCeiling(it, or.kw(kwOrMore), r.amountFact))
				for j := i + 1; j <= or.pos; j++ {
					items[j].used = true
				}
			case in.rank != 0 && in.limit == 0:
				in.limit = it.n
			case next != nil && (next.is(kDim) || next.is(kMetric) || next.kw(kwTop) || next.kw(kwBottom) || next.kw(kwFastest)) && pendingN == 0:
				pendingN = it.n // "which 3 regions sold the most", "the four strongest reps", "the 3 fastest growing categories"
			default:
				unknown = append(unknown, it.orig)
			}
		case it.kind == kUnknown || it.kind == kMonth || it.kind == kYear || it.kind == kDate:
			unknown = append(unknown, it.orig)
		case it.is(kValue) || it.is(kFilter):
			if f, ok := it.reading(kFilter); ok && !not && !r.otherValueOfDim(items, i) {
				if !slices.Contains(in.named, f.name) {
					in.named = append(in.named, f.name)
				}
				marks = append(marks, shareMark{pos: i, named: f.name})
				// "online orders", "enterprise customers": the filter's name ends in
				// a measure, which counts if the question names no other
				ws := strings.Split(it.text, " ")
				if m, ok := r.metricReading(ws[len(ws)-1]); ok && len(ws) > 1 {
					implied = appendNew(implied, m.name)
					if howMany { // "number of online orders from enterprise clients"
						in.metrics, howMany, cu.namedMetric = appendNew(in.metrics, m.name), false, true
					}
					if shareAt >= 0 && metricAt < 0 {
						metricAt = i
					}
				}
				break
			}
			if _, ok := it.reading(kValue); !ok { // a named filter after "not"
				f, _ := it.reading(kFilter)
				fv, ok := r.filterValue[f.name]
				if !ok {
					return nil, cu, unsupported("I cannot exclude %q: it is a named filter, not a value; ask for it alone, or name the values to leave out", it.orig)
				}
				addValue(in, fv.dim, fv.value, not) // "non-online orders": channel is not Online
				marks = append(marks, shareMark{pos: i, dim: fv.dim, value: fv.value})
				ws := strings.Split(it.text, " ")
				if m, ok := r.metricReading(ws[len(ws)-1]); ok && len(ws) > 1 {
					implied = appendNew(implied, m.name)
					if howMany {
						in.metrics, howMany, cu.namedMetric = appendNew(in.metrics, m.name), false, true
					}
				}
				not = false
				break
			}
			before := prev
			if prev != nil && prev.kw(kwNot) {
				before = neighbour(items, i-2) // "every industry but retail": the industry
			}
			m := r.chooseValue(it, before, next, in)
			if u := r.lexMetric("units sold"); howMany && soldThings[m.name] && u != "" && !not && !sw.distinct {
				// "how many Books did we sell": units of them
				in.metrics, howMany, cu.namedMetric = appendNew(in.metrics, u), false, true
			}
			addValue(in, m.name, m.value, not)
			marks = append(marks, shareMark{pos: i, dim: m.name, value: m.value})
			// "excluding Online and Phone" excludes both
			not = not && next != nil && next.kw(kwAnd) && valueNext(items, i+2)
		case it.kind == kGrain && namesPeriod(it, next) && (prev == nil || !prev.kw(kwBy)):
			// "the month of November 2025": the grain word names the period
		case it.kind == kGrain:
			g := it.ms[0].grain
			if outer, inner, ok := r.grainWithin(in.grain, g); ok && (in.rank != 0 || which) {
				// "the best month of each year": months ranked within each year
				in.grain, perGroup = inner, true
				in.dims = appendNew(in.dims, outer)
				sw.groupFirst = ""
				break
			}
			in.grain = g
			if which || in.rank != 0 {
				rankTarget = true
			}
		case it.is(kDim) || it.is(kMetric):
			wantDim := by || which || howMany || (in.rank != 0 && !rankTarget) || list ||
				pendingN > 0 && prev != nil && prev.kind == kNumber // "six customers who spent the most": what is ranked
			dim, isDim := it.reading(kDim)
			if !isDim && wantDim {
				dim, isDim = r.dimReading(it.sing())
			}
			met, isMet := it.reading(kMetric)
			switch {
			case isDim && (dim.neg || not && r.isFlag(dim.name)):
				// "orders with no discount", "not discounted": the flag is false
				in.notFlags = appendNew(in.notFlags, dim.name)
				not = false
			case isDim && (it.text == it.sing() && qualifies(dim.name, prev, next) ||
				!wantDim && (it.text == it.sing() || next != nil && next.kw(kwNot)) && qualifies(dim.name, nil, pastNot(items, i))):
				// "the North region", "customer Paul Lee", "channels except Online": the value says it
			case isDim && !wantDim && prev != nil && (prev.is(kValue) || prev.is(kFilter)) && r.subject(dim.name):
				// "SMB clients", "West reps": whose orders, not a grouping
			case isDim && !wantDim && !isMet && prev != nil && qualifies(dim.name, prev, nil) && in.rank == 0 && negatedValueBefore(items, i):
				// "revenue from non-retail channels": the value left out says
				// which, the others summed, not one row each
			case isMet && not && r.filteredCount[met.name].flag != "":
				// "revenue excluding any discounted orders": the orders not discounted
				in.notFlags = appendNew(in.notFlags, r.filteredCount[met.name].flag)
				implied = appendNew(implied, r.filteredCount[met.name].of)
				not = false
			case isMet && howMany:
				if (it.text == "sales" || it.text == "sale") && met.name == r.revenue {
					if oc, ok := r.countOf["order_id"]; ok {
						met.name = oc // "how many sales did we make": sales counted are orders
					}
				}
				in.metrics = appendNew(in.metrics, met.name)
				cu.namedMetric = true
				howMany = false
			case isDim && howMany:
				mt, ok := r.countOf[dim.name]
				if u := r.lexMetric("units sold"); unitNouns[it.sing()] && !sw.distinct && u != "" {
					mt, ok = u, true // "how many items were sold": units, not products
				}
				switch {
				case ok:
					in.metrics = appendNew(in.metrics, mt)
					cu.namedMetric = true
				case (len(sw.attain) > 0 || hasKw(items, kwAttain) || hasKw(items, kwMiss) || r.comparedToQuota(items) != nil) && r.attainment != "":
					// "how many reps hit their quota": the reps at 100% or more, counted
					in.dims, in.hit, in.countHit, in.counted = appendNew(in.dims, dim.name), r.attainment, true, dim.name
				case len(in.dims) <= 1 && in.grain == "" && !r.isFlag(dim.name) && r.countOf["order_id"] != "":
					// ("in each region, how many reps": counted per region, countedWithin)
					// "how many reps do we have", "how many states did we sell to":
					// the reps, the states with orders, counted
					in.dims, in.countAll, in.counted = appendNew(in.dims, dim.name), true, dim.name
					in.metrics = appendNew(in.metrics, r.countOf["order_id"])
					cu.namedMetric = true
				default:
					unknown = append(unknown, it.orig)
				}
				howMany = false
			case isDim && !wantDim && !isMet && hasKw(items, kwCombined):
				// "the West's quota, all reps added up": summed over them, not one each
			case (in.rank != 0 && rankTarget || sw.sort != 0) && prev != nil && prev.kw(kwBy) && r.countedBy(it, in.dims) != "":
				// "top 5 states by customers": the states ranked by how many
				// customers, not by revenue for each customer
				mt := r.countedBy(it, in.dims)
				in.metrics, in.orderBy, cu.namedMetric = appendNew(in.metrics, mt), mt, true
			case isDim && len(in.dims) > 0 && !slices.Contains(in.dims, dim.name) && prev != nil && countRanks[prev.text] && r.countOf[dim.name] != "":
				// "which rep had the most customers": the reps ranked by how
				// many customers, not a second group
				mt := r.countOf[dim.name]
				if u := r.lexMetric("units sold"); u != "" && soldThings[dim.name] && sells {
					mt = u // "which region sold the most products": units
				}
				in.metrics, in.orderBy, cu.namedMetric = appendNew(in.metrics, mt), mt, true
			case isDim && len(in.dims) > 0 && !slices.Contains(in.dims, dim.name) && prev != nil && countRanks[prev.text]:
				return nil, cu, rankedByCount(prev.text, it.orig, in.dims[0]) // "which region has the most reps": no count of reps
			case isDim && (wantDim || !isMet):
				if by && in.rank == 0 && !which && sw.groupFirst == "" {
					sw.groupFirst = dim.name // "for every region, which rep …"
				}
				in.dims = appendNew(in.dims, dim.name)
				if len(in.dims) == 1 && !rankTarget {
					firstPlural = strings.ToLower(it.orig) != singular(strings.ToLower(it.orig)) // "reps with the most orders"
				}
				if in.rank != 0 || which {
					rankTarget = true
					o := strings.ToLower(it.orig)
					rankPlural = o != singular(o)
				}
			case isMet && r.countsADimension(met.name) && len(in.metrics) > 0 && fromBefore(items, i) && r.newOrReturning(met.name):
				// "revenue from new customers": the model does not say what they spent
				spentBy = true
			case isMet && r.countsADimension(met.name) && len(in.metrics) > 0 && !(prev != nil && prev.kw(kwAnd)) &&
				(r.isDimWord(it) || next != nil && (next.kw(kwMore) || next.kw(kwLess)) || fromBefore(items, i)):
				// "revenue from orders over $5,000": which orders, not a count
				// "revenue from customers in Ohio": whose revenue, not a count
			case isMet && next != nil && spendVerbs[next.text] && len(it.ms) > 0 && r.countsADimension(met.name):
				// "customers spend": the customers are who spends, not a count
			case isMet:
				if by && in.rank != 0 && rankTarget || prev != nil && (prev.kw(kwTop) || prev.kw(kwBottom)) && len(in.metrics) > 0 {
					in.orderBy = met.name // "customers order through … fewest orders": ranked by the orders
				}
				if prev != nil && (prev.is(kValue) || prev.is(kFilter)) && !by {
					afterValue = appendNew(afterValue, met.name) // "healthcare customers"
				}
				in.metrics = appendNew(in.metrics, met.name)
				cu.namedMetric = true
				howMany = false
				sw.revenueVerb = sw.revenueVerb || met.name == r.revenue && revenueVerbs[it.text]
				sw.net = sw.net || met.name == r.revenue && netWords[it.text]
			}
			if isMet && shareAt >= 0 && metricAt < 0 {
				metricAt = i
			}
		}
		by = false
	}
	if not {
		unknown = append(unknown, notWord) // "orders with no discount": not of what?
	}
	if by && eachWords[strings.ToLower(byWord)] && len(in.dims) == 0 && in.grain == "" && len(in.periods) < 2 {
		if i := slices.IndexFunc(in.filters, func(f valueFilter) bool { return !f.not && len(f.values) > 1 }); i >= 0 {
			in.dims = appendNew(in.dims, in.filters[i].dim) // "New York and Pennsylvania, each": one row each
		} else {
			unknown = append(unknown, byWord) // "revenue each": each what? (of two periods, each of them)
		}
	}
	unknown = seasonsNamed(append(unknown, r.accountFor(in, &sw)...), in.periods)
	if len(unknown) > 0 {
		reason := "I did not understand " + quoteAll(unknown) + "." + seasonAsk(unknown)
		for _, u := range unknown {
			for _, m := range r.lex.phrases[strings.ToLower(u)] {
				if m.upper {
					reason += fmt.Sprintf(" Codes are read in capitals: did you mean the %s %s?", label(m.name), m.value)
				}
			}
		}
		if !salesWords(items) {
			return nil, cu, &decline{kind: DeclineOutOfDomain, unknown: unknown, reason: "I did not understand " + quoteAll(unknown) +
				": that does not look like a question about the sales data. I answer questions about orders, revenue, customers, products, sales reps and regions."}
		}
		return nil, cu, &decline{kind: DeclineNotUnderstood, reason: reason, unknown: unknown}
	}
	if len(in.periods) == 1 && in.periods[0].each != "" && in.grain == "" && !average && !change {
		in.grain = in.periods[0].each // "revenue in 2023, 2024 and 2025": one row each
	} else if each := grainOf(in.periods); each != "" && in.rank != 0 && in.grain != "" {
		if outer, inner, ok := r.grainWithin(each, in.grain); ok && inner == in.grain {
			// "the top month in 2024 and the top month in 2025": months ranked within each year
			in.dims, perGroup = appendNew(in.dims, outer), true
		}
	}
	if d := r.countedWithin(in); d != nil {
		return nil, cu, d
	}
	if d := r.keptByTotal(in, hasKw(items, kwHowMany) || countSaid(items)); d != nil {
		return nil, cu, d
	}
	if d := r.settleClasses(in, &sw, &average, &change); d != nil {
		return nil, cu, d
	}
	if howMuch && len(afterValue) > 0 && len(afterValue) == len(in.metrics) && r.revenue != "" && !slices.Contains(in.metrics, r.revenue) {
		// "how much did we sell apart from the returned orders": money, the orders only say which
		in.metrics = []string{r.revenue}
		afterValue = nil
	}
	if len(afterValue) > 0 && len(afterValue) < len(in.metrics) {
		// a measure word that only says what a value is ("revenue for healthcare
		// customers") when another measure is asked for
		if slices.Equal(afterValue, []string{r.revenue}) && !slices.ContainsFunc(in.metrics, func(m string) bool { return m != r.revenue && !r.isCount(m) }) {
			// "all customers except enterprise revenue": the money is asked, the
			// customers say whose
			afterValue = slices.DeleteFunc(slices.Clone(in.metrics), func(m string) bool { return m == r.revenue })
		}
		in.metrics = slices.DeleteFunc(in.metrics, func(m string) bool {
			return slices.Contains(afterValue, m) && m != in.orderBy && m != r.attainment // "Marco Tucker quota attainment"
		})
	}
	if nc := r.lexMetric("new customers"); nc != "" {
		for _, m := range r.lex.phrases["acquired customers"] {
			if i := slices.Index(in.metrics, m.name); m.kind == kMetric && m.name != nc && i >= 0 {
				in.metrics[i] = nc // "customers acquired in Q1": new customers, counted on the orders' dates
			}
		}
	}
	if nc := r.lexMetric("new customers"); nc != "" && (sw.gain || slices.Contains(in.metrics, nc)) {
		// "customers placed their first order", "how many customers did we win": the new ones
		if i := slices.Index(in.metrics, r.countOf["customer_id"]); i >= 0 {
			in.metrics[i] = nc
			in.metrics = slices.Compact(in.metrics)
		}
		if sw.gain && in.orderBy == r.countOf["customer_id"] {
			in.orderBy = nc // "which rep gained the most customers": ranked by the new ones
		}
		if sw.gain && len(in.dims) == 1 && in.dims[0] == "customer_name" && !r.gainedCounted(in, items) && !slices.Contains(in.metrics, nc) {
			// "which customers did we win in 2025": read as every customer's revenue before
			return nil, cu, unsupported("I can count the customers won (new customers: \"how many new customers did we win in 2025\", by rep or region), but not list which ones they were")
		}
		if sw.gain && r.gainedCounted(in, items) {
			// "top 3 reps by customers gained", "who signed up the most
			// customers": the new customers counted, never each customer
			alone := len(in.dims) == 1
			in.dims = slices.DeleteFunc(in.dims, func(d string) bool { return d == "customer_name" })
			if in.defaulted || len(in.metrics) == 0 {
				in.metrics, in.defaulted = nil, false
			}
			in.metrics = append([]string{nc}, slices.DeleteFunc(in.metrics, func(m string) bool { return m == nc })...)
			in.orderBy = nc
			if alone && !slices.ContainsFunc(items, func(it item) bool { return it.kind == kNumber }) {
				in.limit = 1 // the plural was the customers', not how many are ranked
			}
		}
	}
	for _, kind := range []string{r.lexMetric("returning customers"), r.lexMetric("new customers")} {
		cc := r.countOf["customer_id"]
		if kind != "" && slices.Contains(in.metrics, kind) && (slices.Contains(in.metrics, cc) || r.fromCustomers(items)) &&
			slices.ContainsFunc(in.metrics, func(m string) bool { return m != kind && m != cc && !r.newOrReturning(m) }) {
			spentBy = true // "revenue from customers who had ordered before": what they spent
		}
	}
	if rc := r.lexMetric("returning customers"); rc != "" && slices.Contains(in.metrics, rc) {
		// "how many customers made a repeat purchase": the returning ones
		in.metrics = slices.DeleteFunc(in.metrics, func(m string) bool { return m == r.countOf["customer_id"] })
	}
	if len(in.metrics) == 0 && len(implied) > 0 {
		in.metrics = implied
		cu.namedMetric = true
	}
	if sw.revenueVerb && len(in.metrics) == 2 && slices.ContainsFunc(in.metrics, r.revenueRatio) {
		// "how much did the average order bring in": the ratio says the verb's revenue
		in.metrics = slices.DeleteFunc(in.metrics, func(m string) bool { return m == r.revenue })
	}
	if spentBy {
		return nil, cu, unsupported("I can count new and returning customers, but the model does not say what they spent: ask how many new customers there were, or for revenue by segment or customer")
	}
	if nc := r.lexMetric("new customers"); howMuch && (r.namesMetric(items, nc) || r.namesMetric(items, r.lexMetric("returning customers"))) && !hasKw(items, kwHowMany) && !countSaid(items) && !share {
		// "how much did new customers spend": never all customers' spend
		return nil, cu, unsupported("I can count new and returning customers, but the model does not say what they spent: ask how many new customers there were, or for revenue by segment or customer")
	}
	if howMuch && r.revenue != "" && len(in.metrics) > 0 && !share && !hasKw(items, kwHowMany) && !moved(items) && !slices.ContainsFunc(in.metrics, func(m string) bool { return !r.isCount(m) }) && !countSaid(items) {
		// "how much did Enterprise customers generate", "how much did orders
		// total": money; a count is asked "how many"
		in.metrics, in.defaulted = []string{r.revenue}, false
	}
	if len(in.metrics) == 0 && howMuch && r.revenue != "" && in.grain == "" && len(in.dims) == 0 {
		in.metrics, in.defaulted = []string{r.revenue}, true // "how much did the West sell": money, not a count
	}
	if err := missedBy(&sw, in, r.attainment != ""); err != nil {
		return nil, cu, err
	}
	if sw.distance && r.attainment != "" && in.rank != 0 && r.asksQuota(in) {
		// "who was furthest below quota": ranked by attainment, with the revenue
		// and quota it divides, never by the quota's size
		in.metrics, in.orderBy, in.defaulted = []string{r.revenue, r.quota, r.attainment}, r.attainment, false
	} else if len(sw.attain) > 0 && r.attainment != "" && in.rank != 0 && !in.countHit {
		in.orderBy = r.attainment // "the lowest % of quota reached by any rep": ranked by attainment
	} else if in.keepAmount != nil && in.keepAmount.field == r.attainment && r.attainment != "" {
		// "how many reps reached at least 90% of their quota": kept by the
		// percent said, not by the whole quota
		in.hit, in.hitMiss, in.rank, which = "", false, 0, false
		in.countKept, in.countHit = in.countKept || in.countHit, false
	} else if len(sw.attain) > 0 && r.attainment != "" && len(in.dims) > 0 && (which || list || in.hit != "" || slices.ContainsFunc(sw.attain, percentOfQuota)) {
		// "which reps hit their quota": the reps kept by their attainment, not a top one
		in.hit, in.hitMiss, in.rank, which = r.attainment, sw.miss, 0, false
	}
	if sw.vs && twoValues(in) && !in.compare {
		which = false // "which was bigger, Online or Phone": the two side by side, not a top one
	}
	if which && in.rank == 0 && len(in.dims) > 0 && len(in.metrics) > 0 && in.keepAmount == nil {
		in.rank = 1 // "which region had revenue …" reads as the top one
	}
	if pendingN > 0 {
		if in.rank == 0 && !which && !fastest && !shrink {
			return nil, cu, &decline{kind: DeclineNotUnderstood, reason: fmt.Sprintf("I read the number %d but not what to rank by; ask for the top or bottom %d", pendingN, pendingN)}
		}
		if in.rank == 0 {
			in.rank = 1
		}
		if in.limit == 0 {
			in.limit = pendingN
		}
	}
	if andValues && !hasKw(items, kwCombined) && in.rank == 0 && !share && len(in.dims) == 0 && in.grain == "" {
		// "orders from New York and Pennsylvania": one row each, never a sum;
		// so too across two periods ("how did online and retail change
		// from 2024 to 2025" was the two summed)
		compareValues = true
	}
	if compareValues {
		for _, f := range in.filters {
			if !f.not && len(f.values) > 1 {
				in.dims = appendNew(in.dims, f.dim) // set side by side, one row each
			}
		}
	}
	perGroup = in.groupsFirst(&sw) || perGroup
	in.perGroup = in.rank != 0 && perGroup && len(in.groupDims()) > 0
	if in.rank != 0 && in.limit == 0 {
		in.limit = 1
		if rankPlural || firstPlural && !rankTarget {
			in.limit = 10 // a plural with a superlative and no number: "the reps with the highest revenue"
		}
	}
	if in.limit > 1000 {
		return nil, cu, tooLarge("a top %d is more rows than I list; ask for 1000 or fewer", in.limit)
	}
	if average && in.grain != "" && len(in.periods) == 0 && !in.compare {
		what := joinAnd(labels(in.metrics))
		if what == "" {
			what = "revenue" // "how much do we sell in a typical month": no measure named yet
		}
		return nil, cu, &decline{kind: DeclineNotUnderstood, reason: fmt.Sprintf(
			"I read an average per %s but not over which period to average: name one (\"average %sly %s in 2025\", \"… in the last 12 months\")",
			in.grain, in.grain, what)}
	}
	if average && in.grain != "" {
		// "average revenue per month": the grain is the average's period
		in.perPeriod, in.grain = in.grain, ""
	} else if average {
		return nil, cu, &decline{kind: DeclineNotUnderstood, unknown: []string{"average"},
			reason: `I read "average" but not over what: ask for an average per month, week, day, quarter or year ("average monthly revenue in 2025"), or name a measure such as average order value.`}
	}
	if (share || sw.vs) && r.attainment != "" && slices.Contains(in.metrics, r.revenue) && slices.Contains(in.metrics, r.quota) {
		// "revenue versus quota as a percentage": the attainment, with its two figures
		in.metrics, share = []string{r.revenue, r.quota, r.attainment}, false
	}
	if r.asksQuota(in) && r.attainment != "" && len(in.periods) < 2 && (fastest || share) {
		// "furthest below quota in percentage terms": a quota's percent is its attainment
		in.metrics, change, fastest, share = []string{r.revenue, r.quota, r.attainment}, false, false, false
		if in.rank != 0 {
			in.orderBy = r.attainment
		}
	}
	if share && change && len(in.periods) > 0 {
		share, fastest = false, true // "by what percent did revenue grow": the change, in percent
	}
	partOfNew := false // "what share of new customers were in the West": the West's part of them
	if share && len(sw.attain) == 0 && len(marks) > 0 {
		if at := r.newOrReturningAt(items); at >= 0 {
			if at != metricAt || len(in.metrics) != 1 || !r.newOrReturning(in.metrics[0]) || slices.ContainsFunc(marks, func(m shareMark) bool { return m.pos < at }) {
				// "what share of customers in the West were new": a filter inside
				// the part, which the share of a whole cannot say
				return nil, cu, unsupported("I read a share of new or returning customers with a filter I cannot place in it: ask \"what share of new customers were in the West\" or \"how many new customers were in the West\"")
			}
			partOfNew = true
		}
	}
	if share && len(sw.attain) == 0 && !partOfNew && r.shareOfWhole(in, items) {
		share = false // "what share of customers were new": new customers ÷ customers
	}
	if share && len(sw.attain) == 0 && !r.sharePart(in, marks, shareAt, metricAt) {
		if len(in.dims) == 0 && in.grain == "" {
			return nil, cu, unsupported("I read a share of %s but not of what part: name the part (\"the share of revenue from the West\") or what to share it out over (\"each region's share of revenue\")", joinAnd(labels(in.metrics)))
		}
		in.shares = append([]string(nil), in.metrics...)
	}
	if in.part == nil && len(in.shares) == 0 {
		// "orders that got a discount": the orders that did, not a grouping by it
		for _, d := range slices.Clone(in.dims) {
			if r.isFlag(d) {
				in.dims = slices.DeleteFunc(in.dims, func(x string) bool { return x == d })
				in.flags = appendNew(in.flags, d)
			}
		}
	}
	if saysMove(items, growVerbs) && twoValues(in) && in.rank == 0 && !in.compare {
		// "which grew more, online or retail": the two ranked by their
		// change (they were set side by side, with no change at all)
		if cr := comparativeRank(items); cr != 0 {
			in.rank, rankSaid, change = cr, true, true
		}
	}
	if change && len(in.periods) == 0 && (shrink || fastest || in.rank != 0 || plainMove && which) && len(in.dims) > 0 && in.grain == "" && !in.compare {
		// "which category grew the most": over the last whole year, against
		// the year before, as the reading says
		y := today.Year() - 1
		in.periods = []period{{from: date(y, 1, 1), to: date(y, 12, 31), unit: dialect.Year,
			label: fmt.Sprintf("%d (the last whole year)", y)}}
	}
	overUnit := len(in.periods) == 1 && in.periods[0].unit != "" && in.grain == in.periods[0].unit && len(in.dims) == 0
	// "how did online and retail change in 2025": each one's change against
	// the period before (they were set side by side, the change dropped)
	eachChanged := twoValues(in) && len(in.dims) > 0 && saysMove(items, changeVerbs)
	if change && (in.compare || len(in.periods) == 1 && (shrink || fastest || in.rank != 0 || plainMove && which && len(in.dims) > 0 || eachChanged && in.periods[0].unit != "" ||
		(howMuch || overUnit) && in.periods[0].unit != "")) {
		if len(in.dims) == 0 && in.grain != "" && !in.compare && in.grain != in.periods[0].unit && (shrink || fastest || in.rank != 0 || which) && !hasWho(items) {
			// "which months shrank in 2025": each month against the one before
			// is not a change between two periods (it gave the year's total)
			return nil, cu, unsupported("I compare groups between two periods, not each %s with the one before: ask \"total revenue by %s in 2025\" and read the trend.", in.grain, in.grain)
		}
		if overUnit {
			in.grain = "" // "2025 year-over-year growth": 2025 against 2024, not 2025 by year
		}
		in.change, in.compare = true, len(in.periods) == 2
		eachGrowth := fastest && !rankedFast && !shrink && in.rank == 0 && !which && hasKw(items, kwBy) // "percent growth by category": each one's
		if (shrink || fastest || in.rank != 0 || which) && (len(in.dims) > 0 || in.grain != "") && !eachGrowth {
			in.moved = &changeRank{byPct: fastest, bottom: shrink || in.rank < 0, least: !shrink && in.rank < 0}
			if shrink && in.rank < 0 && !fastest && leastWords[rankWord] {
				in.moved = &changeRank{fellLeast: true} // "shrank the least": the smallest of the falls
			}
			if plainMove && (shrink || which) && !fastest && !rankSaid && pendingN == 0 && !hasKw(items, kwMoreThan) && len(in.dims) > 0 {
				// "which categories shrank": every one that did, not the one
				// that fell most
				if d := everyMovedDecline(in, howMany); d != nil {
					return nil, cu, d
				}
				in.moved.every, in.rank, in.limit = true, 0, 0
				if shrink && grewSaid {
					in.moved = nil // "which grew and which shrank": each one's change
				}
				return in, cu, nil
			}
			in.rank = 1
			in.limit = max(in.limit, 1)
		} else if (shrink || fastest || in.rank != 0) && len(in.dims) == 0 && in.grain == "" && hasWho(items) {
			// "who grew the most": the rep ranked by the change, once "who"
			// is read as the rep (Resolver.resolveWho)
			in.whoMoved = &changeRank{byPct: fastest, bottom: shrink || in.rank < 0, least: !shrink && in.rank < 0}
			in.rank = max(in.rank, 1)
		}
		return in, cu, nil
	}
	if (trend || change && !(twoValues(in) && len(in.periods) <= 1)) && in.grain == "" && !in.compare {
		// "the difference between East and West revenue": the two side by
		// side, not each one's trend
		in.grain = dialect.Month
		if len(in.periods) == 1 && in.periods[0].days() <= 62 {
			in.grain = dialect.Day
		}
	}
	return in, cu, nil
}

// distanceRank reports whether a superlative ranks by a distance ("furthest
// below", "most above"), which of a quota is its attainment.
func distanceRank(text string) bool {
	for _, w := range []string{"above", "below", "over", "from", "ahead", "short"} {
		if strings.HasSuffix(text, " "+w) || strings.Contains(text, " "+w+" ") {
			return true
		}
	}
	return false
}

// comparedToQuota returns the threshold word said of the quota ("exceeded
// their annual target", "below quota"), or nil.
func (r *Resolver) comparedToQuota(items []item) *item {
	for i := range items {
		n := neighbour(items, i+1)
		if n != nil && n.kind == kGrain {
			n = neighbour(items, i+2) // "their annual target"
		}
		if (items[i].kw(kwMore) || items[i].kw(kwLess)) && n != nil && r.quota != "" {
			if m, ok := n.reading(kMetric); ok && m.name == r.quota {
				return &items[i]
			}
		}
	}
	return nil
}

// growthNouns name growth in percent without ranking it: "percent growth by
// category" is each category's.
var growthNouns = toSet("growth rate", "in percentage terms", "percentage growth", "percent growth", "relative growth")

// countRanks are the superlatives that, before a thing counted ("the most
// customers", "the fewest products"), rank by how many of it.
var countRanks = toSet("most", "fewest", "least", "more", "fewer", "the most", "the fewest", "the least")

// sellsOrBuys reports whether a verb of selling or buying is among ws.
func sellsOrBuys(ws []word) bool {
	return slices.ContainsFunc(ws, func(w word) bool { return whoSells[w.text] || whoBuys[w.text] })
}

// percentOfQuota reports whether an attainment phrase names 100% of a quota
// ("reps above 100% of quota"): the reps kept by it.
func percentOfQuota(phrase string) bool { return strings.Contains(strings.ToLower(phrase), "100") }

// revenueVerbs say revenue as what was done: "bring in", "spend".
var revenueVerbs = toSet("bring in", "brought in", "spend", "spent", "spending", "earn", "earned", "generate", "generated",
	"pay", "paid", "rake in", "raked in", "pulled in", "bill", "billed", "invoiced", "worth", "make", "made")

// revenueRatio reports whether metric is the revenue divided by another
// metric (average order value, revenue per customer).
func (r *Resolver) revenueRatio(metric string) bool {
	for k, m := range r.ratio {
		if m == metric && k[0] == r.revenue {
			return true
		}
	}
	return false
}

// grainOf is the grain of the listed periods one range is made of, or "".
func grainOf(ps []period) dialect.Grain {
	if len(ps) != 1 {
		return ""
	}
	return ps[0].each
}

// repTargets are the targets that, said of the sales reps, are their quota.
var repTargets = toSet("targets", "sales target", "sales targets", "revenue targets", "target")

// saysReps reports whether the items name the sales reps: the dimension or
// one of them.
func (r *Resolver) saysReps(items []item) bool {
	return slices.ContainsFunc(items, func(it item) bool {
		for _, m := range it.ms {
			if (m.kind == kDim || m.kind == kValue) && m.name == "rep_name" {
				return true
			}
		}
		return false
	})
}

// refuse declines requests to change data and subjects outside the model.
func (r *Resolver) refuse(items []item, first string) *decline {
	for i := range items {
		if it := &items[i]; it.kind == kOutside && it.ms[0].name == offTopicMark {
			return &decline{kind: DeclineOutOfDomain, reason: fmt.Sprintf("%q is not something the sales data holds: I answer questions about orders, revenue, customers, products, sales reps and regions.", it.orig)}
		}
	}
	var outside []string
	for i := range items {
		it := &items[i]
		switch {
		case it.is(kWrite) && !hardWrite[it.text] && it.text == "set" && hasKw(items, kwVs):
			it.used = true // "set North against South": a comparison, not a write
		case it.is(kWrite) && (hardWrite[it.text] || i == 0 || first == it.text) && !(it.text == "change" && periodCount(items) >= 2):
			// "change in the North's revenue, 2024 to 2025" asks how it moved
			return &decline{kind: DeclineChangesData, reason: fmt.Sprintf("I only read sales data; I cannot %s anything. Ask a question about it instead.", it.text)}
		case it.is(kWrite) && gainVerbs[it.text] && r.countsNew(items):
			it.used = true // "how many new customers did we add": gained, not written
		case it.is(kWrite):
			// a verb such as "set" or "add" inside a question: not a request by
			// itself; "drop" may still be a fall in revenue
			it.ms = slices.DeleteFunc(slices.Clone(it.ms), func(m meaning) bool { return m.kind == kWrite })
			it.kind = kUnknown
			if len(it.ms) > 0 {
				it.kind = it.ms[0].kind
			}
		case it.kind == kFuture:
			return &decline{kind: DeclineForecast, reason: fmt.Sprintf("That asks about the future (%q): I answer from the orders recorded so far and do not forecast. Ask about a period that has ended, such as last quarter.", it.orig)}
		case it.kind == kOutside && (it.text == "cost" || it.text == "costs") && r.namesMetric(items, r.lexMetric("total discount")):
			it.used = true // "what did discounting cost us": the discount amount
		case it.kind == kOutside && repTargets[it.text] && r.saysReps(items) && r.lexMetric("quota") != "":
			// "each rep's targets", "sales targets by rep": their quota, which
			// the model calls a target too (they were outside the model)
			it.ms, it.kind = []meaning{{kind: kMetric, name: r.lexMetric("quota")}}, kMetric
		case it.kind == kOutside:
			outside = append(outside, it.orig)
		}
	}
	if first == "change" && hasKw(items, kwTo) && !hasKw(items, kwFrom) && periodCount(items) < 2 {
		return &decline{kind: DeclineChangesData, reason: "I only read sales data; I cannot change anything. Ask a question about it instead."}
	}
	if len(outside) > 0 {
		return &decline{kind: DeclineNotInModel, outside: outside, reason: fmt.Sprintf("The model has no data on %s: it holds orders, revenue, discounts, units, customers, products, sales reps and regions, not costs, margins, suppliers or anything outside sales.", quoteAll(outside))}
	}
	return nil
}

// periodCount is the number of years and quarters the items name.
func periodCount(items []item) int {
	n := 0
	for i := range items {
		if items[i].kind == kYear || items[i].kw(kwQuarterN) {
			n++
		}
	}
	return n
}

// otherValueOfDim reports whether the named filter at item i is also a value
// of a dimension another item of the question names a value of: "Enterprise
// vs SMB" sets two segments side by side, so "Enterprise" is the segment.
func (r *Resolver) otherValueOfDim(items []item, i int) bool {
	v, ok := items[i].reading(kValue)
	if f, isFilter := items[i].reading(kFilter); !ok && isFilter {
		fv, one := r.filterValue[f.name]
		v, ok = meaning{kind: kValue, name: fv.dim, value: fv.value}, one
	}
	if !ok {
		return false
	}
	for j := range items {
		if j == i {
			continue
		}
		for _, m := range items[j].ms {
			if m.kind == kValue && m.name == v.name && m.value != v.value {
				return true
			}
		}
	}
	return false
}

// salesWords reports whether any item names something of the sales data: a
// measure, a dimension, a value, a named filter, a grain or a time phrase.
func salesWords(items []item) bool {
	for i := range items {
		it := &items[i]
		switch {
		case it.is(kMetric), it.is(kDim), it.is(kValue), it.is(kFilter), it.is(kGrain), it.kind == kYear, it.kind == kMonth, it.kind == kDate, it.used:
			return true
		}
	}
	return false
}

// namesMetric reports whether an item of the question names metric.
func (r *Resolver) namesMetric(items []item, metric string) bool {
	for i := range items {
		if m, ok := items[i].reading(kMetric); ok && m.name == metric && metric != "" {
			return true
		}
	}
	return false
}

// gainVerbs say a count grew: "how many new customers did we add".
var gainVerbs = toSet("add", "gain", "win", "acquire")

// countsNew reports whether the items name the new customers metric.
func (r *Resolver) countsNew(items []item) bool {
	n := r.lexMetric("new customers")
	for i := range items {
		if m, ok := items[i].reading(kMetric); ok && m.name == n && n != "" {
			return true
		}
	}
	return false
}

// hardWrite are verbs that ask to change data wherever they appear.
var hardWrite = toSet("delete", "insert", "update", "truncate", "alter", "erase", "wipe", "purge",
	"overwrite", "upsert", "merge", "grant", "revoke", "destroy", "remove", "modify", "rename", "create")

func (it *item) sing() string {
	parts := strings.Split(it.text, " ")
	parts[len(parts)-1] = singular(parts[len(parts)-1])
	return strings.Join(parts, " ")
}

func neighbour(items []item, i int) *item {
	if i >= 0 && i < len(items) {
		return &items[i]
	}
	return nil
}

// namesPeriod reports whether a grain word only says what the time phrase
// after it is: "the month of November", "the year 2025", "the quarter Q3".
func namesPeriod(it, next *item) bool {
	if next == nil || !next.used {
		return false
	}
	switch it.ms[0].grain {
	case dialect.Month:
		return next.kind == kMonth
	case dialect.Year:
		return next.kind == kYear
	case dialect.Quarter:
		return next.kw(kwQuarterN) || next.kw(kwOrdinal)
	case dialect.Week:
		return it.used // "the week of 2025-12-01": read with its day (weekOf)
	}
	return false
}

// pastNot is the item after item i, or after the "not" that follows it:
// "channels except Online" names the channel of the value.
func pastNot(items []item, i int) *item {
	if n := neighbour(items, i+1); n != nil && n.kw(kwNot) {
		return neighbour(items, i+2)
	}
	return neighbour(items, i+1)
}

// qualifies reports whether a dimension word only names the kind of a value
// next to it: "the North region", "customer Paul Lee".
func qualifies(dim string, prev, next *item) bool {
	for _, n := range []*item{prev, next} {
		if n == nil {
			continue
		}
		for _, m := range n.ms {
			if m.kind == kValue && m.name == dim {
				return true
			}
		}
	}
	return false
}

// negatedValueBefore reports whether the value right before item i is left
// out: "non-retail channels", "channels other than retail".
func negatedValueBefore(items []item, i int) bool {
	p := neighbour(items, i-2)
	return p != nil && p.kw(kwNot)
}

// spendVerbs say what a subject spent: "what did customers spend".
var spendVerbs = toSet("spend", "spent", "spending", "paid", "pay", "paying")

// subject reports whether dim names who orders or sells (customers, reps):
// after a value ("SMB clients", "West reps") it says whose orders are meant.
func (r *Resolver) subject(dim string) bool {
	_, counted := r.countOf[dim]
	return counted || strings.HasSuffix(dim, "_name") // reps, products: named one by one
}

// countable reports whether it names a dimension the model counts
// ("customers", "products").
func (r *Resolver) countable(it *item) bool {
	if m, ok := it.reading(kMetric); ok && r.countsADimension(m.name) {
		return true // "distinct customer count", "different products sold"
	}
	d, ok := it.reading(kDim)
	if !ok {
		d, ok = r.dimReading(it.sing())
	}
	_, counted := r.countOf[d.name]
	// "how many different states": a dimension with no count of its own is
	// counted as groups (intent.countAll)
	return ok && (counted || !r.isFlag(d.name) && r.countOf["order_id"] != "")
}

// countsADimension reports whether metric counts the values of a dimension
// (distinct customers).
func (r *Resolver) countsADimension(metric string) bool {
	for _, mt := range r.countOf {
		if mt == metric {
			return true
		}
	}
	return false
}

// isDimWord reports whether an item also names a dimension ("customers").
func (r *Resolver) isDimWord(it *item) bool {
	if it.is(kDim) {
		return true
	}
	_, ok := r.dimReading(it.sing())
	return ok
}

// metricReading finds a metric called phrase.
func (r *Resolver) metricReading(phrase string) (meaning, bool) {
	for _, m := range r.lex.phrases[phrase] {
		if m.kind == kMetric {
			return m, true
		}
	}
	return meaning{}, false
}

// dimReading finds a dimension called phrase: "customers" read as customer.
func (r *Resolver) dimReading(phrase string) (meaning, bool) {
	for _, m := range r.lex.phrases[phrase] {
		if m.kind == kDim {
			return m, true
		}
	}
	return meaning{}, false
}

// chooseValue picks the reading of a value that names several dimensions: the one
// a neighbouring word names ("the Retail channel"), else the dimension with the
// fewest values (a sales rep before a customer, a channel before an industry).
// The answer says which it took and the suggestions offer the other.
func (r *Resolver) chooseValue(it *item, prev, next *item, in *intent) meaning {
	var vals []meaning
	for _, m := range it.ms {
		if m.kind == kValue {
			vals = append(vals, m)
		}
	}
	if len(vals) == 1 {
		return vals[0]
	}
	for _, n := range []*item{prev, next} {
		if n == nil || n.text != n.sing() {
			continue // "customers Marco Tucker sold to": plural, not the value's kind
		}
		for _, v := range vals {
			if d, ok := n.reading(kDim); ok && d.name == v.name {
				return v
			}
			if d, ok := r.dimReading(n.sing()); ok && n.kind != kValue && d.name == v.name {
				return v
			}
		}
	}
	best := vals[0]
	for _, v := range vals[1:] {
		if n, b := r.lex.dimSize[v.name], r.lex.dimSize[best.name]; n < b || n == b && v.name < best.name {
			best = v
		}
	}
	var others []string
	for _, v := range vals {
		if v.name != best.name {
			others = append(others, label(v.name))
		}
	}
	if len(others) == 0 {
		return best // two spellings of one dimension's value
	}
	in.notes = append(in.notes, fmt.Sprintf("%s is read as the %s; it is also a %s name — say \"%s %s\" for that.",
		best.value, label(best.name), joinOr(others), others[0], best.value))
	return best
}

func addValue(in *intent, dim, value string, not bool) {
	for i := range in.filters {
		if in.filters[i].dim == dim && in.filters[i].not == not {
			if !slices.Contains(in.filters[i].values, value) {
				in.filters[i].values = append(in.filters[i].values, value)
			}
			return
		}
	}
	in.filters = append(in.filters, valueFilter{dim: dim, values: []string{value}, not: not})
}

func appendNew(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

func quoteAll(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = fmt.Sprintf("%q", w)
	}
	return joinAnd(q)
}

// label is how a field is said: rep_name → rep, total_revenue → total revenue.
func label(name string) string { return spoken(strings.TrimSuffix(name, "_name")) }

// countedBy is the metric that counts what it names, when a ranking of
// other groups is by it said plural ("top 5 states by customers", "top
// reps by clients"): the groups ranked by how many, never a second group.
func (r *Resolver) countedBy(it *item, dims []string) string {
	if it.text == it.sing() || len(dims) == 0 {
		return ""
	}
	dim, ok := it.reading(kDim)
	if !ok {
		dim, ok = r.dimReading(it.sing())
	}
	if !ok || slices.Contains(dims, dim.name) {
		return ""
	}
	if met, isMet := it.reading(kMetric); isMet && met.name == r.countOf[dim.name] {
		return met.name
	}
	return r.countOf[dim.name]
}

// totalNouns name a group's total after its amount: "$50M in revenue".
var totalNouns = toSet("revenue", "revenues", "sales", "total revenue", "net revenue", "gross revenue", "turnover", "takings",
	"discount", "discounts", "gross sales", "net sales")

// totalNamedAfter is the sum metric named right after the amount that
// follows the threshold word at i ("more than $50M in revenue", "over $1M
// of sales"): a group's total, never one order's amount.
func (r *Resolver) totalNamedAfter(items []item, i int) (string, bool) {
	j := i + 2
	if n := neighbour(items, j); n != nil && currencyWords[n.text] {
		j++
	}
	n := neighbour(items, j)
	if n == nil || !n.is(kMetric) || !totalNouns[n.text] || ordersKept(items, i) {
		return "", false // "orders of less than $25 add up to": each order's amount
	}
	m, _ := n.reading(kMetric)
	if m.name != r.revenue && m.name != r.lexMetric("gross revenue") && m.name != r.lexMetric("total discount") {
		return "", false
	}
	n.used = true
	return m.name, true
}

// ordersKept reports whether the threshold word at i keeps orders: the last
// group said before it is the orders ("orders of less than $25", "how many
// orders in 2025 had more than $2,000 in revenue"), no other group after them.
func ordersKept(items []item, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch it := &items[k]; {
		case strings.Contains(it.text, "order"):
			return true
		case it.is(kDim):
			return false
		}
	}
	return false
}

// hasWho reports whether the question asks "who".
func hasWho(items []item) bool {
	return slices.ContainsFunc(items, func(it item) bool { return it.text == "who" })
}

// comparativeRank reads a comparative said of a change between two values:
// 1 for "grew more", "faster", "better"; -1 for "less", "slower", "worse"; 0
// when none is said.
func comparativeRank(items []item) int {
	for _, it := range items {
		switch it.text {
		case "more", "faster", "quicker", "higher", "better", "stronger":
			return 1
		case "less", "fewer", "slower", "lower", "worse", "weaker":
			return -1
		}
	}
	return 0
}

// leastWords say the least of a fall ("shrank the least", "the smallest
// decline"), where "worst" or "weakest" said of a fall is the biggest.
var leastWords = toSet("least", "smallest", "slightest", "lowest", "mildest", "fewest", "minimum", "min")

// changeVerbs say that something changed over time (the grow verbs too),
// where "difference" may set two values against each other ("the difference
// between East and West").
var changeVerbs = func() map[string]bool {
	m := toSet("change", "changed", "changes", "move", "moved", "develop", "developed", "evolve", "evolved", "trend", "trended")
	for w := range growVerbs {
		m[w] = true
	}
	return m
}()

// saysMove reports whether the question says one of verbs, or a shrink word.
func saysMove(items []item, verbs map[string]bool) bool {
	return slices.ContainsFunc(items, func(it item) bool { return verbs[it.text] || it.kw(kwShrink) })
}

// unplacedAsks declines two questions that no request answers and that were
// read as another: a change kept by its size ("which categories shrank by
// more than $300,000" kept orders over $300,000) and one value's place in a
// ranking ("what rank was California" gave its total).
func unplacedAsks(items []item, first string) *decline {
	for i := range items {
		it, next, after := &items[i], neighbour(items, i+1), neighbour(items, i+2)
		if (growVerbs[it.text] || it.kw(kwShrink)) && next != nil && next.text == "by" && after != nil &&
			(after.kind == kNumber || after.kw(kwMore) || after.kw(kwLess)) {
			return unsupported("I read a change kept by its size (%s by …), which I cannot keep groups by: ask which ones %s, and read the change of each.", it.orig, it.orig)
		}
		if (it.text == "rank" || it.text == "ranked") && (first == "what" || first == "which") &&
			!slices.ContainsFunc(items[:i], func(b item) bool { return !b.kw(kwWhich) }) {
			return unsupported("I list rankings, not one value's place in one: ask for the whole list sorted (\"total revenue by state in 2025, highest first\").")
		}
	}
	return nil
}
