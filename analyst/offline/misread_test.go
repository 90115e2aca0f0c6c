package offline

import (
	"strings"
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
		// the same period a year before another than today's, or none named
		"revenue this quarter vs the same quarter last year":          "name both periods",
		"revenue in December 2025 vs the same month last year":        "name both periods",
		"orders in Q4 2025 compared with the same quarter a year ago": "name both periods",
		"revenue the same period last year":                           "not which period",
		"orders in the same time a year ago":                          "not which period",
		// which customers were won: countable, not listed
		"which customers did we win in 2025":      "not list which ones",
		"top 5 customers we won in 2025":          "not list which ones",
		"list the customers we signed up in 2024": "not list which ones",
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

// TestChangedQualifierIsAnotherReading: each of these questions was once
// answered as another one with confidence (a year after "than" read as an
// amount, "all reps" as one row each, a range's start year dropped, "the
// same quarter" dropped, the week of a day read as the day, gained
// customers as all customers, halves declined, a catalogue measure split by
// product). Each is read with the words that make it (its reading says
// them, in the reading or its notes), and the question with that qualifier removed or changed is read
// as a different request, or declined — never as the same one.
func TestChangedQualifierIsAnotherReading(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, tc := range []struct{ q, reads, changed string }{
		{"revenue in Texas more than in 2024", "2024 to January 1 against this year", "revenue in Texas in 2024"},
		{"revenue in Texas more than in 2024", "2024 to January 1 against this year", "revenue in Texas more than 2000 dollars"},
		{"total annual quota of all reps", "one total over them all", "annual quota by rep"},
		{"total revenue across all regions", "one total over them all", "total revenue across regions"},
		{"revenue from the start of 2025 to the end of June", "from 2025-01-01 to 2025-06-30", "revenue to the end of June 2025 from the start of June"},
		{"revenue in the same quarter last year", "Q1 2025", "revenue by quarter last year"},
		{"revenue in the same month a year ago", "January 2025", "revenue in the month a year ago"},
		{"revenue the week of 2025-12-01", "the week of December 1, 2025", "revenue on 2025-12-01"},
		{"revenue the week of 2025-12-03", "2025-12-01 to 2025-12-07", "revenue the week starting 2025-12-03"},
		{"which rep gained the most customers", "new customers", "which rep had the most customers"},
		{"top 3 reps by customers gained", "new customers", "top 3 reps by customers"},
		{"revenue H1 vs H2 2025", "H1 2025 against H2 2025", "revenue in H1 2025"},
		{"revenue H1 vs H2 2025", "H1 2025 against H2 2025", "revenue Q1 vs Q2 2025"},
		{"revenue this year against 2023", "2023 to January 1 against this year", "revenue this year against last year"},
		{"average unit cost of our products", "Average unit cost", "average unit cost by category"},
	} {
		res := r.Resolve(nil, tc.q)
		require.False(t, res.Declined, "%q: %s", tc.q, res.Reason)
		require.Contains(t, strings.Join(append([]string{res.Reading}, res.Notes...), " "), tc.reads, tc.q)
		other := r.Resolve(nil, tc.changed)
		if other.Declined {
			continue
		}
		require.NotEqual(t, res.Request, other.Request, "%q and %q read alike: %s", tc.q, tc.changed, res.Reading)
	}
}
