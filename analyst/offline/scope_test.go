//go:build cgo

package offline_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// A scoped conversation keeps the scope on every answer, and a follow-up
// builds on the scoped reading: each answer equals hand-written SQL over RAW
// with the scope's filter, and says the scope in its reading.
func TestScopedConversation(t *testing.T) {
	t.Parallel()
	a := newAnalyst(t)
	sa, err := a.Scoped(analyst.Scope{
		Values: []analyst.ScopeValues{{Dimension: "region", Values: []string{"West"}}},
		From:   time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC),
	})
	require.NoError(t, err)
	s := &analyst.Session{Analyst: sa}
	db := warehouse(t).DB()
	ctx := context.Background()
	west := map[string]any{"region": "West"}
	for _, c := range []struct {
		q, reading string
		want       evalCase
	}{
		{"top 3 sales reps by revenue", "top 3 reps by total revenue for region West in 2025",
			evalCase{Measures: []string{"revenue"}, By: []string{"rep"}, Where: west, From: "2025-01-01", To: "2025-12-31", Top: 3, Ordered: true}},
		{"and in 2024?", "in 2024",
			evalCase{Measures: []string{"revenue"}, By: []string{"rep"}, Where: west, From: "2024-01-01", To: "2024-12-31", Top: 3, Ordered: true}},
		{"what was revenue by segment", "for region West in 2025", // a verified query's reading, scoped
			evalCase{Measures: []string{"revenue", "customers"}, By: []string{"segment"}, Where: west, From: "2025-01-01", To: "2025-12-31"}},
		{"how many orders by channel", "for region West in 2025",
			evalCase{Measures: []string{"orders"}, By: []string{"channel"}, Where: west, From: "2025-01-01", To: "2025-12-31"}},
		{"revenue by region", "for region West in 2025",
			evalCase{Measures: []string{"revenue"}, By: []string{"region"}, Where: west, From: "2025-01-01", To: "2025-12-31"}},
		{"revenue in the East in 2024", "for region East in 2024",
			evalCase{Measures: []string{"revenue"}, Where: map[string]any{"region": "East"}, From: "2024-01-01", To: "2024-12-31"}},
	} {
		ans, err := s.Ask(ctx, c.q)
		require.NoError(t, err, c.q)
		require.False(t, ans.Declined, "%q: %s", c.q, ans.Text)
		require.Contains(t, ans.Text, c.reading, c.q)
		want := c.want.oracleRows(t, db)
		got := answerRows(t, ans)
		if !c.want.Ordered {
			require.ElementsMatch(t, want, got, c.q)
			continue
		}
		require.Equal(t, want, got, c.q)
	}

	// The suggestions say the scope, so each asked alone means the same.
	last := s.History()[0]
	require.NotEmpty(t, last.Suggestions)
	for _, sg := range last.Suggestions {
		require.Contains(t, sg, "West", sg)
	}

	// A scope the model cannot keep is refused, naming what.
	_, err = a.Scoped(analyst.Scope{Values: []analyst.ScopeValues{{Dimension: "planet", Values: []string{"Mars"}}}})
	require.ErrorContains(t, err, "planet")
	_, err = a.Scoped(analyst.Scope{From: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)})
	require.ErrorContains(t, err, "not a range")
}
