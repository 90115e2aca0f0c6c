package offline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// The suggestions read as questions someone would type, and each says all it
// keeps of the question before it.
func TestSuggestionTexts(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"revenue by region in 2025", []string{
			"Total revenue by region and segment in 2025", "Total revenue by region in 2024", "Top region by total revenue in 2025"}},
		{"What was total revenue last month?", []string{
			"Total revenue and order count by segment last month", "Total revenue and order count in November 2025",
			"Total revenue and order count by day last month"}},
		{"Who are the top 10 sales reps by revenue?", []string{
			"Top 10 reps with their region by total revenue and order count last quarter",
			"Top 3 reps with their region by total revenue and order count"}},
		{"How has revenue trended month by month?", []string{
			"Total revenue and order count by segment by month", "Total revenue and order count by month last quarter",
			"Top 3 months by total revenue and order count"}},
		{"top 3 reps by revnue in Q4 2025 for SMB", []string{
			"Top 3 reps by total revenue for SMB in Q3 2025", "Bottom 3 reps by total revenue for SMB in Q4 2025"}},
		{"how did SMB change from 2024 to 2025 by region", []string{
			"Change in total revenue by region and industry for SMB from 2024 to 2025"}},
		{"orders for Nancy Clark since March 2025", []string{
			"Order count by segment for rep Nancy Clark since March 2025",
			"Order count for rep Nancy Clark from 2024-03-01 to 2025-01-01",
			"Order count by month for rep Nancy Clark since March 2025"}},
		{"online revenue by category excluding North in Q1 2024", []string{
			"Total revenue by category and segment excluding North for online orders in Q1 2024",
			"Total revenue by category excluding North for online orders in Q2 2024",
			"Top 5 categories by total revenue excluding North for online orders in Q1 2024"}},
		{"discounted only revenue by channel excluding Online and Phone", []string{
			"Total revenue by channel and segment excluding Online and Phone, discounted only",
			"Total revenue by channel excluding Online and Phone, discounted only, last quarter",
			"Top channel by total revenue excluding Online and Phone, discounted only"}},
		{"top 3 customers by aov in the last 3 months", []string{
			"Top 3 customers by average order value in Q3 2025",
			"Bottom 3 customers by average order value in the last 3 months"}},
		{"revenue in OR on 2025-12-25", []string{
			"Total revenue by segment for state OR on December 25, 2025", "Total revenue for state OR on December 26, 2025"}},
	} {
		res := r.Resolve(nil, tc.q)
		require.False(t, res.Declined, "%q: %s", tc.q, res.Reason)
		require.Equal(t, tc.want, res.Suggestions, tc.q)
	}
}

// A follow-up asked in the conversation ("and in 2024?") gets the suggestions
// of the question it amounts to, not of its own words.
func TestSuggestionsAfterAFollowUp(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	first := r.Resolve(nil, "revenue by region in 2025")
	require.Equal(t, "Total revenue by region and segment in 2025", first.Suggestions[0])
	res := r.Resolve(first.State(), "break that down by segment")
	require.Equal(t, r.Resolve(nil, first.Suggestions[0]).Request, res.Request, "the suggestion asked alone is the follow-up")
	require.Equal(t, []string{"Total revenue by region and segment in 2024"}, res.Suggestions)
}

// After every question of the evaluation set, each kind of follow-up
// written for it has a suggestion that reads back as the question it was
// written for, and the first written reads back unless a verified question
// with the same words asks more.
func TestEverySuggestionReadsBack(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "analyst", "eval.yaml"))
	require.NoError(t, err)
	var set struct {
		Answers []struct {
			Q     string   `yaml:"q"`
			After []string `yaml:"after"`
		} `yaml:"answers"`
	}
	require.NoError(t, yaml.Unmarshal(b, &set))
	r := demoResolver(t)
	passedOver := 0
	for _, c := range set.Answers {
		var prev any
		var res *Resolution
		for _, q := range append(c.After, c.Q) {
			res = r.Resolve(prev, q)
			prev = res.State()
		}
		require.False(t, res.Declined, "%q: %s", c.Q, res.Reason)
		kinds := r.nextIntents(r.normal(res.in), testNow())
		require.Len(t, res.Suggestions, len(kinds), "%q: one suggestion of each kind, got %q", c.Q, res.Suggestions)
		for i, kind := range kinds {
			first := r.phrase(kind[0])
			if res.Suggestions[i] == first {
				continue
			}
			passedOver++
			items, _ := r.lex.classify(split(first))
			_, verified := r.byKey[key(items)]
			require.True(t, verified, "%q: %q was passed over for %q", c.Q, first, res.Suggestions[i])
		}
	}
	t.Logf("%d questions, %d first breakdowns passed over for a verified question", len(set.Answers), passedOver)
}
