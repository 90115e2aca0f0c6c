package offline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNoConfidentMisreadsNearNewWords: questions a reviewer found answered as
// another question after the everyday-word rules (session 11): each is now
// declined, or read with what it said.
func TestNoConfidentMisreadsNearNewWords(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, q := range []string{
		"what's the makeup of revenue by channel in 2025", // not the Beauty category
		"customers who placed one order in 2025",          // not a top one
		"revenue by sub-category in 2025",                 // no sub-category in the model
		"which categories grew at least twice as much as Books in 2025",
		"which grew less, online or retail", // not Online and Retail left out
		"which months shrank in 2025",       // not the year's total, labelled a month
		"which quarter grew the most in 2025",
		"which categories shrank by more than $300,000 in 2025", // not orders over $300,000
		"what rank was California by revenue in 2025",           // not its total
	} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%q was read as %s", q, res.Reading)
	}
	for q, reading := range map[string]string{
		"revenue from Book and Toys in 2025":                      "Total revenue by category for category BOOKS or TOYS in 2025",
		"how many orders did the West book in 2025":               "Order count for region West in 2025",
		"how many orders in 2025 had more than $2,000 in revenue": "Order count and total revenue, orders over $2,000 in 2025",
		"how many orders sold over $500 in 2025":                  "Order count, orders over $500 in 2025",
		"how did online and retail change in 2025":                "The change in total revenue by channel for channel Online or Retail in 2025 against 2024 (no measure was named, so total revenue)",
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, reading, res.Reading, q)
	}
}
