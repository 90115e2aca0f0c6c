package offline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// yearBefore are the words after "the same quarter" (or month) that put it
// a year before the current one.
var yearBefore = [][]string{
	{"last", "year"}, {"a", "year", "ago"}, {"one", "year", "ago"}, {"the", "year", "before"},
	{"the", "previous", "year"}, {"the", "prior", "year"}, {"previous", "year"}, {"prior", "year"},
	{"of", "last", "year"}, {"in", "the", "previous", "year"}, {"in", "the", "prior", "year"}, {"last", "years"},
}

// sameLastYear reads "the same quarter last year" (or month, "a year ago",
// "the previous year") as the period a year before the current one on
// today's date: asked on 1 January 2026 it is Q1 2025 (January 2025). It
// returns the words with the phrase written as that period, and a note
// saying which one was used; ws unchanged and "" when there is none.
func sameLastYear(ws []word, today time.Time) ([]word, string, string) {
	for i := 0; i+2 < len(ws); i++ {
		if ws[i].text != "same" {
			continue
		}
		grain := ws[i+1].sing
		if grain != "quarter" && grain != "month" {
			continue
		}
		n := yearBeforeAt(ws, i+2)
		if n == 0 {
			continue
		}
		start := i
		if start > 0 && ws[start-1].text == "the" {
			start--
		}
		y := today.Year() - 1
		var to []string
		var cur, used string
		if grain == "quarter" {
			q := (int(today.Month())-1)/3 + 1
			to = []string{"q" + strconv.Itoa(q), strconv.Itoa(y)}
			cur, used = fmt.Sprintf("Q%d %d", q, today.Year()), fmt.Sprintf("Q%d %d", q, y)
		} else {
			m := strings.ToLower(today.Month().String())
			to = []string{m, strconv.Itoa(y)}
			cur, used = today.Format("January 2006"), today.AddDate(-1, 0, 0).Format("January 2006")
		}
		orig := joinOrig(ws[start : i+2+n])
		out := append([]word(nil), ws[:start]...)
		for _, t := range to {
			out = append(out, word{text: t, sing: singular(t), orig: orig})
		}
		out = append(out, ws[i+2+n:]...)
		return out, orig, fmt.Sprintf("%q is %s, a year before the current %s (%s, on %s).", orig, used, grain, cur, today.Format("January 2, 2006"))
	}
	return ws, "", ""
}

// sameBesideOther declines "the same quarter last year" said beside another
// period ("December 2025 vs the same month last year", "this quarter vs the
// same quarter last year"): the same as that period, a year before, is not
// the one a year before today's, and it is not read as it.
func sameBesideOther(items []item, orig string) *decline {
	for i := range items {
		it := &items[i]
		if it.orig == orig {
			continue
		}
		timeWord := it.kind == kYear || it.kind == kMonth || it.kind == kDate
		for _, k := range []string{kwThis, kwLast, kwYTD, kwToday, kwQuarterN, kwAgo, kwHalf} {
			timeWord = timeWord || it.kw(k)
		}
		if timeWord {
			return unsupported("I read %q beside %q: a year before %q is not a year before today, which is how I place %q, so name both periods (\"Q4 2025 vs Q4 2024\")", orig, it.orig, it.orig, orig)
		}
	}
	return nil
}

// yearBeforeAt is how many words at i say "a year before", or 0.
func yearBeforeAt(ws []word, i int) int {
	for _, p := range yearBefore {
		if i+len(p) > len(ws) {
			continue
		}
		ok := true
		for k, t := range p {
			ok = ok && ws[i+k].text == t
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// samePeriodUnnamed declines "the same period last year" (or time, "a year
// ago"): which period it is the same as is not said, and read as last year
// it would answer another question.
func samePeriodUnnamed(ws []word) *decline {
	for i := 0; i+2 < len(ws); i++ {
		if ws[i].text == "same" && (ws[i+1].sing == "period" || ws[i+1].text == "time") && yearBeforeAt(ws, i+2) > 0 {
			orig := joinOrig(ws[i : i+2+yearBeforeAt(ws, i+2)])
			return unsupported("I read %q but not which period it is the same as: name it (\"revenue in Q1 2025\", \"Q4 2025 vs Q4 2024\")", orig)
		}
	}
	return nil
}
