package offline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

// TestEverydayQuestions: the question classes of issue 20 that need nothing
// new in the query layer, each read to the request it means.
func TestEverydayQuestions(t *testing.T) {
	t.Parallel()
	r := testResolver(t).WithDataEnd(d("2025-12-31"))
	year2025 := dates("2025-01-01", "2025-12-31")
	for _, tc := range []struct {
		q       string
		want    query.Request
		reading string
	}{
		// measures in everyday words
		{"how much money did we make in 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: year2025}, "Total revenue in 2025"},
		{"total takings in 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: year2025}, ""},
		{"how much did customers spend in 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: year2025}, ""},
		{"what did we rake in during 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: year2025}, ""},
		// number words and "which N … most"
		{"which 3 regions sold the most", query.Request{Metrics: []string{"total_revenue"}, Dimensions: []string{"region"},
			OrderBy: []query.Order{query.Desc("total_revenue")}, Limit: 3}, "The top 3 regions by total revenue (no measure was named, so total revenue)"},
		{"the four strongest reps", query.Request{Metrics: []string{"total_revenue"}, Dimensions: []string{"rep_name"},
			OrderBy: []query.Order{query.Desc("total_revenue")}, Limit: 4}, ""},
		{"a dozen weakest products by units", query.Request{Metrics: []string{"units_sold"}, Dimensions: []string{"product_name"},
			OrderBy: []query.Order{query.Asc("units_sold")}, Limit: 12}, ""},
		// full state names
		{"revenue in California", query.Request{Metrics: []string{"total_revenue"}, Where: query.Eq("state", "CA")}, "Total revenue for state CA"},
		{"revenue in ca", query.Request{Metrics: []string{"total_revenue"}, Where: query.Eq("state", "CA")}, ""},
		{"orders from texas", query.Request{Metrics: []string{"order_count"}, Where: query.Eq("state", "TX")}, ""},
		// a threshold on each order's amount
		{"how many orders over $5,000 in 2025", query.Request{Metrics: []string{"order_count"}, Where: query.Gt("net_amount", "5000"), Dates: year2025},
			"Order count, orders over $5,000 in 2025"},
		{"revenue from orders of at least 1.5k dollars", query.Request{Metrics: []string{"total_revenue"}, Where: query.Ge("net_amount", "1500")}, ""}, // which orders, not a count of them
		{"orders under 100 dollars", query.Request{Metrics: []string{"order_count"}, Where: query.Lt("net_amount", "100")}, ""},
		// distinct counts
		{"how many different customers bought Electronics", query.Request{Metrics: []string{"distinct_customers"}, Where: query.Eq("category", "ELECTRONICS")}, ""},
		// values set against each other: one row each, never a sum
		{"East vs West revenue", query.Request{Metrics: []string{"total_revenue"}, Dimensions: []string{"region"},
			Where: query.In("region", "East", "West"), Limit: DefaultMaxRows + 1}, ""},
		// date phrases
		{"revenue two years ago", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2024-01-01", "2024-12-31")}, ""},
		{"orders three months ago", query.Request{Metrics: []string{"order_count"}, Dates: dates("2025-10-01", "2025-10-31")}, ""},
		{"revenue in H1 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-01-01", "2025-06-30")}, ""},
		{"revenue in the second half of 2024", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2024-07-01", "2024-12-31")}, ""},
		{"revenue March through June 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2025-03-01", "2025-06-30")}, ""},
		{"revenue December to February 2025", query.Request{Metrics: []string{"total_revenue"}, Dates: dates("2024-12-01", "2025-02-28")}, ""},
		// the current period without orders yet: the last complete one, said
		{"What is revenue YTD?", query.Request{Metrics: []string{"total_revenue"}, Dates: year2025}, "Total revenue in 2025"},
		// typos: two in a question, swapped letters, dropped vowels
		{"revnue by regoin", query.Request{Metrics: []string{"total_revenue"}, Dimensions: []string{"region"}, // the verified "sales by region"
			OrderBy: []query.Order{query.Desc("total_revenue")}, Limit: DefaultMaxRows + 1}, ""},
		{"ordres by chanel last yaer", query.Request{Metrics: []string{"order_count"}, Dimensions: []string{"channel"}, Dates: year2025, Limit: DefaultMaxRows + 1}, ""},
		{"top 5 cstmrs by rvnue", query.Request{Metrics: []string{"total_revenue"}, Dimensions: []string{"customer_name"},
			OrderBy: []query.Order{query.Desc("total_revenue")}, Limit: 5}, ""},
	} {
		res := r.Resolve(nil, tc.q)
		require.False(t, res.Declined, "%s: %s", tc.q, res.Reason)
		require.Equal(t, tc.want, res.Request, tc.q)
		if tc.reading != "" {
			require.Equal(t, tc.reading, res.Reading, tc.q)
		}
	}
}

// TestDeclinesSayWhy: a question is declined for its real reason, never for
// an unknown word when the reason is another.
func TestDeclinesSayWhy(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, kind := range map[string]DeclineKind{
		"will revenue grow next quarter":           DeclineForecast,
		"predict sales for 2027":                   DeclineForecast,
		"what is our profit margin":                DeclineNotInModel,
		"how many website visits last month":       DeclineNotInModel,
		"what's the weather in Paris":              DeclineOutOfDomain,
		"delete all orders from 2024":              DeclineChangesData,
		"revenue by the moon phase":                DeclineNotUnderstood,
		"how many different revenue":               DeclineNotUnderstood,
		"top 5000 products":                        DeclineTooLarge,
		"the four strongest reps by the moonlight": DeclineNotUnderstood,
	} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, q)
		require.Equal(t, kind, res.Kind, "%s: %s", q, res.Reason)
		require.True(t, res.Kind.Valid())
		require.NotEmpty(t, res.Suggestions, q)
	}
}

// TestQualifiersAreNeverDropped: a ranking within groups is a rank within
// each group (query's Rank layer), never one overall list; "with their
// region" stays a plain list.
func TestQualifiersAreNeverDropped(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	overall := r.Resolve(nil, "top product by revenue")
	require.False(t, overall.Declined)
	require.Nil(t, overall.Request.Rank)
	for q, within := range map[string]string{
		"top product by revenue per category": "category",
		"the best seller in each category":    "category",
		"top 3 reps for every region":         "region",
		"best month per region":               "region",
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%s: %s", q, res.Reason)
		require.NotNil(t, res.Request.Rank, q)
		require.Equal(t, []string{within}, res.Request.Rank.Within, q)
		require.Contains(t, res.Reading, "in each "+within, q)
	}
	// a group that is the ranked thing itself is no group: one plain list
	for _, q := range []string{"top products per product", "best month per month"} {
		res := r.Resolve(nil, q)
		require.Nil(t, res.Request.Rank, q)
	}
	res := r.Resolve(nil, "top 3 reps with their region")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, []string{"rep_name", "region"}, res.Request.Dimensions)
	require.Nil(t, res.Request.Rank)
}
