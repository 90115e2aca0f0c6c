package offline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

var _ analyst.Scoper = (*Analyst)(nil)

// Scoped returns the analyst that answers as a does and keeps s on every
// answer (see [analyst.Scope]): each dimension of s the question does not
// filter itself is kept to s's values, and a question without a period of its
// own covers s's dates. The reading and the sentence say the scope ("Total
// revenue by sales rep for region West in 2025"), follow-ups build on the
// scoped reading, and the suggestions say the scope too, so each asked alone
// gets the same answer. An error names the dimensions the model does not have
// or a range that is not one.
func (a *Analyst) Scoped(s analyst.Scope) (analyst.Analyst, error) {
	var errs []error
	for _, v := range s.Values {
		if _, err := a.model.Lookup(v.Dimension, semantic.KindDimension); err != nil {
			errs = append(errs, fmt.Errorf("offline: scope: %w", err))
		}
	}
	if s.From.IsZero() != s.To.IsZero() || s.To.Before(s.From) {
		errs = append(errs, fmt.Errorf("offline: scope: the dates %s to %s are not a range",
			s.From.Format(time.DateOnly), s.To.Format(time.DateOnly)))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &scoped{a: a, s: s}, nil
}

// scoped is an offline analyst that keeps a scope on every answer.
type scoped struct {
	a *Analyst
	s analyst.Scope
}

var _ analyst.Streamer = (*scoped)(nil)

func (x *scoped) Ask(ctx context.Context, history []*analyst.Answer, question string) (*analyst.Answer, error) {
	return x.AskStream(ctx, history, question, func(analyst.Part) error { return nil })
}

func (x *scoped) AskStream(ctx context.Context, history []*analyst.Answer, question string, emit func(analyst.Part) error) (*analyst.Answer, error) {
	if err := emit(analyst.Part{Kind: analyst.PartStatus, Status: "Interpreting the question"}); err != nil {
		return nil, err
	}
	return x.a.answer(ctx, question, x.a.within(x.s, x.a.Resolve(lastState(history), question)), emit)
}

// within applies s to res: a decline, or a reading that s does not change, is
// res itself; otherwise the reading gains s's filters and dates, and its
// request, reading and suggestions are made again from it.
func (r *Resolver) within(s analyst.Scope, res *Resolution) *Resolution {
	if res.Declined || res.in == nil {
		return res
	}
	in, changed := res.in.clone(), false
	for _, v := range s.Values {
		if len(v.Values) == 0 || slices.ContainsFunc(in.filters, func(f valueFilter) bool { return f.dim == v.Dimension }) {
			continue
		}
		in.filters = append(in.filters, valueFilter{dim: v.Dimension, values: slices.Clone(v.Values)})
		changed = true
	}
	if !s.From.IsZero() && len(in.periods) == 0 {
		in.periods, changed = []period{scopePeriod(s.From, s.To)}, true
	}
	if !changed {
		return res
	}
	req, err := in.request(r.maxRows)
	if err != nil {
		return r.declined(&decline{kind: DeclineTooLarge, reason: err.Error()})
	}
	return &Resolution{Request: req, Notes: res.Notes, Reading: reading(in), in: in,
		Suggestions: r.followUps(in, day0(r.now()))}
}

// scopePeriod is the range from–to as a period: a whole year by its number,
// else by its dates, as a question's "from … to …" reads.
func scopePeriod(from, to time.Time) period {
	from, to = day0(from), day0(to)
	if from.Month() == time.January && from.Day() == 1 && to.Equal(date(from.Year(), 12, 31)) {
		return period{from: from, to: to, unit: dialect.Year, label: fmt.Sprint(from.Year())}
	}
	return period{from: from, to: to, label: "from " + from.Format(time.DateOnly) + " to " + to.Format(time.DateOnly)}
}
