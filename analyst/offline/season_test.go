package offline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDayFirstDatesAndSeasons: dates written day first with a month name
// make a range ("1 Dec 2024 to 28 Feb 2025" declined on "2024", read as an
// amount range, before); a season naming the months given is accounted for,
// one named alone is declined naming it.
func TestDayFirstDatesAndSeasons(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, reading := range map[string]string{
		"total revenue, 1 Dec 2024 to 28 Feb 2025":         "Total revenue from 2024-12-01 to 2025-02-28",
		"revenue from 1 December 2024 to 28 February 2025": "Total revenue from 2024-12-01 to 2025-02-28",
		"orders from 1 Mar 2025 to 15 Apr 2025":            "Order count from 2025-03-01 to 2025-04-15",
		"revenue for the winter of Dec '24 to Feb '25":     "Total revenue from 2024-12-01 to 2025-02-28",
		"revenue in the summer of Jun 2025 to Aug 2025":    "Total revenue from 2025-06-01 to 2025-08-31",
		"revenue from 1000 to 2000 dollars":                "Total revenue, orders of at least $1,000, orders of at most $2,000",
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, reading, res.Reading, q)
	}
	for _, q := range []string{"revenue last winter", "revenue for the winter of Jan 2025 to Mar 2025"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%q read as %q", q, res.Reading)
		require.Contains(t, res.Reason, "winter", q)
		require.Contains(t, res.Reason, "December to February", q)
	}
}
