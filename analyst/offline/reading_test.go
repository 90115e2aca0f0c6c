//go:build cgo

package offline_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/internal/evalset"
)

// TestEveryAnswerSaysItsReadingFirst: every answer of evaluation set 2's
// working part begins with how the question was read — measures, groups,
// filters and period in words — and the stream emits that reading before the
// SQL runs, so a wrong reading shows before any figure.
func TestEveryAnswerSaysItsReadingFirst(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	fsys := os.DirFS(eval2Dir)
	set, err := evalset.Load(fsys)
	require.NoError(t, err)
	held, err := evalset.LoadHeldOut(fsys)
	require.NoError(t, err)
	a := newAnalyst(t)
	answered := 0
	for _, e := range set.Entries() {
		if held[e.Family] || e.Decline != "" {
			continue
		}
		res := a.Resolve(nil, e.Question)
		if res.Declined {
			continue
		}
		var parts []analyst.Part
		ans, err := a.AskStream(context.Background(), nil, e.Question, func(p analyst.Part) error {
			parts = append(parts, p)
			return nil
		})
		require.NoError(t, err, e.Question)
		if ans.Declined {
			continue
		}
		answered++
		require.NotEmpty(t, res.Reading, e.Question)
		require.True(t, strings.HasPrefix(ans.Text, res.Reading+": "), "%q: %q does not begin with its reading %q", e.Question, ans.Text, res.Reading)
		var firstText, sqlAt, textAt = "", -1, -1
		for i, p := range parts {
			switch {
			case p.Kind == analyst.PartText && textAt < 0:
				firstText, textAt = p.Text, i
			case p.Kind == analyst.PartSQL && sqlAt < 0:
				sqlAt = i
			}
		}
		require.Equal(t, res.Reading+": ", firstText, e.Question)
		require.Less(t, textAt, sqlAt, "%q: the reading comes before the SQL", e.Question)
	}
	require.Greater(t, answered, 300)
}

// TestCurrentPeriodWithNoDataYet: on the demo clock (1 January 2026) the
// current year has no orders; "revenue YTD" says so and answers for 2025, the
// last complete year, as the dashboard's first screen does — never "no
// orders match". A period that has data is said with its dates.
func TestCurrentPeriodWithNoDataYet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	a := newAnalyst(t)
	for _, q := range []string{"What is revenue YTD?", "revenue this year", "orders this month", "sales this quarter so far"} {
		ans, err := a.Ask(context.Background(), nil, q)
		require.NoError(t, err, q)
		require.False(t, ans.Declined, "%s: %s", q, ans.Reason)
		require.NotContains(t, ans.Text, "no orders match", q)
		require.Contains(t, ans.Text, "There are no orders in this", q)
		require.Contains(t, ans.Text, "the data ends on December 31, 2025", q)
		require.Contains(t, ans.Text, "the last complete", q)
	}
	ans, err := a.Ask(context.Background(), nil, "What is revenue YTD?")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(ans.Text, "Total revenue in 2025: $"), ans.Text)
	ans, err = a.Ask(context.Background(), nil, "revenue last month")
	require.NoError(t, err)
	require.Contains(t, ans.Text, "last month (December 2025)")
}
