package offline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestShareAndRangeWordings: a share said as how revenue is divided between
// groups, a rate said as how often orders were returned per group, orders
// with money off, and an amount range "from $500 up to $1,000" each read as
// their class (each declined or read otherwise before).
func TestShareAndRangeWordings(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, reading := range map[string]string{
		"how is our revenue divided between the regions, as percentages?": "Total revenue by region, each as a share of the total",
		"revenue split between the channels, as a percent":                "Total revenue by channel, each as a share of the total",
		"how often did orders get returned on each channel, as a percent": "Order count for status Returned as a share of all order count by channel",
		"how often were orders returned in 2025":                          "Order count for status Returned as a share of all order count in 2025",
		"how many of our 2024 orders had money off, as a percent":         "Order count that is discounted as a share of all order count in 2024",
		"how many orders were worth from 500 up to 1,000 dollars in 2025": "Order count, orders of at least $500, orders of at most $1,000 in 2025",
		"revenue from orders from $250 up to $750":                        "orders of at least $250, orders of at most $750",
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Contains(t, res.Reading, reading, q)
	}
	// "how often" of customers still counts their orders
	res := r.Resolve(nil, "how often did customers order in 2025")
	require.False(t, res.Declined, res.Reason)
	require.Equal(t, "Order count in 2025", res.Reading)
}

// TestReturningSaidAsHavingOrderedBefore: customers of a period who had
// bought before it are its returning customers (both declined on "before",
// "already", "earlier"); what they spent is not in the model and is
// declined, never answered as all revenue beside a count.
func TestReturningSaidAsHavingOrderedBefore(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	want := r.Resolve(nil, "returning customers in 2025")
	require.False(t, want.Declined, want.Reason)
	for _, q := range []string{
		"repeat customers in 2025 — people who'd bought from us before",
		"count of customers in 2025 who had already ordered in an earlier year",
		"how many customers in 2025 had bought from us before",
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, want.Request, res.Request, q)
		require.Equal(t, want.Reading, res.Reading, q)
	}
	for _, q := range []string{"revenue from customers who had ordered before", "orders from customers who had bought before"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%q read as %q", q, res.Reading)
		require.Contains(t, res.Reason, "does not say what they spent", q)
	}
}

// TestCountedOncePerGroup: "counting each customer once per region" is the
// distinct customers of each region (declined on "once" before).
func TestCountedOncePerGroup(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, reading := range map[string]string{
		"2025 customers by region, counting each customer once per region": "Distinct customers by region in 2025",
		"how many customers per channel, each customer counted once":       "Distinct customers by channel",
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, reading, res.Reading, q)
	}
}
