package offline

import (
	"context"
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// LoadDataEnd reads the last day with orders, for [Resolver.WithDataEnd]: one
// bounded query (orders by day, latest first, one row).
func LoadDataEnd(ctx context.Context, c *query.Compiler, db query.Querier) (time.Time, error) {
	q, err := c.Compile(query.Request{
		Metrics: []string{"order_count"},
		Time:    &query.TimeGrain{Dimension: dateField, Grain: dialect.Day},
		OrderBy: []query.Order{query.Desc(dateField)},
		Limit:   1,
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("offline: data end: %w", err)
	}
	res, err := q.Run(ctx, db)
	if err != nil {
		return time.Time{}, fmt.Errorf("offline: data end: %w", err)
	}
	if len(res.Rows) == 0 {
		return time.Time{}, nil
	}
	t, ok := res.Rows[0][0].(time.Time)
	if !ok {
		return time.Time{}, fmt.Errorf("offline: data end: the day is a %T", res.Rows[0][0])
	}
	return day0(t), nil
}

// WithDataEnd returns a copy of r that knows the last day with orders: a
// question about the current period ("this year", "YTD", "this month") asked
// before any of its orders exist is answered for the last complete period of
// that kind, and the answer says so — the rule the dashboard follows for its
// first screen. The zero time means unknown (nothing is substituted).
func (r *Resolver) WithDataEnd(end time.Time) *Resolver {
	c := *r
	c.dataEnd = end
	return &c
}

// settle applies the data-end rule to the intent's periods.
func (r *Resolver) settle(in *intent, today time.Time) {
	if in.compare {
		r.settleCompare(in, today)
		return
	}
	if r.dataEnd.IsZero() {
		return
	}
	for i, p := range in.periods {
		if p.current == "" && p.from.After(r.dataEnd) && p.unit != "" && len(in.periods) == 1 {
			// "revenue in Q1 2026" on 1 January 2026: no orders yet, said, with
			// the last complete one offered (it said only "no orders match")
			last, _, ok, err := relative(true, 0, p.unit, r.dataEnd.AddDate(0, 0, 1), 0)
			if err == nil && ok {
				in.notes = append(in.notes, fmt.Sprintf("There are no orders in %s yet (the data ends on %s); the last complete %s is %s.",
					p.label, r.dataEnd.Format("January 2, 2006"), p.unit, completeLabel(last).label))
			}
			continue
		}
		if p.current == "" || !p.from.After(r.dataEnd) {
			continue
		}
		last, _, ok, err := relative(true, 0, p.current, today, 0)
		if err != nil || !ok {
			continue
		}
		last = completeLabel(last)
		in.periods[i] = last
		in.notes = append(in.notes, fmt.Sprintf(
			"There are no orders in %s yet (the data ends on %s), so this is %s, the last complete %s.",
			p.label, r.dataEnd.Format("January 2, 2006"), last.label, p.current))
	}
}

// completeLabel names a whole period by its dates: 2025, Q4 2025, December 2025.
func completeLabel(p period) period {
	switch p.unit {
	case dialect.Year:
		p.label = fmt.Sprint(p.from.Year())
	case dialect.Quarter:
		p.label = fmt.Sprintf("Q%d %d", (int(p.from.Month())-1)/3+1, p.from.Year())
	case dialect.Month:
		p.label = p.from.Format("January 2006")
	default:
		p.label = "the week of " + p.from.Format("January 2, 2006")
	}
	return p
}

// settleCompare applies the rule to "this year against last year": with no
// orders yet in the current period, the last two complete ones are compared;
// otherwise the current period to date against the same days of the other.
func (r *Resolver) settleCompare(in *intent, today time.Time) {
	a, b := in.periods[0], in.periods[1]
	cur, whole, curFirst := b, a, false
	if a.current != "" {
		cur, whole, curFirst = a, b, true
	}
	if cur.current == "" {
		return
	}
	if !r.dataEnd.IsZero() && cur.from.After(r.dataEnd) {
		last, _, ok, err := relative(true, 0, cur.current, today, 0)
		if err != nil || !ok {
			return
		}
		last = completeLabel(last)
		other, two := whole, ""
		if !whole.from.Before(last.from) {
			// "this year against last year": the last two complete ones
			other, _, _, _ = ago(2, cur.current, today, 0)
			other, two = completeLabel(other), fmt.Sprintf(", the last two complete %ss", cur.current)
		}
		in.notes = append(in.notes, fmt.Sprintf(
			"There are no orders in %s yet (the data ends on %s), so this compares %s with %s%s.",
			cur.label, r.dataEnd.Format("January 2, 2006"), last.label, other.label, two))
		last.standsFor = cur.label
		in.periods = []period{other, last}
		return
	}
	whole = sameSpan(whole, cur) // units kept: the two stay apart at that grain
	if curFirst {
		in.periods = []period{cur, whole}
	} else {
		in.periods = []period{whole, cur}
	}
}
