package offline

import (
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// period is a resolved date range of a question, inclusive, with how to say it.
type period struct {
	from, to time.Time
	unit     dialect.Grain // year, quarter, month or day when it is one whole such period; else ""
	label    string
}

func (p period) days() int { return int(p.to.Sub(p.from)/(24*time.Hour)) + 1 }

// periods reads the time phrases of the items (marking them used), given today.
// It returns the range, or two ranges to compare, and an error for a time phrase
// it cannot read.
func periods(items []item, today time.Time) (ps []period, compare bool, err error) {
	var spans []period
	var joins []string // the keyword before each span: since, between, from, to, and, vs
	var lastKw string
	for i := 0; i < len(items); i++ {
		it := &items[i]
		if it.kind == kKeyword {
			switch it.ms[0].name {
			case kwSince, kwBetween, kwFrom, kwTo, kwAnd, kwVs:
				lastKw = it.ms[0].name
				continue
			}
		}
		p, n, ok, perr := spanAt(items, i, today)
		if perr != nil {
			return nil, false, perr
		}
		if !ok {
			if it.kind != kKeyword || it.ms[0].name != kwChange {
				lastKw = ""
			}
			continue
		}
		for j := i; j < i+n; j++ {
			items[j].used = true
		}
		if lastKw != "" && i > 0 {
			items[i-1].used = true
		}
		spans = append(spans, p)
		joins = append(joins, lastKw)
		lastKw = ""
		i += n - 1
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
			return nil, false, fmt.Errorf("a comparison needs two periods, and I read only %s", p.label)
		}
		if joins[0] == kwSince {
			p = period{from: p.from, to: today, label: "since " + p.label}
		}
		return []period{p}, false, nil
	case 2:
		a, b := spans[0], spans[1]
		switch {
		case joins[0] == kwBetween || (joins[0] == kwFrom && joins[1] == kwTo && !hasKw(items, kwChange) && !hasKw(items, kwVs)):
			if b.to.Before(a.from) {
				return nil, false, fmt.Errorf("the range starts %s, after it ends %s", a.label, b.label)
			}
			return []period{{from: a.from, to: b.to, label: "from " + a.from.Format(time.DateOnly) + " to " + b.to.Format(time.DateOnly)}}, false, nil
		case joins[1] == kwVs || joins[1] == kwAnd || joins[1] == kwTo:
			if a.unit == "" || a.unit != b.unit {
				return nil, false, fmt.Errorf("I can compare two periods of the same kind (two years, quarters or months), not %s and %s", a.label, b.label)
			}
			if b.from.Before(a.from) {
				a, b = b, a
			}
			return []period{a, b}, true, nil
		}
	}
	return nil, false, fmt.Errorf("I read %d time periods and do not know how they go together", len(spans))
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
		return relative(it.kw(kwLast), count, n.ms[0].grain, today, k+1)
	case it.kw(kwYTD):
		return rel(query.ThisYear, today, "this year to date", "", 1)
	case it.kw(kwMTD):
		return rel(query.ThisMonth, today, "this month to date", "", 1)
	case it.kw(kwQTD):
		return rel(query.ThisQuarter, today, "this quarter to date", "", 1)
	case it.kw(kwToday):
		return rel(query.Today, today, "today", dialect.Day, 1)
	case it.kw(kwYest):
		return rel(query.Yesterday, today, "yesterday", dialect.Day, 1)
	case it.kind == kYear:
		if n := next(1); n != nil && n.kw(kwQuarterN) { // 2024 Q3
			return quarter(it.n, n.ms[0].n), 2, true, nil
		}
		y := it.n
		return period{from: date(y, 1, 1), to: date(y, 12, 31), unit: dialect.Year, label: fmt.Sprint(y)}, 1, true, nil
	case it.kw(kwQuarterN):
		q := it.ms[0].n
		if y, ok := year(1); ok {
			return quarter(y, q), 2, true, nil
		}
		return latest(quarter(today.Year(), q), today, func(y int) period { return quarter(y, q) }), 1, true, nil
	case it.kw(kwOrdinal):
		if n := next(1); n != nil && n.kind == kGrain && n.ms[0].grain == dialect.Quarter {
			q := it.ms[0].n
			if y, ok := year(2); ok {
				return quarter(y, q), 3, true, nil
			}
			return latest(quarter(today.Year(), q), today, func(y int) period { return quarter(y, q) }), 2, true, nil
		}
	case it.kind == kMonth:
		m := it.ms[0].n
		if n := next(1); n != nil && n.kind == kNumber && n.n >= 1 && n.n <= 31 { // March 1, 2025
			if y, ok := year(2); ok {
				p, err := validDay(y, m, n.n)
				return p, 3, err == nil, err
			}
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
		}
	case it.kind == kDate:
		if it.n == 1 { // 2025-03
			return month(it.date.Year(), int(it.date.Month())), 1, true, nil
		}
		return day(it.date.Year(), int(it.date.Month()), it.date.Day()), 1, true, nil
	}
	return period{}, 0, false, nil
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
	}
	return rel(table[last][g], today, word+string(g), unit, n)
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
	return p
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
