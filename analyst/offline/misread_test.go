package offline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

// TestMisreadsDecline: questions the analyst cannot read fully are declined
// with a reason, never answered as another question (each was answered as a
// different one: a period left out dropped, a negation applied to the wrong
// item, new customers dropped from whose revenue, a filter moved out of a
// share, a range of counts read as its first number).
func TestMisreadsDecline(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, reason := range map[string]string{
		// a period left out of a range, a comparison or a list
		"revenue from 2024 to 2025 excluding December":                "left out",
		"revenue from March 2024 to February 2025 excluding December": "left out",
		"revenue since 2024 excluding December":                       "left out",
		"revenue in 2024 and 2025 excluding December":                 "left out",
		"2025 vs 2024 excluding December":                             "left out",
		"revenue in Q1 vs Q2 excluding March":                         "left out",
		"revenue in the last 2 years excluding December":              "more than one year",
		// one negation over a period and a value
		"revenue in 2025 excluding December and the West":     "period and a value",
		"revenue in 2025 excluding December and CA":           "period and a value",
		"revenue in 2025 excluding the West and December":     "period and a value",
		"revenue in 2025 with December and the West excluded": "period and a value",
		"orders in 2025 excluding December and online":        "period and a value",
		// what new or returning customers spent
		"revenue from new customers":                    "does not say what they spent",
		"revenue from new customers in 2025":            "does not say what they spent",
		"orders from returning customers":               "does not say what they spent",
		"revenue from returning customers excluding CA": "does not say what they spent",
		// a filter inside the part of a share of new customers
		"what share of customers in the West were new": "filter",
		// a range of counts after top
		"top one to two hundred customers": "range of how many",
	} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%q read as %q", q, res.Reading)
		require.Contains(t, res.Reason, reason, q)
	}
}

// TestShareOfNewCustomersInAPlace: "what share of new customers were in the
// West" is the West's new customers as a share of all new customers, not a
// share of the West's customers.
func TestShareOfNewCustomersInAPlace(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	res := r.Resolve(nil, "what share of new customers were in the West")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"new_customers"}, res.Request.Metrics)
	require.Nil(t, res.Request.Where)
	require.Contains(t, res.Reading, "share of all new customers")
	// a period left out of one period still reads
	res = r.Resolve(nil, "revenue in 2025 excluding December")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, query.Not(query.Between("order_date", "2025-12-01", "2025-12-31")), res.Request.Where)
}
