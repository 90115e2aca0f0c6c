package offline

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// period is a resolved date range of a question, inclusive, with how to say it.
type period struct {
	from, to time.Time
	unit     dialect.Grain // year, quarter, month or day when it is one whole such period; else ""
	label    string
	// inYear, when set, makes the same period in another year: the period was
	// named without its year ("March"), so a range may take the year of its
	// other end ("March to June 2025").
	inYear func(y int) period
	// current is the grain of a period that runs to today ("this year", YTD):
	// it may have no orders yet (see Resolver.settle).
	current dialect.Grain
	// without are periods left out of this one ("2025 excluding December"),
	// which not marks
	without []period
	not     bool
	// each is the grain of the periods listed to make this one ("March, April
	// and May"): without "combined", one row each.
	each dialect.Grain
	// prior: said "the prior", "the previous" grain, which beside a named
	// period is the one before it ("2025 versus the prior year": 2024)
	prior bool
	// standsFor, when set, is the current period this complete one stands
	// for, which has no orders yet: said once, in the reading (read), not
	// beside each figure
	standsFor string
}

// read is the period's label as the reading says it: with the current
// period it stands for, if any.
func (p period) read() string {
	if p.standsFor == "" {
		return p.label
	}
	return p.label + " (for " + p.standsFor + ", which has no orders yet)"
}

func (p period) days() int { return int(p.to.Sub(p.from)/(24*time.Hour)) + 1 }

// periods reads the time phrases of the items (marking them used), given today.
// It returns the range, or two ranges to compare, and an error for a time phrase
// it cannot read.
func periods(items []item, today time.Time) (ps []period, compare bool, err error) {
	ps, compare, err = readPeriods(items, today)
	if err != nil {
		return nil, false, err
	}
	if left := leftOut(items); left != "" && (len(ps) != 1 || len(ps[0].without) == 0) {
		// "from 2024 to 2025 excluding December": the range read is a new
		// period, which would drop the one left out
		return nil, false, fmt.Errorf("I read %s left out of a period, but could not apply it to the periods of this question: ask for one period excluding it (\"revenue in 2025 excluding December\")", left)
	}
	return ps, compare, nil
}

// leftOut is the label of a period the items leave out, or "".
func leftOut(items []item) string {
	for i := range items {
		if items[i].leftOut != "" {
			return items[i].leftOut
		}
	}
	return ""
}

// readPeriods is periods before it checks the periods left out were kept.
func readPeriods(items []item, today time.Time) (ps []period, compare bool, err error) {
	var spans []period
	var joins []string // the keyword before each span: since, between, from, to, and, vs
	var lastKw, lastText, firstText string
	excluding := false // the last period read was left out of the one before
	var edge *item     // "the end of" before the next period: an end of a range
	// pending is a month left out before the year it is left out of
	// ("excluding December in 2025"), said at pendingAt
	var pending *period
	var pendingAt *item
	thanYear := false
	for i := 0; i < len(items); i++ {
		it := &items[i]
		if it.kind == kKeyword {
			switch it.ms[0].name {
			case kwEdge:
				edge = it
				continue
			case kwSince, kwBetween, kwFrom, kwTo, kwAnd, kwVs:
				lastKw, lastText = it.ms[0].name, it.text
				thanYear = thanYear || len(spans) == 0 && strings.HasPrefix(it.text, "than") // "more revenue than in 2024"
				continue
			case kwAttain:
				if _, _, ok, _ := spanAt(items, min(i+1, len(items)-1), today); ok && strings.HasSuffix(it.text, "against") && i+1 < len(items) {
					lastKw, lastText = kwVs, it.text // "how did December 2025 do against December 2024"
					continue
				}
			case kwMore, kwLess, kwMoreThan:
				than := strings.HasSuffix(it.text, "than") || periodAgainst[it.text]
				if i+1 < len(items) && (items[i+1].kind == kYear || (len(spans) == 0 || than) && (items[i+1].kw(kwLast) || items[i+1].kind == kMonth || items[i+1].kw(kwQuarterN))) && (len(spans) > 0 || than) {
					// "was 2025 higher than 2024", "was Q4 2025 higher than
					// Q3 2025": set side by side; "more than in 2024",
					// "higher than last year" with no period before:
					// against this year
					thanYear = len(spans) == 0
					lastKw, lastText = kwVs, it.text
					continue
				}
			}
		}
		p, n, ok, perr := spanAt(items, i, today)
		if perr != nil {
			return nil, false, perr
		}
		if !ok && len(spans) > 0 {
			p, n, ok = before(items, i, spans[len(spans)-1]) // "last year against the year before"
		}
		if !ok && len(spans) > 0 && lastKw != "" {
			p, n, ok = ellipsis(items, i, spans[len(spans)-1]) // "the first quarter of 2025 against the second"
		}
		if !ok {
			if it.kind != kKeyword || it.ms[0].name != kwChange {
				lastKw = ""
			}
			continue
		}
		if edge != nil {
			if !rangeEnd(lastKw, len(spans)) {
				// "revenue at the end of 2025": which part of it is not said
				return nil, false, fmt.Errorf("I read %q %s but not how much of it: ask for a part of it by name (its last month or quarter, or a date range), or for the whole of %s", edge.orig, p.label, p.label)
			}
			edge.used = true // "from the start of 2024 to the end of 2025": the range's ends
			edge = nil
		}
		for j := i; j < i+n; j++ {
			items[j].used = true
		}
		if w, ok := weekOf(items, i, p, lastKw); ok {
			p, lastKw = w, "" // "the week of 2025-12-01": that week, not its first day
		}
		if i > 0 && len(spans) == 0 && p.unit == dialect.Month && n >= 2 && items[i+n-1].kind == kYear && items[i+n-1].afterIn && items[i-1].kw(kwNot) && !items[i-1].used {
			// "revenue excluding December in 2025": the year, the month left out
			items[i-1].used = true
			y := p.from.Year()
			p.not, it.leftOut = true, p.label
			spans = append(spans, period{from: date(y, 1, 1), to: date(y, 12, 31), unit: dialect.Year, label: strconv.Itoa(y), without: []period{p}})
			joins = append(joins, "")
			lastKw = ""
			i += n - 1
			continue
		}
		if i > 0 && len(spans) == 0 && pending == nil && p.inYear != nil && items[i-1].kw(kwNot) && !items[i-1].used {
			// "revenue excluding December in 2025": left out of the year after it
			items[i-1].used = true
			left := p
			pending, pendingAt = &left, it
			lastKw = ""
			i += n - 1
			continue
		}
		if i > 0 && len(spans) > 0 && (items[i-1].kw(kwNot) && !items[i-1].used || excluding && lastKw == kwAnd) {
			// "2025 excluding December (and November)": left out of the period before it
			items[i-1].used = true
			outer := &spans[len(spans)-1]
			if p.inYear != nil {
				if outer.from.Year() != outer.to.Year() {
					return nil, false, fmt.Errorf("I read %s left out of %s, which spans more than one year: ask for one year at a time", p.label, outer.label)
				}
				p = p.inYear(outer.from.Year())
			}
			if k := i + n; k+1 < len(items) && items[k].kw(kwAnd) && negatable(&items[k+1]) {
				// "2025 excluding December and the West": one negation over a
				// period and a value
				return nil, false, fmt.Errorf("I read %s and %q left out together, and cannot leave out a period and a value in one list: ask \"excluding %s\" and \"excluding %s\" separately", p.label, items[k+1].orig, p.label, items[k+1].orig)
			}
			it.leftOut = p.label
			p.not, excluding = true, true
			outer.without = append(outer.without, p)
			lastKw = ""
			i += n - 1
			continue
		}
		if negatedList(items, i, n) {
			// "excluding the West and December", "with December and the West
			// excluded": a period in a list a negation leaves out
			return nil, false, fmt.Errorf("I read %s in a list that is left out, and cannot leave out a period and a value in one list: ask for the period, and leave out the value alone", p.label)
		}
		excluding = false
		if lastKw != "" && i > 0 {
			items[i-1].used = true
		}
		if pending != nil {
			if p.from.Year() != p.to.Year() {
				return nil, false, fmt.Errorf("I read %s left out of %s, which spans more than one year: ask for one year at a time", pending.label, p.label)
			}
			left := pending.inYear(p.from.Year())
			left.not, pendingAt.leftOut = true, left.label
			p.without = append(p.without, left)
			pending = nil
		}
		spans = append(spans, p)
		joins = append(joins, lastKw)
		if len(spans) == 1 {
			firstText = lastText
		}
		lastKw = ""
		i += n - 1
	}
	if pending != nil {
		month := strings.Fields(pending.label)[0]
		return nil, false, fmt.Errorf("I read %s left out, but not of which year: ask \"revenue in 2025 excluding %s\"", month, month)
	}
	spans, joins = foldYear(spans, joins)
	if thanYear && len(spans) == 1 && joins[0] == kwVs {
		// "did Texas sell more than in 2024": this year against 2024; "than
		// last quarter": this quarter
		g := spans[0].unit
		if g != dialect.Month && g != dialect.Quarter {
			g = dialect.Year
		}
		cur, _, _, _ := relative(false, 0, g, today, 0)
		than := spans[0]
		than.inYear = nil // "than in March": the latest March, not this year's
		spans, joins = []period{cur, than}, []string{"", kwVs}
	}
	if p, ok := run(spans, joins, hasKw(items, kwCombined)); ok {
		if !hasKw(items, kwCombined) {
			p.each = spans[0].unit // "revenue in 2023, 2024 and 2025": one row each
		}
		return []period{p}, false, nil // "March, April and May 2025 combined"
	}
	switch len(spans) {
	case 0:
		return nil, false, nil
	case 1:
		p := spans[0]
		switch joins[0] {
		case kwBetween:
			return nil, false, fmt.Errorf("\"between\" needs two dates, and I read only %s", p.label)
		case kwVs:
			if !compareWords[firstText] {
				return nil, false, fmt.Errorf("a comparison needs two periods, and I read only %s", p.label)
			} // "how did the regions compare in 2025": the groups compared, in one period
		case kwTo:
			if firstText == "to" {
				break // "worth to us in 2025"
			}
			// "through September 2025" says an end, not a start: never the
			// month alone
			return nil, false, fmt.Errorf("I read where the range ends (%s) but not where it starts: ask \"from January 2025 through %s\"", p.label, p.label)
		}
		if joins[0] == kwSince {
			p = period{from: p.from, to: today, label: "since " + p.label}
		}
		if p.label == "today" && !hasText(items, "today") {
			return nil, false, nil // "total sales to date", "revenue until now": every order so far
		}
		return []period{p}, false, nil
	case 2:
		a, b := spans[0], spans[1]
		switch {
		case joins[0] == kwBetween && !moved(items) || (joins[1] == kwTo && !moved(items) && !hasKw(items, kwVs)):
			a, b = anchor(a, b)
			if b.to.Before(a.from) {
				return nil, false, fmt.Errorf("the range starts %s, after it ends %s", a.label, b.label)
			}
			return []period{{from: a.from, to: b.to, label: "from " + a.from.Format(time.DateOnly) + " to " + b.to.Format(time.DateOnly)}}, false, nil
		case joins[1] != kwVs && a.unit == b.unit && a.unit != "" && rankedGrain(items, a.unit) && !moved(items):
			// "the top month in 2024 and the top month in 2025": ranked within each year
			a, b = anchor(a, b)
			if b.from.Before(a.from) {
				a, b = b, a
			}
			return []period{{from: a.from, to: b.to, each: a.unit, label: "from " + a.from.Format(time.DateOnly) + " to " + b.to.Format(time.DateOnly)}}, false, nil
		case joins[1] == "" && b.label == "today":
			return []period{{from: a.from, to: b.to, label: "from " + a.from.Format(time.DateOnly) + " to " + b.to.Format(time.DateOnly)}}, false, nil
		case joins[1] == "" && (a.inYear != nil && b.inYear == nil || a.unit == dialect.Day && b.unit == dialect.Day ||
			a.unit == dialect.Month && b.unit == dialect.Month && b.from.After(a.to) && b.from.Year() != a.from.Year()) && !moved(items):
			// "Mar-Jun 2025": two months written next to each other, one year;
			// "Dec 2024 - Feb 2025": across the turn of the year
			a, b = anchor(a, b)
			if b.to.Before(a.from) {
				return nil, false, fmt.Errorf("the range starts %s, after it ends %s", a.label, b.label)
			}
			return []period{{from: a.from, to: b.to, label: "from " + a.from.Format(time.DateOnly) + " to " + b.to.Format(time.DateOnly)}}, false, nil
		case joins[1] == kwVs || joins[1] == kwAnd || joins[1] == kwTo || joins[1] == "" && (moved(items) || joins[0] == kwVs):
			a, b = sameYear(a, b)
			a, b = priorTo(a, b)
			a, b = toDate(a, b), toDate(b, a)
			if (a.unit == "" || a.unit != b.unit) && !(isHalf(a) && isHalf(b)) {
				return nil, false, fmt.Errorf("I can compare two periods of the same kind (two years, halves, quarters or months), not %s and %s", a.label, b.label)
			}
			if b.from.Before(a.from) {
				a, b = b, a
			}
			return []period{a, b}, true, nil
		}
	}
	return nil, false, fmt.Errorf("I read %d time periods and do not know how they go together", len(spans))
}

// rangeEnd reports whether a period after the keyword join (the nth read)
// is an end of a range: "since the start of 2025", "to the end of March".
func rangeEnd(join string, n int) bool {
	switch join {
	case kwSince, kwFrom, kwTo, kwBetween:
		return true
	case kwAnd:
		return n > 0
	}
	return false
}

// rankedGrain reports whether the items rank a grain finer than unit ("the
// top month" of two years).
func rankedGrain(items []item, unit dialect.Grain) bool {
	order := []dialect.Grain{dialect.Day, dialect.Week, dialect.Month, dialect.Quarter, dialect.Year}
	ranked, finer := false, false
	for i := range items {
		it := &items[i]
		ranked = ranked || it.kw(kwTop) || it.kw(kwBottom)
		finer = finer || it.kind == kGrain && slices.Index(order, it.ms[0].grain) < slices.Index(order, unit)
	}
	return ranked && finer
}

// hasText reports whether an item is the words text.
func hasText(items []item, text string) bool {
	return slices.ContainsFunc(items, func(it item) bool { return it.text == text })
}

// foldYear gives the periods named without their year ("2025 revenue for
// March, April and May") the one year named alone, which then is no period
// of its own.
func foldYear(spans []period, joins []string) ([]period, []string) {
	year, bare := -1, 0
	for i, p := range spans {
		switch {
		case p.inYear != nil:
			bare++
		case (p.unit == dialect.Year || p.current == dialect.Year) && year < 0 && (joins[i] == "" || joins[i] == kwFrom):
			// "Q1 this year": this year's Q1, the whole quarter
			year = i
		default:
			return spans, joins
		}
	}
	if year < 0 || bare == 0 || bare != len(spans)-1 {
		return spans, joins
	}
	y := spans[year].from.Year()
	if len(spans) == 2 && year == 0 && (joins[0] == kwFrom || joins[0] == "") && joins[1] == kwTo {
		// "from the start of 2025 to the end of June", "2025 through
		// September": the year starts the range, and the end takes its year
		return []period{spans[0], spans[1].inYear(y)}, joins
	}
	var ps []period
	var js []string
	for i, p := range spans {
		if i != year {
			ps, js = append(ps, p.inYear(y)), append(js, joins[i])
		}
	}
	if year == 0 && len(js) > 0 {
		js[0] = joins[0]
	}
	return ps, js
}

// run reads three or more whole periods of one kind (two said combined), listed with "and" or
// commas and following each other ("March, April and May"), as the one range
// they make.
func run(spans []period, joins []string, combined bool) (period, bool) {
	if len(spans) < 3 && !(len(spans) == 2 && combined) { // "Q2 and Q3 2025 combined": one range, not compared
		return period{}, false
	}
	for i, p := range spans {
		if p.unit == "" || p.unit != spans[0].unit || i > 0 && joins[i] != "" && joins[i] != kwAnd {
			return period{}, false
		}
		if i > 0 && !p.from.Equal(spans[i-1].to.AddDate(0, 0, 1)) {
			return period{}, false
		}
	}
	a, b := spans[0], spans[len(spans)-1]
	return period{from: a.from, to: b.to, label: "from " + a.from.Format(time.DateOnly) + " to " + b.to.Format(time.DateOnly)}, true
}

// moved reports whether the question asks how something changed between its
// periods, so "from 2024 to 2025" is two periods, not one range.
func moved(items []item) bool {
	return hasKw(items, kwChange) || hasKw(items, kwShrink) || hasKw(items, kwFastest) ||
		grewSaidAsGained(items) // "gained the most from 2024 to 2025"
}

func hasKw(items []item, name string) bool {
	for i := range items {
		if items[i].kw(name) {
			return true
		}
	}
	return false
}

// spanAt reads one time phrase starting at item i: how many items it takes.
func spanAt(items []item, i int, today time.Time) (period, int, bool, error) {
	it := &items[i]
	next := func(k int) *item {
		if i+k < len(items) {
			return &items[i+k]
		}
		return nil
	}
	year := func(k int) (int, bool) {
		if n := next(k); n != nil && n.kind == kYear {
			return n.n, true
		}
		return 0, false
	}
	if p, n, ok, err := edgeWindow(items, i, today); ok || err != nil {
		return p, n, ok, err
	}
	switch {
	case it.kw(kwLast) || it.kw(kwThis):
		n := next(1)
		count := 0
		k := 1
		if n != nil && n.kind == kNumber && it.kw(kwLast) {
			count, k = n.n, 2
			n = next(2)
		}
		if n == nil || n.kind != kGrain {
			return period{}, 0, false, nil
		}
		p, used, ok, err := relative(it.kw(kwLast), count, n.ms[0].grain, today, k+1)
		p.prior = count == 0 && priorWords[it.text]
		return p, used, ok, err
	case it.kind == kNumber && next(1) != nil && next(1).kind == kGrain && next(2) != nil && next(2).kw(kwAgo):
		return ago(it.n, next(1).ms[0].grain, today, 3) // "two years ago"
	case it.kind == kGrain && next(1) != nil && next(1).kw(kwAgo):
		return ago(1, it.ms[0].grain, today, 2) // "a year ago"
	case it.kw(kwHalf):
		h := it.ms[0].n
		if y, ok := year(1); ok {
			return half(y, h), 2, true, nil
		}
		return latest(half(today.Year(), h), today, func(y int) period { return half(y, h) }), 1, true, nil
	case it.kw(kwPart) && i+1 < len(items):
		// "early 2025", "mid-March", "late Q3": a third of the period
		p, n, ok, err := spanAt(items, i+1, today)
		if !ok || err != nil || p.unit != dialect.Year && p.unit != dialect.Quarter && p.unit != dialect.Month {
			return p, 0, false, err
		}
		t := partOf(p, it.ms[0].n)
		if p.inYear != nil {
			mk, k := p.inYear, it.ms[0].n
			t = latest(t, today, func(y int) period { return partOf(mk(y), k) })
		}
		return t, n + 1, true, nil
	case it.kw(kwYTD):
		return current(rel(query.ThisYear, today, "this year to date", "", 1))(dialect.Year)
	case it.kw(kwMTD):
		return current(rel(query.ThisMonth, today, "this month to date", "", 1))(dialect.Month)
	case it.kw(kwQTD):
		return current(rel(query.ThisQuarter, today, "this quarter to date", "", 1))(dialect.Quarter)
	case it.kw(kwToday):
		return rel(query.Today, today, "today", dialect.Day, 1)
	case it.kw(kwYest):
		return rel(query.Yesterday, today, "yesterday", dialect.Day, 1)
	case it.kind == kYear:
		if n := next(1); n != nil && n.kw(kwQuarterN) { // 2024 Q3
			return quarter(it.n, n.ms[0].n), 2, true, nil
		}
		if n := next(1); n != nil && n.kw(kwHalf) { // 2025 H1, "2025 first-half"
			return half(it.n, n.ms[0].n), 2, true, nil
		}
		if n, g := next(1), next(2); n != nil && g != nil && n.kw(kwOrdinal) && n.ms[0].n <= 4 && g.kind == kGrain && g.ms[0].grain == dialect.Quarter {
			return quarter(it.n, n.ms[0].n), 3, true, nil // "2025 first quarter"
		}
		y := it.n
		return period{from: date(y, 1, 1), to: date(y, 12, 31), unit: dialect.Year, label: fmt.Sprint(y)}, 1, true, nil
	case it.kw(kwQuarterN):
		q := it.ms[0].n
		if y, ok := year(1); ok {
			return quarter(y, q), 2, true, nil
		}
		return latest(quarter(today.Year(), q), today, func(y int) period { return quarter(y, q) }), 1, true, nil
	case it.kw(kwOrdinal) && next(1) != nil && next(1).kind == kMonth: // the first of February (2025)
		m, d := next(1).ms[0].n, it.ms[0].n
		if y, ok := year(2); ok {
			p, err := validDay(y, m, d)
			return p, 3, err == nil, err
		}
		return dayInYear(m, d, today, 2)
	case it.kw(kwOrdinal) && it.ms[0].n <= 4:
		if j, o := next(1), next(2); j != nil && o != nil && (j.kw(kwVs) || j.kw(kwAnd) || j.kw(kwTo)) && o.kw(kwOrdinal) && quarterAfter(items, i+3) && !items[i+3].kw(kwHalf) {
			// "first vs second quarter of 2025": the quarter said once, for both
			q := it.ms[0].n
			return latest(quarter(today.Year(), q), today, func(y int) period { return quarter(y, q) }), 1, true, nil
		}
		if n := next(1); n != nil && n.kind == kGrain && n.ms[0].grain == dialect.Quarter {
			q := it.ms[0].n
			if y, ok := year(2); ok {
				return quarter(y, q), 3, true, nil
			}
			return latest(quarter(today.Year(), q), today, func(y int) period { return quarter(y, q) }), 2, true, nil
		}
	case it.kind == kMonth:
		m := it.ms[0].n
		if n := next(1); n != nil && (n.kind == kNumber && n.n >= 1 && n.n <= 31 || n.kw(kwOrdinal) && !quarterAfter(items, i+2)) { // March 1, 2025; March the third
			if y, ok := year(2); ok {
				p, err := validDay(y, m, n.n)
				return p, 3, err == nil, err
			}
			return dayInYear(m, n.n, today, 2)
		}
		if y, ok := year(1); ok {
			return month(y, m), 2, true, nil
		}
		return latest(month(today.Year(), m), today, func(y int) period { return month(y, m) }), 1, true, nil
	case it.kind == kNumber && it.n >= 1 && it.n <= 31: // 1 March 2025
		if n := next(1); n != nil && n.kind == kMonth {
			if y, ok := year(2); ok {
				p, err := validDay(y, n.ms[0].n, it.n)
				return p, 3, err == nil, err
			}
			return dayInYear(n.ms[0].n, it.n, today, 2)
		}
	case it.kind == kDate:
		if it.n == 1 { // 2025-03
			return month(it.date.Year(), int(it.date.Month())), 1, true, nil
		}
		if it.n == 2 { // 2/1: the year is the range's other end's
			return dayInYear(int(it.date.Month()), it.date.Day(), today, 1)
		}
		return day(it.date.Year(), int(it.date.Month()), it.date.Day()), 1, true, nil
	}
	return period{}, 0, false, nil
}

// quarterAfter reports whether item i is a quarter or half word: "March,
// first quarter" is no day.
func quarterAfter(items []item, i int) bool {
	return i < len(items) && (items[i].kind == kGrain && items[i].ms[0].grain == dialect.Quarter || items[i].kw(kwHalf))
}

// relative reads last/this + [N] + grain.
func relative(last bool, count int, g dialect.Grain, today time.Time, n int) (period, int, bool, error) {
	if count > 0 {
		if count > 1000 {
			return period{}, 0, false, fmt.Errorf("%d %ss is more than I look back", count, g)
		}
		switch g {
		case dialect.Day:
			return rangeOf(query.LastNDays(count), today, fmt.Sprintf("the last %d days", count), "", n)
		case dialect.Week:
			return rangeOf(query.LastNDays(7*count), today, fmt.Sprintf("the last %d weeks", count), "", n)
		case dialect.Month:
			first := date(today.Year(), int(today.Month()), 1)
			return period{from: first.AddDate(0, -count, 0), to: first.AddDate(0, 0, -1), label: fmt.Sprintf("the last %d months", count)}, n, true, nil
		case dialect.Quarter:
			first := quarter(today.Year(), (int(today.Month())-1)/3+1).from
			return period{from: first.AddDate(0, -3*count, 0), to: first.AddDate(0, 0, -1), label: fmt.Sprintf("the last %d quarters", count)}, n, true, nil
		case dialect.Year:
			return period{from: date(today.Year()-count, 1, 1), to: date(today.Year()-1, 12, 31), label: fmt.Sprintf("the last %d years", count)}, n, true, nil
		}
	}
	table := map[bool]map[dialect.Grain]query.Relative{
		true:  {dialect.Day: query.Yesterday, dialect.Week: query.LastWeek, dialect.Month: query.LastMonth, dialect.Quarter: query.LastQuarter, dialect.Year: query.LastYear},
		false: {dialect.Day: query.Today, dialect.Week: query.ThisWeek, dialect.Month: query.ThisMonth, dialect.Quarter: query.ThisQuarter, dialect.Year: query.ThisYear},
	}
	word := map[bool]string{true: "last ", false: "this "}[last]
	unit := g
	if !last {
		unit = "" // this month is month to date
		if g != dialect.Day {
			return current(rel(table[last][g], today, word+string(g), unit, n))(g)
		}
	}
	return rel(table[last][g], today, word+string(g), unit, n)
}

// current marks a period that runs to today as the current one of grain g.
func current(p period, n int, ok bool, err error) func(g dialect.Grain) (period, int, bool, error) {
	return func(g dialect.Grain) (period, int, bool, error) {
		p.current = g
		return p, n, ok, err
	}
}

// rel resolves a relative range with the package query's own rules, so the
// request and its text agree.
func rel(r query.Relative, today time.Time, label string, unit dialect.Grain, n int) (period, int, bool, error) {
	return rangeOf(query.Last(r), today, label, unit, n)
}

func rangeOf(dr query.DateRange, today time.Time, label string, unit dialect.Grain, n int) (period, int, bool, error) {
	from, to, err := dr.Resolve(today)
	if err != nil {
		return period{}, 0, false, err
	}
	p := period{from: from, to: to, unit: unit, label: label}
	switch unit {
	case dialect.Month:
		p.label += " (" + from.Format("January 2006") + ")"
	case dialect.Quarter:
		p.label += fmt.Sprintf(" (Q%d %d)", (int(from.Month())-1)/3+1, from.Year())
	case dialect.Year:
		p.label += fmt.Sprintf(" (%d)", from.Year())
	}
	return p, n, true, nil
}

// latest returns the most recent whole period (built by mk for a year) that ended
// before today: "in December" asked in January is last December.
func latest(p period, today time.Time, mk func(y int) period) period {
	for y := today.Year(); !p.to.Before(today) && y > today.Year()-3; {
		y--
		p = mk(y)
	}
	p.inYear = mk
	return p
}

// anchor gives the ends of a range written with one year ("March to June
// 2025", "December through February 2025") that year: the end without a year
// takes the other's, a year earlier when it would start after the range ends.
func anchor(a, b period) (period, period) {
	switch {
	case a.inYear != nil && b.inYear == nil:
		y := b.to.Year()
		if a2 := a.inYear(y); a2.from.After(b.to) {
			a = a.inYear(y - 1)
		} else {
			a = a2
		}
	case b.inYear != nil && a.inYear == nil:
		y := a.from.Year()
		if b2 := b.inYear(y); b2.to.Before(a.from) {
			b = b.inYear(y + 1)
		} else {
			b = b2
		}
	}
	return a, b
}

// compareWords ask to compare without setting a period against another:
// "how did the regions compare in 2025".
var compareWords = toSet("compare", "compared", "comparison")

// priorWords say the period before another: "the prior year".
var priorWords = toSet("prior", "previous", "preceding")

// priorTo gives a period said "the prior" grain, compared with a named
// one, the one before that ("2025 versus the prior year": 2024; it was last
// year, 2025 itself, on the clock of January 2026).
func priorTo(a, b period) (period, period) {
	months := map[dialect.Grain]int{dialect.Month: 1, dialect.Quarter: 3, dialect.Year: 12}
	switch {
	case b.prior && !a.prior && months[a.unit] > 0 && a.unit == b.unit:
		b = completeLabel(period{from: a.from.AddDate(0, -months[a.unit], 0), to: a.from.AddDate(0, 0, -1), unit: a.unit})
	case a.prior && !b.prior && months[b.unit] > 0 && a.unit == b.unit:
		a = completeLabel(period{from: b.from.AddDate(0, -months[b.unit], 0), to: b.from.AddDate(0, 0, -1), unit: b.unit})
	}
	return a, b
}

// periodAgainst are words that set one period against a second named right
// after them, as "than" does ("was Q4 2025 above Q3 2025", "did Q4 2025
// exceed Q3 2025").
var periodAgainst = toSet("above", "below", "exceed", "exceeds", "exceeded", "topped", "beat", "surpassed", "outsold", "outperformed")

// sameYear gives the period of two compared that was named without its
// year the other's ("April against March 2025": April 2025), as a range's
// end takes its other end's (anchor), but never a year earlier: compared
// periods are not ends of one range, so the bare one is not moved to start
// before the other.
func sameYear(a, b period) (period, period) {
	switch {
	case a.inYear != nil && b.inYear == nil:
		a = a.inYear(b.from.Year())
	case b.inYear != nil && a.inYear == nil:
		b = b.inYear(a.from.Year())
	}
	return a, b
}

// toDate lets a period that runs to today ("this year") be compared with a
// whole period of its grain ("last year"): it takes that grain, and the whole
// period is compared over the same days ("this year to date against last
// year to the same date"). Resolver.settle moves both back when the current
// period has no orders yet.
func toDate(p, other period) period {
	if p.current == "" || other.unit != p.current {
		return p
	}
	p.unit = p.current
	return p
}

// sameSpan cuts whole period w to as many days as p, the current one.
func sameSpan(w, p period) period {
	to := w.from.AddDate(0, 0, p.days()-1)
	if to.Before(w.to) {
		w.to = to
		w.label += " to " + to.Format("January 2")
	}
	return w
}

// ago is the whole period n grains before the current one: "two years ago"
// asked in 2026 is 2024, "three months ago" in January 2026 is October 2025.
func ago(n int, g dialect.Grain, today time.Time, items int) (period, int, bool, error) {
	if n < 1 || n > 1000 {
		return period{}, 0, false, fmt.Errorf("%d %ss ago is more than I look back", n, g)
	}
	var p period
	switch g {
	case dialect.Year:
		y := today.Year() - n
		p = period{from: date(y, 1, 1), to: date(y, 12, 31), unit: dialect.Year, label: fmt.Sprint(y)}
	case dialect.Quarter:
		q := quarter(today.Year(), (int(today.Month())-1)/3+1)
		first := q.from.AddDate(0, -3*n, 0)
		p = quarter(first.Year(), (int(first.Month())-1)/3+1)
	case dialect.Month:
		first := date(today.Year(), int(today.Month()), 1).AddDate(0, -n, 0)
		p = month(first.Year(), int(first.Month()))
	case dialect.Week:
		r := query.Last(query.ThisWeek)
		from, _, err := r.Resolve(today)
		if err != nil {
			return period{}, 0, false, err
		}
		from = from.AddDate(0, 0, -7*n)
		p = period{from: from, to: from.AddDate(0, 0, 6), unit: dialect.Week, label: "the week of " + from.Format("January 2, 2006")}
	default:
		d := today.AddDate(0, 0, -n)
		p = day(d.Year(), int(d.Month()), d.Day())
	}
	return p, items, true, nil
}

// dayInYear is a day written without its year ("March 1" in "March 1 to
// May 15, 2025"): the latest one before today, which a range may move to the
// year of its other end.
func dayInYear(m, d int, today time.Time, n int) (period, int, bool, error) {
	if _, err := validDay(2024, m, d); err != nil { // 2024 has every day, February 29 too
		return period{}, 0, false, err
	}
	if m == 2 && d == 29 {
		// February 29 without its year: the latest one, said so (never the 28th)
		y := today.Year()
		for _, err := validDay(y, m, d); err != nil || !date(y, m, d).Before(today); _, err = validDay(y, m, d) {
			y--
		}
		p := day(y, m, d)
		p.label += " (the latest February 29)"
		return p, n, true, nil
	}
	mk := func(y int) period {
		if p, err := validDay(y, m, d); err == nil {
			return p
		}
		return day(y, m, 28)
	}
	return latest(mk(today.Year()), today, mk), n, true, nil
}

// before reads "the year before", "the month before" after a period: the
// whole period of that grain just before it. It reports how many items it
// took.
func before(items []item, i int, prev period) (period, int, bool) {
	it := &items[i]
	if it.kind != kGrain || i+1 >= len(items) || !items[i+1].kw(kwBefore) || prev.from.IsZero() {
		return period{}, 0, false
	}
	if p, ok := wholeBefore(it.ms[0].grain, prev.from); ok {
		return p, 2, true
	}
	return period{}, 0, false
}

// wholeBefore is the whole year, quarter or month g just before the one that
// holds from, with its label ("2024", "Q3 2025", "November 2025").
func wholeBefore(g dialect.Grain, from time.Time) (period, bool) {
	switch g {
	case dialect.Year:
		y := from.Year() - 1
		return period{from: date(y, 1, 1), to: date(y, 12, 31), unit: dialect.Year, label: fmt.Sprint(y)}, true
	case dialect.Quarter:
		f := from.AddDate(0, -3, 0)
		return quarter(f.Year(), (int(f.Month())-1)/3+1), true
	case dialect.Month:
		f := from.AddDate(0, -1, 0)
		return month(f.Year(), int(f.Month())), true
	}
	return period{}, false
}

// ellipsis reads an ordinal alone after a quarter ("the first quarter of
// 2025 compared to the second") as that quarter of the same year.
func ellipsis(items []item, i int, prev period) (period, int, bool) {
	it := &items[i]
	if !it.kw(kwOrdinal) || it.ms[0].n > 4 || prev.unit != dialect.Quarter || i+1 < len(items) && items[i+1].kind == kGrain {
		return period{}, 0, false
	}
	return quarter(prev.from.Year(), it.ms[0].n), 1, true
}

// partOf is the kth third (early, mid, late) of p, a year, quarter or
// month: a year's four months, a quarter's month, a month's ten days (the
// last ones to its end), labelled with the part and the dates.
func partOf(p period, k int) period {
	var from, to time.Time
	switch p.unit {
	case dialect.Year:
		from = p.from.AddDate(0, 4*(k-1), 0)
		to = from.AddDate(0, 4, -1)
	case dialect.Quarter:
		from = p.from.AddDate(0, k-1, 0)
		to = from.AddDate(0, 1, -1)
	default:
		from = p.from.AddDate(0, 0, 10*(k-1))
		to = from.AddDate(0, 0, 9)
		if k == 3 {
			to = p.to
		}
	}
	return period{from: from, to: to, label: fmt.Sprintf("%s %s (read as %s to %s)", []string{"early", "mid", "late"}[k-1], p.label,
		from.Format(time.DateOnly), to.Format(time.DateOnly))}
}

// isHalf reports whether p is one half of a year ("H1 2025"): two halves
// compare as one change between them (no grain holds a half).
func isHalf(p period) bool {
	return p.unit == "" && p.from.Day() == 1 && (p.from.Month() == 1 || p.from.Month() == 7) && p.to.Equal(p.from.AddDate(0, 6, -1)) && len(p.without) == 0
}

// half is the first (h = 1) or second half of year y.
func half(y, h int) period {
	from := date(y, 1+6*(h-1), 1)
	return period{from: from, to: from.AddDate(0, 6, -1), label: fmt.Sprintf("H%d %d", h, y)}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func quarter(y, q int) period {
	r := query.Quarter(y, q)
	return period{from: r.From, to: r.To, unit: dialect.Quarter, label: fmt.Sprintf("Q%d %d", q, y)}
}

func month(y, m int) period {
	r := query.Month(y, time.Month(m))
	return period{from: r.From, to: r.To, unit: dialect.Month, label: r.From.Format("January 2006")}
}

// validDay refuses a day its month does not have (February 31).
func validDay(y, m, d int) (period, error) {
	p := day(y, m, d)
	if p.from.Day() != d {
		return period{}, fmt.Errorf("%s %d, %d is not a date", time.Month(m), d, y)
	}
	return p, nil
}

func day(y, m, d int) period {
	t := date(y, m, d)
	return period{from: t, to: t, unit: dialect.Day, label: t.Format("January 2, 2006")}
}

// negatedList reports whether the period at items i to i+n-1 is listed with
// values a negation leaves out: "excluding the West and December" (the
// negation before the list) or "December and the West excluded" (after it).
func negatedList(items []item, i, n int) bool {
	for j := i - 1; j >= 1 && items[j].kw(kwAnd) && negatable(&items[j-1]); {
		j -= 2
		if j >= 0 && items[j].kw(kwNot) {
			return true
		}
	}
	k := i + n
	if k >= len(items) || !items[k].kw(kwAnd) {
		return false
	}
	for k+1 < len(items) && items[k].kw(kwAnd) && negatable(&items[k+1]) {
		k += 2
	}
	return k < len(items) && k > i+n && items[k].kw(kwNot) && notAfterSet[items[k].text]
}

// weekOf reads a day said of a week just before it as that week: "the week
// of 2025-12-01" and "the week containing December 3" are the week (Monday
// to Sunday) the day is in, "the week starting December 3" the seven days
// from it. The week word, and "starting", are marked used.
func weekOf(items []item, i int, p period, lastKw string) (period, bool) {
	if p.unit != dialect.Day || i == 0 {
		return period{}, false
	}
	k, starting := i-1, false
	if items[k].kw(kwSince) && lastKw == kwSince && k > 0 {
		k, starting = k-1, true
	}
	if items[k].kind != kGrain || items[k].ms[0].grain != dialect.Week || k > 0 && items[k-1].kw(kwBy) {
		return period{}, false
	}
	from := p.from
	if !starting {
		from = from.AddDate(0, 0, -((int(from.Weekday()) + 6) % 7)) // back to Monday
	}
	items[k].used = true
	if starting {
		items[k+1].used = true
	}
	to := from.AddDate(0, 0, 6)
	return period{from: from, to: to, label: "the week of " + from.Format("January 2, 2006") + " (" + from.Format(time.DateOnly) + " to " + to.Format(time.DateOnly) + ")"}, true
}
