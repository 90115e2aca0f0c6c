package offline

import (
	"fmt"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// phrase writes an intent as a whole question the grammar reads back as the
// same intent, with no conversation before it: its measures, groups, ranking,
// filters and period, in the words the lexicon knows — "Total revenue by region
// and segment for SMB in 2025", "Top 3 reps with their region by total revenue
// last quarter", "Total revenue by region, 2024 vs 2025". It returns "" for an
// intent it cannot say (a comparison of two weeks).
func (r *Resolver) phrase(in *intent) string {
	if len(in.metrics) == 0 || in.moved != nil || in.perGroup || len(in.shares) > 0 || in.part != nil || in.perPeriod != "" ||
		len(in.amounts) > 0 || in.change && !in.compare {
		return "" // layers and thresholds are not yet said back as a question
	}
	var b strings.Builder
	if in.change {
		b.WriteString("change in ")
	}
	if in.ranked() {
		b.WriteString(ranking(in))
	} else {
		b.WriteString(in.measuresBy())
	}
	for _, f := range in.filters {
		vs := make([]string, len(f.values))
		for i, v := range f.values {
			vs[i] = r.valuePhrase(f.dim, v, f.not)
		}
		if f.not {
			b.WriteString(" excluding " + strings.Join(vs, " and "))
		} else {
			b.WriteString(" for " + joinOr(vs))
		}
	}
	for _, n := range in.named {
		if strings.HasSuffix(n, "_only") {
			b.WriteString(", " + spoken(n) + ",") // "…, discounted only, in 2025"
		} else {
			b.WriteString(" for " + spoken(n))
		}
	}
	switch {
	case in.compare:
		a, okA := periodName(in.periods[0])
		c, okC := periodName(in.periods[1])
		if !okA || !okC {
			return ""
		}
		if in.change {
			b.WriteString(" from " + a + " to " + c)
		} else {
			b.WriteString(", " + a + " vs " + c)
		}
	case len(in.periods) == 1:
		b.WriteString(" " + periodPhrase(in.periods[0]))
	}
	return capital(strings.TrimSuffix(b.String(), ","))
}

// ranking says a top or bottom list: "top 5 products with their category by
// total revenue", or, when it ranks by another measure than its first, "units
// sold and total revenue of the top 5 products by total revenue".
func ranking(in *intent) string {
	word, what := in.rankWords()
	list := word + " " + what
	if in.limit != 1 {
		list = fmt.Sprintf("%s %d %s", word, in.limit, plural(what))
	}
	if len(in.dims) > 1 {
		their := " with their "
		if in.limit == 1 {
			their = " with its "
		}
		list += their + joinAnd(labels(in.dims[1:]))
	}
	by := orDefault(in.orderBy, in.metrics[0])
	var s string
	if by == in.metrics[0] {
		s = list + " by " + joinAnd(labels(in.metrics))
	} else {
		s = joinAnd(labels(in.metrics)) + " of the " + list + " by " + label(by)
	}
	if len(in.dims) > 0 && in.grain != "" {
		s += " by " + string(in.grain)
	}
	return s
}

// valuePhrase says a value of dim so that it reads as that dimension's: with
// the dimension's name before it when the words have another reading — another
// dimension's value ("customer Nancy Clark"), a keyword ("state OR") or, unless
// the value is excluded, a named filter ("channel Online").
func (r *Resolver) valuePhrase(dim, v string, not bool) string {
	for _, m := range r.lex.phrases[normPhrase(v)] {
		if (m.kind != kValue || m.name != dim) && (m.kind != kFilter || !not) {
			return label(dim) + " " + v
		}
	}
	return v
}

// periodPhrase says a period as the grammar reads it back: the relative words
// the question used ("last quarter", "the last 3 months", "year to date"),
// else the whole year, quarter, month or day, else its first and last days.
func periodPhrase(p period) string {
	l, _, _ := strings.Cut(p.label, " (")
	switch {
	case strings.HasSuffix(l, " to date"):
		return strings.TrimPrefix(l, "this ")
	case strings.HasPrefix(l, "the last "):
		return "in " + l
	case strings.HasPrefix(l, "last "), strings.HasPrefix(l, "this "), l == "today", l == "yesterday":
		return l
	case strings.HasPrefix(l, "since "):
		if p.from.Day() == 1 {
			return "since " + p.from.Format("January 2006")
		}
		return "since " + p.from.Format("January 2, 2006")
	}
	if n, ok := periodName(p); ok {
		if p.from.Equal(p.to) {
			return "on " + n
		}
		return "in " + n
	}
	return "from " + p.from.Format(time.DateOnly) + " to " + p.to.Format(time.DateOnly)
}

// periodName names a whole year, quarter, month or day: "2025", "Q3 2025",
// "March 2025", "March 1, 2025".
func periodName(p period) (string, bool) {
	switch wholeUnit(p) {
	case dialect.Day:
		return p.from.Format("January 2, 2006"), true
	case dialect.Year:
		return fmt.Sprint(p.from.Year()), true
	case dialect.Quarter:
		return fmt.Sprintf("Q%d %d", (int(p.from.Month())-1)/3+1, p.from.Year()), true
	case dialect.Month:
		return p.from.Format("January 2006"), true
	}
	return "", false
}

// wholeUnit is the calendar period p is exactly, by its dates — a day, a
// month, a quarter or a year (the last 3 months asked on January 1 are Q4) —
// or p's own unit (a week), or "".
func wholeUnit(p period) dialect.Grain {
	switch {
	case p.from.Equal(p.to):
		return dialect.Day
	case p.from.Day() != 1:
		return p.unit
	case p.to.Equal(p.from.AddDate(0, 1, -1)):
		return dialect.Month
	case (p.from.Month()-1)%3 == 0 && p.to.Equal(p.from.AddDate(0, 3, -1)):
		return dialect.Quarter
	case p.from.Month() == time.January && p.to.Equal(p.from.AddDate(1, 0, -1)):
		return dialect.Year
	}
	return p.unit
}
