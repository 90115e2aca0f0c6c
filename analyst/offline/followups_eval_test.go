//go:build cgo

package offline_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// reading is what a request asks, split the way a follow-up changes it: its
// filters (every condition but the date range), its date range, and its shape
// (measures, groups, time grain and ranking).
type reading struct {
	where    query.Filter
	named    []string
	from, to time.Time // zero for all time
	shape    string
}

// readRequest splits req. A time dimension of the order date (a verified
// query's order_month) is read as the grain it is; an ORDER BY without a limit
// the question set (every grouped answer is capped at MaxRows+1) only orders
// the whole list, so it is no ranking.
func readRequest(tb testing.TB, req *query.Request) reading {
	tb.Helper()
	m := semantic.SalesModel()
	rd := reading{where: req.Where, named: req.Filters}
	if req.Dates != nil {
		from, to, err := req.Dates.Range.Resolve(asOf)
		require.NoError(tb, err)
		rd.from, rd.to = from, to
	}
	grain := ""
	if req.Time != nil {
		grain = string(req.Time.Grain)
	}
	var dims []string
	for _, d := range req.Dimensions {
		if _, err := m.Lookup(d, semantic.KindTimeDimension); err == nil && grain == "" {
			grain = strings.TrimPrefix(d, "order_")
			continue
		}
		dims = append(dims, d)
	}
	rank := ""
	if req.Limit != 0 && req.Limit != offline.DefaultMaxRows+1 {
		rank = fmt.Sprint(req.OrderBy, req.Limit)
	}
	rd.shape = fmt.Sprintf("metrics %v dims %v grain %q rank %s", req.Metrics, dims, grain, rank)
	return rd
}

func (rd reading) days() int { return int(rd.to.Sub(rd.from)/(24*time.Hour)) + 1 }

// Every suggestion after every answered question of the evaluation set is a
// question of its own: asked with no conversation it is answered, keeps the
// original's filters, and changes exactly one thing — the groups or ranking (the
// date range kept), or the date range (to another, as long, not overlapping,
// the shape kept) — and asked in the conversation it gets the same answer.
func TestSuggestionsStandAlone(t *testing.T) {
	set := loadEval(t)
	a := newAnalyst(t)
	ctx := context.Background()
	asked, periods := 0, 0
	for _, c := range set.Answers {
		var history []*analyst.Answer
		for _, q := range append(slices.Clone(c.After), c.Q) {
			ans, err := a.Ask(ctx, history, q)
			require.NoError(t, err, q)
			history = append(history, ans)
		}
		orig := history[len(history)-1]
		if orig.Declined {
			continue // TestEvaluation reports it
		}
		require.NotEmpty(t, orig.Suggestions, c.Q)
		was := readRequest(t, orig.Request)
		for _, sg := range orig.Suggestions {
			alone, err := a.Ask(ctx, nil, sg)
			require.NoError(t, err, sg)
			require.False(t, alone.Declined, "%q after %q declined: %s", sg, c.Q, alone.Reason)
			inConv, err := a.Ask(ctx, history, sg)
			require.NoError(t, err, sg)
			require.Equal(t, alone.Request, inConv.Request, "%q after %q: the same in the conversation", sg, c.Q)
			require.Equal(t, alone.SQL, inConv.SQL, sg)
			require.Equal(t, alone.Args, inConv.Args, sg)
			require.Equal(t, alone.Text, inConv.Text, sg)

			is := readRequest(t, alone.Request)
			require.Equal(t, was.where, is.where, "%q after %q: the filters are kept", sg, c.Q)
			require.Equal(t, was.named, is.named, "%q after %q: the named filters are kept", sg, c.Q)
			samePeriod := was.from.Equal(is.from) && was.to.Equal(is.to)
			if samePeriod {
				require.NotEqual(t, was.shape, is.shape, "%q after %q asks the same again", sg, c.Q)
				continue
			}
			periods++
			require.Equal(t, was.shape, is.shape, "%q after %q: another period changes nothing else", sg, c.Q)
			require.False(t, is.from.IsZero(), "%q after %q: a period, not all time", sg, c.Q)
			if !was.from.IsZero() {
				require.True(t, is.to.Before(was.from) || is.from.After(was.to), "%q after %q: %s–%s overlaps %s–%s", sg, c.Q, is.from, is.to, was.from, was.to)
				require.InDelta(t, was.days(), is.days(), 3, "%q after %q: as long", sg, c.Q)
			}
		}
		asked += len(orig.Suggestions)
	}
	t.Logf("%d suggestions asked on their own, %d of them another period", asked, periods)
	require.Greater(t, asked, 2*len(set.Answers))
}
