package offline

import (
	"slices"
	"sort"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// kind says what a phrase of a question means.
type kind uint8

const (
	kMetric  kind = iota + 1 // a metric of the model (name)
	kDim                     // a dimension of the model (name)
	kValue                   // a value of a dimension (name, value)
	kFilter                  // a named filter (name)
	kGrain                   // a time grain word: month, quarterly … (grain)
	kKeyword                 // a structural word (name is the keyword)
	kMonth                   // a month name (n = 1…12)
	kOutside                 // a subject the model does not hold (name)
	kWrite                   // a request to change data (name)
	kFuture                  // a word that asks about the future: a forecast (name)
)

// Keywords (meaning.name for kKeyword).
const (
	kwBy       = "by"
	kwTop      = "top"
	kwBottom   = "bottom"
	kwLast     = "last"
	kwThis     = "this"
	kwYTD      = "ytd"
	kwMTD      = "mtd"
	kwQTD      = "qtd"
	kwSince    = "since"
	kwBetween  = "between"
	kwFrom     = "from"
	kwTo       = "to"
	kwAnd      = "and"
	kwVs       = "vs"
	kwTrend    = "trend"
	kwChange   = "change"
	kwInstead  = "instead"
	kwOnly     = "only"
	kwFollow   = "follow" // what about, how about
	kwNot      = "not"
	kwWhich    = "which"
	kwHowMany  = "howmany"
	kwToday    = "today"
	kwYest     = "yesterday"
	kwList     = "list"
	kwDrill    = "drill" // break that down
	kwOrdinal  = "ordinal"
	kwQuarterN = "qn" // q1 … q4
	kwDistinct = "distinct"
	kwAgo      = "ago"
	kwHalf     = "half"     // h1, h2, first half (n)
	kwMore     = "more"     // over, above, more than: a threshold follows
	kwBefore   = "before"   // the year before (last)
	kwShrink   = "shrink"   // shrank, lost, fell: the groups that dropped most
	kwFastest  = "fastest"  // fastest growing, growth rate: ranked by percent
	kwShare    = "share"    // share, percent of: a share of the total
	kwAverage  = "average"  // average per period: mean revenue per month
	kwLess     = "less"     // under, below, less than
	kwOrMore   = "ormore"   // "$10k or more": the amount before is a floor
	kwOrLess   = "orless"   // "$50 or less": a ceiling
	kwSorted   = "sorted"   // highest first: the whole list, sorted
	kwSortAsc  = "sortasc"  // lowest first
	kwGross    = "gross"    // before discounts: the gross figure
	kwSize     = "size"     // small, big: said of orders with a threshold or an order size
	kwMoreThan = "morecmp"  // more, fewer: said in a comparison
	kwDivide   = "divide"   // revenue divided by customers: a ratio metric
	kwAttain   = "attain"   // hit, reached, achieved (a quota): its attainment
	kwMiss     = "miss"     // missed, fell short of (a quota)
	kwGain     = "gain"     // won, gained (customers): new customers
	kwUnit     = "unit"     // in dollars: the unit a figure is asked in, which money already is
	kwCombined = "combined" // combined, added up: one figure for what is listed, not one each
	kwPart     = "part"     // early, mid, late (n = 1, 2, 3): a third of the period after it
	kwEdge     = "edge"     // the end of, the start of: an end of a range, never a period alone
)

// meaning is one reading of a phrase.
type meaning struct {
	kind  kind
	name  string // field, keyword or subject
	value string // the value as stored, for kValue
	grain dialect.Grain
	n     int
	upper bool // a value that only counts when written in capitals (state codes)
	// singular: a value read from its singular ("toy" for TOYS), which after
	// a subject or an auxiliary is a verb ("did we book")
	singular bool
	// neg: a yes/no dimension said to be false ("orders with no discount")
	neg bool
}

// lexicon maps phrases of up to maxWords words to their readings.
type lexicon struct {
	phrases  map[string][]meaning
	maxWords int
	// typoable are the single words a misspelling may be corrected to: the model's
	// names and synonyms, enum values and keywords — never people or products.
	typoable []string
	// known are the words that appear in some phrase.
	known map[string]bool
	// dimSize is the number of known values of each dimension.
	dimSize map[string]int
	// summed maps a metric that sums one fact (SUM(orders.net_amount)) to the
	// fact: the amount of each order, for thresholds.
	summed map[string]string
}

func newLexicon() *lexicon {
	return &lexicon{phrases: map[string][]meaning{}, known: map[string]bool{}, dimSize: map[string]int{}, summed: map[string]string{}}
}

// add records phrase (lower-cased, words separated by single spaces) as m.
func (l *lexicon) add(phrase string, m meaning, typoable bool) {
	p := normPhrase(phrase)
	if p == "" {
		return
	}
	for _, old := range l.phrases[p] {
		if old == m {
			return
		}
	}
	l.phrases[p] = append(l.phrases[p], m)
	ws := strings.Split(p, " ")
	l.maxWords = max(l.maxWords, len(ws))
	for _, w := range ws {
		l.known[w] = true
		if typoable && len(w) >= 4 && isAlpha(w) {
			l.typoable = append(l.typoable, w) // "ordr value": each word of a phrase
		}
	}
}

// normPhrase lower-cases a phrase and joins its words with single spaces, as
// split would see them.
func normPhrase(s string) string {
	ws := split(s)
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// spoken turns a field name into words: total_revenue → total revenue.
func spoken(name string) string { return strings.ReplaceAll(name, "_", " ") }

// fromModel adds the model's metrics, dimensions, sample values and named
// filters. A fact summed by a metric (SUM(orders.quantity)) is a name of that
// metric; a dimension called <x>_name also answers to <x>.
func (l *lexicon) fromModel(m *semantic.Model) {
	sumOf := map[string]string{} // lower fact name → metric summing it
	for _, f := range m.Fields() {
		if f.Kind == semantic.KindMetric {
			e := strings.ToLower(strings.ReplaceAll(f.Expr, " ", ""))
			if strings.HasPrefix(e, "sum(") && strings.HasSuffix(e, ")") && !strings.ContainsAny(e[4:len(e)-1], "()*/+-") {
				col := e[4 : len(e)-1]
				if i := strings.LastIndexByte(col, '.'); i >= 0 {
					col = col[i+1:]
				}
				sumOf[col] = f.Name
				l.summed[f.Name] = col
			}
		}
	}
	for _, f := range m.Fields() {
		names := append([]string{spoken(f.Name)}, f.Synonyms...)
		switch f.Kind {
		case semantic.KindMetric:
			for _, n := range names {
				l.add(n, meaning{kind: kMetric, name: f.Name}, true)
			}
		case semantic.KindFact:
			if mt, ok := sumOf[strings.ToLower(f.Name)]; ok {
				for _, n := range names {
					l.add(n, meaning{kind: kMetric, name: mt}, true)
				}
			}
		case semantic.KindDimension:
			if strings.HasSuffix(f.Name, "_name") {
				names = append(names, spoken(strings.TrimSuffix(f.Name, "_name")))
			}
			for _, n := range names {
				l.add(n, meaning{kind: kDim, name: f.Name}, true)
			}
			for _, v := range f.SampleValues {
				l.value(f, v, f.IsEnum)
			}
		case semantic.KindTimeDimension:
			// time dimensions are read as grains of the date (see grainWords)
		case semantic.KindFilter:
			for _, n := range names {
				l.add(n, meaning{kind: kFilter, name: f.Name}, true)
			}
		}
	}
}

// value adds a dimension value. Two-letter codes count only in capitals ("OR" is
// Oregon, "or" is a word); booleans are not values one names.
func (l *lexicon) value(f semantic.Field, v string, typoable bool) {
	if f.DataType.Family() == semantic.FamilyBoolean || strings.TrimSpace(v) == "" {
		return
	}
	m := meaning{kind: kValue, name: f.Name, value: v}
	if len(v) <= 3 && strings.ToUpper(v) == v && isAlpha(strings.ToLower(v)) {
		m.upper = true
	}
	l.add(v, m, typoable && !m.upper)
	if low := strings.ToLower(v); len(low) > 3 && isAlpha(low) && singular(low) != low {
		s := m
		s.singular = true
		l.add(singular(low), s, false) // TOYS: "toy units"; "book" after "we" is a verb (keepReadings)
	}
}

// countValues records how many values each dimension has, for disambiguation.
func (l *lexicon) countValues() {
	seen := map[string]map[string]bool{}
	for _, ms := range l.phrases {
		for _, m := range ms {
			if m.kind == kValue {
				if seen[m.name] == nil {
					seen[m.name] = map[string]bool{}
				}
				seen[m.name][m.value] = true
			}
		}
	}
	for d, vs := range seen {
		l.dimSize[d] = len(vs)
	}
}

// structural adds the grammar's own words.
func (l *lexicon) structural() {
	kw := func(name string, phrases ...string) {
		for _, p := range phrases {
			l.add(p, meaning{kind: kKeyword, name: name}, true)
		}
	}
	kw(kwBy, "separately", "individually", "by", "per", "each", "for each", "in each", "in every", "for every", "every", "within each", "across", "broken down by", "split by", "grouped by", "group by", "breakdown by",
		"divided between", "split between", "split among", "shared between", "spread across", "spread between")
	kw(kwTop, "top", "best", "highest", "largest", "biggest", "most", "leading", "leads", "lead", "peak", "best selling", "top selling", "greatest",
		"leaderboard", "league table")
	kw(kwBottom, "bottom", "worst", "lowest", "smallest", "least", "fewest", "worst selling", "weakest")
	kw(kwLast, "last", "past", "previous", "prior", "trailing", "rolling")
	kw(kwThis, "this", "current")
	kw(kwYTD, "ytd", "year to date", "so far this year", "this year so far")
	kw(kwMTD, "mtd", "month to date")
	kw(kwQTD, "qtd", "quarter to date")
	kw(kwSince, "since", "starting")
	kw(kwBetween, "between")
	kw(kwFrom, "from")
	kw(kwTo, "to", "until", "till", "through", "thru", "up to", "up until", "up till")
	kw(kwAnd, "and", "&", "or", "plus")
	kw(kwVs, "vs", "versus", "v", "vs.", "v.", "relative to", "in relation to", "as against", "against", "compared to", "compared with", "compare", "compared", "comparison",
		"stack up against", "stacks up against", "stacked up against", "measure up against", "than", "than in",
		"compare with", "set against", "side by side with", "side by side", "next to each other")
	kw(kwTrend, "trend", "trends", "trended", "trending", "over time", "evolution", "evolve")
	kw(kwChange, "increase", "increased", "increases", "change", "changed", "grow", "grew", "growth", "develop", "developed", "shift",
		"move", "moved", "movement", "difference", "differ", "go up or down", "went up or down",
		"stack up", "stacks up", "stacked up", "minus", "delta", "evolve from", "rise", "rises", "rising", "go up", "went up", "gone up", "going up", "up or down", "improved", "improve", "improvement", "rose", "risen", "climbed")
	kw(kwInstead, "instead", "rather")
	kw(kwOnly, "only", "just", "filter to", "limit to", "restrict to")
	kw(kwFollow, "what about", "how about", "and in", "and for", "now")
	kw(kwNot, "not", "excluding", "except", "except for", "excepting", "other than", "without", "exclude", "apart from", "aside from",
		"not counting", "leaving out", "leave out", "leaving", "outside", "outside of", "non", "ignoring",
		"disregarding", "barring", "excluded", "but not", "except for", "not including", "minus the", "no", "but",
		"leaving aside", "setting aside", "set aside", "other than the", "beyond", "minus anything", "minus any",
		"minus all", "minus everything", "less anything", "less any", "besides", "save for", "with the exception of",
		"omitting", "omit", "exclusive of", "net of", "ex", "excl", "exc", "sans", "other than for", "but for")
	// said after a value they leave it out as well ("with the West excluded",
	// "returns taken out"): see notAfter
	kw(kwNot, notAfterWords...)
	kw(kwWhich, "which", "who", "whom", "where")
	kw(kwHowMany, "how many", "number of", "count of", "count", "count the", "tally of", "total number of")
	kw(kwToday, "today", "now", "to date", "till today", "until today", "until now", "till now", "up to now",
		"to now", "through today", "up to today", "up until now")
	kw(kwYest, "yesterday")
	kw(kwList, "list", "what are the", "name the")
	kw(kwDrill, "break that down", "break it down", "break down", "break this down", "split that", "split it", "drill down", "drill into")
	for i, o := range []string{"first", "second", "third", "fourth"} {
		l.add(o, meaning{kind: kKeyword, name: kwOrdinal, n: i + 1}, true)
	}
	for i, o := range dayOrdinals {
		l.add(o, meaning{kind: kKeyword, name: kwOrdinal, n: i + 5}, false) // "the fifteenth of April"
	}
	for i := 1; i <= 4; i++ {
		l.add("q"+string(rune('0'+i)), meaning{kind: kKeyword, name: kwQuarterN, n: i}, false)
	}
	for g, ps := range grainWords {
		for _, p := range ps {
			l.add(p, meaning{kind: kGrain, grain: g}, true)
		}
	}
	for i, mn := range monthNames {
		l.add(mn, meaning{kind: kMonth, n: i + 1}, true)
		if len(mn) > 3 {
			l.add(mn[:3], meaning{kind: kMonth, n: i + 1}, false)
		}
	}
	l.add("sept", meaning{kind: kMonth, n: 9}, false)
	for _, s := range outside {
		if _, held := l.phrases[normPhrase(s)]; held {
			continue // the model holds it after all (a quota, a target)
		}
		l.add(s, meaning{kind: kOutside, name: s}, false)
	}
	for _, s := range offTopic {
		l.add(s, meaning{kind: kOutside, name: offTopicMark}, false)
	}
	for _, s := range writeWords {
		l.add(s, meaning{kind: kWrite, name: s}, false)
	}
	kw(kwBefore, "before")
	for _, p := range []string{"combined", "altogether", "all together", "together", "added up", "added together", "all added up",
		"summed", "summed up", "sum of", "the sum of", "sum of all", "total of all", "put together", "taken together", "in aggregate", "aggregated", "as a whole", "pooled", "lumped together"} {
		l.add(p, meaning{kind: kKeyword, name: kwCombined}, false) // never a misspelling's reading: "summer" is not "summed"
	}
	kw(kwShrink, "shrank", "shrink", "shrunk", "shrinking", "lost", "lose", "losing", "drop", "dropped",
		"declined", "decline", "declining", "fell", "fall", "fallen", "falling", "decrease", "decreased",
		"went down", "go down", "gone down", "biggest drop", "biggest decline", "biggest fall",
		"hardest", "worst decline", "contracted", "slumped", "slipped", "decliners", "biggest decliners", "slid", "sank", "dipped", "weakened")
	kw(kwFastest, "fastest", "faster", "quicker", "fastest growing", "quickest", "growth rate", "in percentage terms",
		"percentage growth", "percent growth", "relative growth", "grew fastest")
	kw(kwShare, "share", "share of", "percent", "percentage", "proportion", "fraction", "pct",
		"what percent", "percent of", "portion", "split of", "mix", "slice", "slice of", "cut of", "piece of",
		"contribute", "contributed", "contributes", "contribution", "contribution to", "contribute to", "contributed to")
	kw(kwAverage, "average", "avg", "mean", "on average", "typical", "per average")
	// "sales" on its own is the revenue; "sales rep" and "sales channel" are longer
	// phrases and win.
	if _, ok := l.phrases["total revenue"]; ok {
		l.add("sales", l.phrases["total revenue"][0], false)
		l.add("sale", l.phrases["total revenue"][0], false)
		l.add("revenues", l.phrases["total revenue"][0], false)
	}
	kw(kwAgo, "ago", "before now", "back")
	kw(kwOrMore, "or more", "or above", "or higher", "or greater", "and up", "and above", "or over", "plus or more")
	kw(kwOrLess, "or less", "or below", "or under", "or lower", "and below", "and under")
	kw(kwSorted, "highest first", "largest first", "biggest first", "most first", "sorted highest first",
		"sorted by most", "descending", "sorted descending", "in descending order", "highest to lowest", "largest to smallest",
		"most expensive first", "priciest first", "dearest first",
		// "rank the states by revenue": the whole list, sorted
		"rank", "ranked", "ranking", "rank the", "sort", "sorted", "sort by", "sorted by", "sort the", "in order of",
		"top to bottom", "from top to bottom", "best to worst", "from best to worst", "most to least", "from most to least")
	kw(kwSortAsc, "bottom to top", "from bottom to top", "worst to best", "from worst to best", "least to most", "from least to most",
		"cheapest first", "least expensive first", "lowest first", "smallest first", "fewest first", "least first", "ascending", "in ascending order",
		"lowest to highest", "smallest to largest")
	kw(kwGross, "gross", "before discounts", "before discount", "before any discount", "before any discounts",
		"pre discount", "at full list price", "at list price", "at full price", "full list price", "undiscounted",
		"without discounts", "without any discount", "list price revenue", "at list", "list value", "revenue at list price",
		"before markdowns", "before markdown", "at sticker price", "sticker price", "list price value", "value at list price",
		"before price cuts", "before reductions", "before any markdowns", "pre markdown")
	kw(kwSize, "small", "smaller", "large", "larger", "big", "bigger", "size", "sized", "tiny", "huge")
	kw(kwMoreThan, "more", "fewer", "higher", "lower", "better", "worse", "stronger", "weaker", "ahead", "behind", "outsold", "outperformed")
	kw(kwDivide, "divided by", "divided among", "over the number of")
	kw(kwUnit, "in dollars", "in dollar terms", "in usd", "in us dollars", "dollar terms", "in dollar value", "dollar value",
		"revenue wise", "sales wise", "in money terms")
	kw(kwGain, "win", "won", "gain", "gained", "signed", "signed up", "sign up", "onboarded", "onboard", "landed",
		"brought on", "attracted", "attract", "bring on", "sign", "signs", "acquire", "acquired", "acquiring", "open", "opened", "opening")
	kw(kwAttain, "hit", "hitting", "met", "meet", "reached", "reach", "achieved", "achieve", "attained",
		"made quota", "make quota", "at or above", "reached 100 percent of", "hit 100 percent of",
		"achieved 100 percent of", "got to", "get to", "close to", "do against", "did against", "does against",
		"exceeded their quota", "exceeded quota", "exceeded its quota", "beat their quota", "beat quota", "beat", "surpassed",
		"over quota", "above quota", "at quota", "made their quota", "made its quota", "make their quota", "hit their number",
		"reached their quota", "reached quota", "hit quota", "met quota", "met their quota", "achieved quota",
		"make his number", "made his number", "hit his number", "make her number", "made her number", "hit her number",
		"make their number", "made their number", "make their numbers", "made their numbers", "hit their numbers",
		"how close", "how near", "how far from", "above 100 percent of", "over 100 percent of", "at least 100 percent of",
		"more than 100 percent of", "100 percent or more of", "at or above 100 percent of", "make its number", "made its number",
		"hit its number", "hit the number", "made the number", "make the number")
	kw(kwMiss, "missed", "miss", "missing", "fell short of", "fall short of", "falls short of", "short of",
		"failed to hit", "failed to reach", "failed to make", "failed to meet", "did not hit", "did not reach",
		"did not make", "did not meet", "below quota", "under quota", "below their quota", "under their quota",
		"missed their quota", "missed quota", "missed its quota", "below 100 percent of", "under 100 percent of",
		"less than 100 percent of", "missed its number", "missed their number", "missed the number")
	kw(kwMore, "over", "above", "more than", "exceeded", "exceed", "exceeds", "worth over", "greater than", "bigger than", "larger than", "at least",
		"exceeding", "upwards of", "in excess of", "worth more than", "higher than", "min", "minimum", "north of", "topped",
		"topping", "tops", "over and above", "no fewer than", "no less than", "not less than", "at or above", "at or over")
	kw(kwLess, "under", "below", "less than", "smaller than", "at most", "lower than", "cheaper than",
		"worth less than", "max", "maximum", "up to", "sub", "fewer than", "no more than", "not more than", "at or below", "at or under")
	for i, h := range []string{"h1", "h2"} {
		l.add(h, meaning{kind: kKeyword, name: kwHalf, n: i + 1}, false)
		l.add(h[1:]+h[:1], meaning{kind: kKeyword, name: kwHalf, n: i + 1}, false) // 1H
	}
	for n, ws := range [][]string{{"early", "the early part of", "early part of", "the first part of"},
		{"mid", "middle of", "the middle of", "mid way through", "midway through"},
		{"late", "the late part of", "late part of", "the latter part of", "the last part of"}} {
		for _, w := range ws {
			l.add(w, meaning{kind: kKeyword, name: kwPart, n: n + 1}, false)
		}
	}
	kw(kwEdge, "the end of", "end of", "the start of", "start of", "the beginning of", "beginning of",
		"the close of", "close of", "the very end of", "the very start of", "the very beginning of")
	l.add("first half", meaning{kind: kKeyword, name: kwHalf, n: 1}, false)
	l.add("second half", meaning{kind: kKeyword, name: kwHalf, n: 2}, false)
	l.add("1st half", meaning{kind: kKeyword, name: kwHalf, n: 1}, false)
	l.add("2nd half", meaning{kind: kKeyword, name: kwHalf, n: 2}, false)
	l.everyday()
}

// grainWords are the words of each time grain. Daily, weekly … also group.
var grainWords = map[dialect.Grain][]string{
	dialect.Day:     {"day", "days", "daily", "date", "day by day"},
	dialect.Week:    {"week", "weeks", "weekly", "week by week"},
	dialect.Month:   {"month", "months", "monthly", "month by month", "month over month"},
	dialect.Quarter: {"quarter", "quarters", "quarterly", "quarter by quarter"},
	dialect.Year:    {"year", "years", "yearly", "annual", "annually", "year by year", "year over year"},
}

// dayOrdinals are the spelled ordinals from the fifth to the thirty-first:
// days of a month ("the fifteenth of April").
var dayOrdinals = []string{"fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
	"thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
	"twenty first", "twenty second", "twenty third", "twenty fourth", "twenty fifth", "twenty sixth",
	"twenty seventh", "twenty eighth", "twenty ninth", "thirtieth", "thirty first"}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// outside are subjects a sales question may ask about that the model does not
// hold: asked about, they are declined by name.
var outside = []string{
	"profit", "profits", "profitability", "cost", "costs", "cogs", "margin", "margins", "markup",
	"supplier", "suppliers", "vendor", "vendors", "inventory", "web traffic", "traffic", "visits",
	"visitors", "page views", "clicks", "website", "headcount", "wages", "wage", "bonus", "bonuses",
	"commission", "commissions", "shipping", "freight", "rent", "stock", "warehouse stock", "salary",
	"salaries", "payroll", "tax", "taxes", "shipping cost", "budget", "quota", "quotas", "target",
	"targets", "sales reps paid", "reps paid", "rep paid", "salespeople paid", "are paid", "get paid", "gets paid", "email", "emails", "phone number", "address", "churn", "employee", "employees",
	"expenses", "expense", "roi", "ebitda", "unit cost", "return on investment", "profitable",
	"conversion", "conversion rate", "bounce", "bounce rate", "sessions", "pageviews",
	"acquisition target", "acquisition targets", "customer acquisition cost", "acquisition cost", "customer acquisition target", "customer acquisition targets", "campaign", "campaigns",
	"marketing", "goal", "goals", "objective", "objectives", "compensation", "pay our reps", "pay our sales reps",
	"pay the reps", "we pay", "paid to reps", "paid to our reps", "visited", "visit", "site", "web site",
	"footfall", "ad", "ads", "advertising", "returns policy", "refund rate", "satisfaction", "nps", "reviews", "ratings",
	"cancelled", "canceled", "cancellation", "cancellations", "refunds", "refunded",
	"net income", "net profit", "operating income", "net earnings", "operating expenses", "opex", "overheads",
	"get paid", "gets paid", "got paid", "paid to", "payout", "payouts", "remuneration", "incentive", "incentives",
	"spiff", "spiffs", "paycheck", "paychecks", "overtime", "benefits", "pension", "hourly rate", "pay rate",
	"sales target", "sales targets", "revenue goal", "forecast accuracy", "pipeline", "leads", "opportunities",
	"win rate", "deal pipeline", "returns cost", "cost of returns", "gross margin", "cost of goods",
	"highest paid", "best paid", "paid the most", "lowest paid", "paid the least", "plan", "plans", "planned",
	"quota plan", "sales plan",
	"how many leads", "number of leads", "sales leads", "new leads", "leads did we", "support tickets", "support ticket",
	"support cases", "complaints", "customer complaints",
	"arr", "mrr", "annual recurring revenue", "monthly recurring revenue", "recurring revenue", "subscription revenue", "subscriptions", "churned",
}

// offTopicMark names the reading of an off-topic subject.
const offTopicMark = "off-topic"

// writeWords ask to change data; such a request is always declined.
var writeWords = []string{
	"delete", "remove", "drop", "insert", "update", "truncate", "alter", "create", "modify",
	"edit", "erase", "overwrite", "rename", "grant", "revoke", "merge", "upsert", "replace",
	"set", "write", "save", "add", "cancel", "refund", "wipe", "purge", "reset", "destroy",
	"mark", "put", "assign", "reassign", "move", "upload", "import", "load", "store", "increase", "decrease",
	"raise", "lower", "fix", "correct",
}

// stopWords carry no meaning for resolution.
var stopWords = toSet(
	"still",                              // "orders still processing"
	"stuff",                              // "office stuff": the office category
	"drove", "drive", "drives", "driven", // "which channel drove the most revenue"
	"ms", "mr", "mrs", "dr", // "how much did Ms. Khan spend"
	"via", "the", "a", "an", "of", "what", "whats", "was", "is", "are", "were", "be", "been", "show", "me",
	"us", "give", "tell", "display", "get", "please", "i", "we", "our", "my", "you", "can", "could",
	"would", "like", "want", "how", "much", "did", "do", "does", "done", "has", "have", "had", "in",
	"on", "at", "for", "with", "that", "it", "there", "their", "all", "overall", "total", "totals",
	"sum", "amount", "its", "made", "generate", "generated", "bring", "brought", "perform",
	"performed", "performance", "doing", "sell", "sold", "selling", "figure", "figures", "data",
	"number", "numbers", "result", "results", "during", "within", "period", "so", "far", "as", "well",
	"also", "then", "same", "again", "please", "thanks", "whole", "entire", "full", "order",
	"about", "see", "look", "looking", "up", "view", "report", "many", "go", "went", "come", "came",
	"were", "been", "being", "out", "into", "any", "some", "kind", "let", "lets", "know", "need",
	"find", "breakdown", "split", "down", "break", "time", "period",
	"year's", "everything", "ever", "far", "date", "dates", "ones", "one's", "s", "terms", "term",
	"according", "across", "based", "had", "were", "value", "values", "who", "group", "grouped",
	"ordered", "placed", "bought", "purchased", "buy", "given", "over", "got", "receive", "received",
	"make", "generated", "cumulative", "place", "places", "placing", "had", "received",
	"been", "bring", "makes", "generates", "customer's", "overall",
	"company", "companywide", "firm", "pls", "plz", "thx", "those", "these", "start", "end", "beginning", "inclusive", "including",
	"take", "took", "taken", "booked", "book", "close", "closed", "serve", "served", "buying", "buy",
	"shifted", "shift", "located", "something", "anything", "lifetime", "alltime", "come", "coming",
	"came", "ordering", "orders placed", "comes", "coming from", "worth", "sells", "used", "often",
	"frequently", "acquired", "added", "acquire", "side", "single", "away", "granted", "grant", "everyone", "everybody",
	"move", "moved", "moving", "went", "recorded", "record", "registered", "logged",
	"handled", "handle", "handles", "managed", "manage", "manages", "owned", "owns", "covered", "covers",
	"picked", "picked up", "hand out", "handed out", "hand", "handed", "gave out", "give out", "gave", "gives", "his", "her", "hers", "him", "she", "he", "they", "them", "brand", "very", "if", "wise", "level", "both",
	"show both", "counting", "dollar terms", "in dollar terms", "terms", "all time", "active",
	"responsible", "assigned", "attributed", "credited", "valued", "sized", "range", "landed", "landing",
	"whose", "everywhere", "anywhere", "kept", "applied", "among", "amongst", "pull", "fetch", "grab", "nothing else", "calendar", "costing", "priced", "amounting", "totaling", "totalling", "totaled", "totalled", "buys", "carry", "carries", "carried", "ship", "shipped", "ships", "shipping out", "delivered", "deliver", "dispatched",
)

// pleasantries are stop words no misspelling is read as: a word near them
// ("things" is near "thanks") would be dropped, not understood.
var pleasantries = toSet("thanks", "please")

func toSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// finish sorts the typo candidates, so corrections are deterministic.
func (l *lexicon) finish() {
	for w := range stopWords {
		if len(w) >= 5 && isAlpha(w) && !pleasantries[w] {
			l.typoable = append(l.typoable, w) // "numbr", "frist" are still read
		}
	}
	for w := range numberWords {
		if len(w) >= 5 && isAlpha(w) {
			l.typoable = append(l.typoable, w) // "thre", "sevne": numbers
		}
	}
	sort.Strings(l.typoable)
	l.typoable = dedupe(l.typoable)
	l.countValues()
	for p, ms := range l.phrases {
		// a subject outside the model that an everyday word of it also names
		// ("quotas": the reps' quota) is the model's
		if held := slices.ContainsFunc(ms, func(m meaning) bool { return m.kind == kMetric || m.kind == kDim }); held {
			l.phrases[p] = slices.DeleteFunc(ms, func(m meaning) bool { return m.kind == kOutside })
		}
	}
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// shrinkSuperlatives are the shrink words that already say "most": "the
// biggest drop" is the one group that fell most, where "shrank" alone asks
// which groups fell.
var shrinkSuperlatives = toSet("biggest drop", "biggest decline", "biggest fall", "hardest", "worst decline", "biggest decliners")

// growVerbs say that something grew as a plain verb: "which regions grew" asks
// for every region that did.
var growVerbs = toSet("grow", "grew", "grown", "increase", "increased", "rose", "risen", "climbed", "improved", "went up", "gone up")
