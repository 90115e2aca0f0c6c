package offline

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// declined makes the resolution of a decline, with questions built from the
// model that can be answered.
func (r *Resolver) declined(d *decline) *Resolution {
	k := d.kind
	if !k.Valid() {
		k = DeclineNotUnderstood
	}
	return &Resolution{Declined: true, Reason: d.reason, Kind: k, Suggestions: r.Starters()}
}

// Starters are questions the analyst answers, to offer someone starting: the
// model's onboarding questions, then questions built from the model's own names.
func (r *Resolver) Starters() []string {
	var out []string
	for _, vq := range r.model.VerifiedQueries {
		if vq.UseAsOnboardingQuestion {
			out = append(out, vq.Question)
		}
	}
	metric, dim, value := r.example()
	if metric == "" {
		return out
	}
	out = append(out,
		fmt.Sprintf("%s by %s last quarter", capital(metric), dim),
		fmt.Sprintf("How did %s change from 2024 to 2025?", value),
	)
	return out
}

// example picks a metric, a grouping dimension and a value from the model for
// suggestions: the first metric, the first enum dimension and its first value.
func (r *Resolver) example() (metric, dim, value string) {
	for _, f := range r.model.Fields() {
		switch {
		case f.Kind == semantic.KindMetric && metric == "":
			metric = label(f.Name)
		case f.Kind == semantic.KindDimension && f.IsEnum && len(f.SampleValues) > 0 && dim == "":
			dim, value = label(f.Name), f.SampleValues[0]
		}
	}
	return metric, dim, value
}

// followUps suggests what to ask after an answer: a breakdown by a dimension the
// answer does not use, the period next to this one, and a shorter list, the
// other end of the list, a trend or a ranking. Each is a whole question that
// says everything it keeps of this one (the measures, groups, filters and
// period), so asked on its own, with no conversation, it means what it offers.
// Each is read back before it is offered: of each kind of follow-up, the first
// written that reads as the question it was written for is offered (a
// breakdown whose words are a verified question asking more is passed over
// for the next dimension).
func (r *Resolver) followUps(in *intent, today time.Time) []string {
	var out []string
	for _, kind := range r.nextIntents(r.normal(in), today) {
		for _, next := range kind {
			if q := r.phrase(next); q != "" && r.readsAs(q, next) {
				out = append(out, q)
				break
			}
		}
	}
	return out
}

// readsAs reports whether q, asked with no conversation, is answered as want.
func (r *Resolver) readsAs(q string, want *intent) bool {
	back := r.resolve(nil, q, false)
	return !back.Declined && sameReading(r.normal(back.in), r.normal(want))
}

// nextIntents are the questions followUps offers after in, as intents, each
// kind with its alternatives in order: the breakdowns by the model's enum
// dimensions in uses neither as a group nor as a filter (not for a ranking,
// which would rank pairs, nor past MaxGroups); the next period (not for a
// comparison); then a top 3 of a longer list, the bottom of a short one, the
// single figure by month (by day within two months), a series' top 3 periods,
// or a list by one dimension's top 5 (its top one when the dimension has five
// values or fewer).
func (r *Resolver) nextIntents(in *intent, today time.Time) [][]*intent {
	var out [][]*intent
	if in.rank == 0 && len(in.dims) < MaxGroups {
		var by []*intent
		for _, f := range r.model.Fields() {
			if f.Kind == semantic.KindDimension && f.IsEnum && !slices.Contains(in.dims, f.Name) && !filtered(in, f.Name) {
				c := in.clone()
				c.dims = append(c.dims, f.Name)
				by = append(by, c)
			}
		}
		if len(by) > 0 {
			out = append(out, by)
		}
	}
	if !in.compare {
		c := in.clone()
		c.periods = []period{nextPeriod(in.periods, today)}
		out = append(out, []*intent{c})
	}
	c := in.clone()
	switch {
	case in.compare:
		return out
	case in.rank != 0 && in.limit > 3:
		c.limit = 3
	case in.rank != 0:
		c.rank = -in.rank
	case len(in.dims) == 0 && in.grain == "":
		c.grain = dialect.Month
		if len(in.periods) == 1 && in.periods[0].days() <= 62 {
			c.grain = dialect.Day
		}
		if len(in.periods) == 1 && in.periods[0].days() == 1 {
			return out
		}
	case len(in.dims) == 0:
		c.rank, c.limit = 1, 3
	case in.grain == "" && len(in.dims) == 1:
		c.rank, c.limit = 1, 5
		if n := r.lex.dimSize[in.dims[0]]; n > 0 && n <= 5 {
			c.limit = 1 // a top 5 of four regions is all of them: ask for the top one
		}
	default:
		return out
	}
	return append(out, []*intent{c})
}

// nextPeriod is the period a follow-up offers instead of ps (the question's
// one period, or none): when ps is a whole year, quarter, month, week or day
// (by its dates: the last 3 months asked on January 1 are Q4), the next one if
// it has ended by today, else the one before; any other range a year earlier;
// last quarter for a question over all time.
func nextPeriod(ps []period, today time.Time) period {
	if len(ps) == 0 {
		p, _, _, _ := relative(true, 0, dialect.Quarter, today, 0)
		return p
	}
	p := ps[0]
	unit := wholeUnit(p)
	step := func(n int) period {
		switch unit {
		case dialect.Year:
			return period{from: p.from.AddDate(n, 0, 0), to: p.from.AddDate(n+1, 0, -1), unit: unit}
		case dialect.Quarter:
			return period{from: p.from.AddDate(0, 3*n, 0), to: p.from.AddDate(0, 3*n+3, -1), unit: unit}
		case dialect.Month:
			return period{from: p.from.AddDate(0, n, 0), to: p.from.AddDate(0, n+1, -1), unit: unit}
		case dialect.Week:
			return period{from: p.from.AddDate(0, 0, 7*n), to: p.to.AddDate(0, 0, 7*n), unit: unit}
		case dialect.Day:
			return period{from: p.from.AddDate(0, 0, n), to: p.from.AddDate(0, 0, n), unit: unit}
		}
		return period{from: p.from.AddDate(n, 0, 0), to: p.to.AddDate(n, 0, 0)}
	}
	if unit != "" {
		if next := step(1); next.to.Before(today) {
			return next
		}
	}
	return step(-1)
}

// normal is in as follow-ups build on it: a verified query's time dimension
// (order_month) read as the grain of the order date it is, as the grammar reads
// "by month"; a ranking's measure said.
func (r *Resolver) normal(in *intent) *intent {
	c := in.clone()
	c.dims = c.dims[:0]
	for _, d := range in.dims {
		if g := dialect.Grain(strings.TrimPrefix(d, datePrefix)); c.grain == "" && d != dateField && strings.HasPrefix(d, datePrefix) && g.Valid() {
			c.grain = g
			continue
		}
		c.dims = append(c.dims, d)
	}
	if c.rank != 0 {
		c.orderBy = orDefault(c.orderBy, c.metrics[0])
	}
	return c
}

// datePrefix begins the names of the order date's time dimensions (order_month).
var datePrefix = strings.TrimSuffix(dateField, "date")

// sameReading reports whether two normal intents ask the same question: the
// same measures, groups, filters, dates and ranking.
func sameReading(a, b *intent) bool {
	if !slices.Equal(a.metrics, b.metrics) || !slices.Equal(a.dims, b.dims) || a.grain != b.grain ||
		!slices.Equal(a.named, b.named) || a.compare != b.compare || a.rank != b.rank ||
		len(a.filters) != len(b.filters) || len(a.periods) != len(b.periods) {
		return false
	}
	if a.rank != 0 && (a.limit != b.limit || a.orderBy != b.orderBy) {
		return false
	}
	for i, f := range a.filters {
		g := b.filters[i]
		if f.dim != g.dim || f.not != g.not || !slices.Equal(f.values, g.values) {
			return false
		}
	}
	for i, p := range a.periods {
		if !p.from.Equal(b.periods[i].from) || !p.to.Equal(b.periods[i].to) {
			return false
		}
	}
	return true
}

func filtered(in *intent, dim string) bool {
	for _, f := range in.filters {
		if f.dim == dim {
			return true
		}
	}
	return false
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
