package offline

import (
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// edgeWindow reads a window of days at one end of a named period or ending
// at one: "the last 30 days of 2025", "the first 10 days of January 2025",
// "the last two weeks of December 2025" (declined as two periods read
// together before), "the 12 months ending June 2025", "the six months to
// June 2025", "the year ending March 2025" (declined on "ending"). It
// returns false when items at i say no such window.
func edgeWindow(items []item, i int, today time.Time) (period, int, bool, error) {
	at := func(k int) *item {
		if i+k < len(items) {
			return &items[i+k]
		}
		return nil
	}
	it := at(0)
	switch {
	case (it.kw(kwLast) || it.kw(kwOrdinal) && it.ms[0].n == 1) && at(1) != nil && at(1).kind == kNumber && at(2) != nil && at(2).kind == kGrain && at(3) != nil:
		g := at(2).ms[0].grain
		if g != dialect.Day && g != dialect.Week {
			return period{}, 0, false, nil
		}
		of, n, ok, err := spanAt(items, i+3, today)
		if !ok || err != nil || of.unit == "" || of.unit == dialect.Day {
			return period{}, 0, false, err
		}
		days := at(1).n
		if g == dialect.Week {
			days *= 7
		}
		if days > of.days() {
			return period{}, 0, false, fmt.Errorf("%s has %d days, fewer than the %d asked for", of.label, of.days(), days)
		}
		w := period{from: of.from, to: of.from.AddDate(0, 0, days-1), label: fmt.Sprintf("the first %d %ss of %s", at(1).n, g, of.label)}
		if it.kw(kwLast) {
			w = period{from: of.to.AddDate(0, 0, 1-days), to: of.to, label: fmt.Sprintf("the last %d %ss of %s", at(1).n, g, of.label)}
		}
		return w, n + 3, true, nil
	case it.kind == kNumber && at(1) != nil && at(1).kind == kGrain && at(2) != nil && (at(2).kw(kwTo) || endingWords[at(2).text]) && at(3) != nil:
		return windowEnding(items, i+3, at(1).ms[0].grain, it.n, 4, today)
	case it.kind == kGrain && it.text == string(it.ms[0].grain) && at(1) != nil && endingWords[at(1).text] && at(2) != nil:
		return windowEnding(items, i+2, it.ms[0].grain, 1, 3, today) // "the year ending March 2025"
	}
	return period{}, 0, false, nil
}

// endingWords end a window at a period: "the 12 months ending June 2025".
var endingWords = toSet("ending", "ended", "ending in", "ending with", "ended in")

// windowEnding is count grains ending with the period at items[j] (whole
// months for a month or longer grain), read from k items before it.
func windowEnding(items []item, j int, g dialect.Grain, count, k int, today time.Time) (period, int, bool, error) {
	end, n, ok, err := spanAt(items, j, today)
	if !ok || err != nil || end.unit == "" || count < 1 || count > 1000 {
		return period{}, 0, false, err
	}
	var from time.Time
	switch g {
	case dialect.Day:
		from = end.to.AddDate(0, 0, 1-count)
	case dialect.Week:
		from = end.to.AddDate(0, 0, 1-7*count)
	default:
		months := map[dialect.Grain]int{dialect.Month: 1, dialect.Quarter: 3, dialect.Year: 12}[g] * count
		last := date(end.to.Year(), int(end.to.Month()), 1)
		from = last.AddDate(0, 1-months, 0)
	}
	unit := fmt.Sprintf("%d %ss", count, g)
	if count == 1 {
		unit = string(g)
	}
	return period{from: from, to: end.to, label: fmt.Sprintf("the %s to %s", unit, end.label)}, n + k - 1, true, nil
}
