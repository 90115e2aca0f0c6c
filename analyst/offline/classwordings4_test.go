package offline

import (
	"fmt"
	"testing"

	"github.com/salesanalytics/salesanalytics/query"
	"github.com/stretchr/testify/require"
)

// TestPeriodsSetAgainstEachOther: two periods set against each other by
// "higher than", "above" or "exceed" are compared (Q4 2025 "higher than"
// Q3 2025 was declined as two periods read together); a month named
// without its year beside one with it takes that year ("more in April than
// in March 2025" was April 2024, a range's end moved a year back); "more
// than in March" with no year is the latest March against this month (it
// was March of the current year, declined as a forecast).
func TestPeriodsSetAgainstEachOther(t *testing.T) {
	t.Parallel()
	r := classResolver(t).WithDataEnd(d("2025-12-31"))
	requireFamilies(t, r, [][]string{
		{"revenue Q3 2025 vs Q4 2025", "was revenue in Q4 2025 higher than Q3 2025?", "was revenue in Q4 2025 higher than in Q3 2025?",
			"was Q4 2025 revenue higher than Q3 2025?", "was revenue lower in Q4 2025 than in Q3 2025", "did revenue in Q4 2025 exceed Q3 2025",
			"was revenue in Q4 2025 above Q3 2025"},
		{"revenue and orders April 2025 vs March 2025", "did we sell more in April than in March 2025?", "revenue and orders April vs March 2025"},
		{"orders November 2025 vs December 2025", "were there more orders in December 2025 than November 2025", "did orders in December 2025 exceed November 2025"},
	})
	for _, q := range []string{"did we sell more than in March?", "did we sell more than in March 2025?"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%s: %s", q, res.Reason)
		require.Contains(t, fmt.Sprint(res.Request.Where), "2025-03-01", q)
		require.Contains(t, res.Reading, "March 2025 against December 2025", q)
	}
	res := r.Resolve(nil, "was revenue in Q4 2025 higher than Q3 2025?")
	require.Equal(t, query.Or(query.Between("order_date", "2025-07-01", "2025-09-30"), query.Between("order_date", "2025-10-01", "2025-12-31")),
		res.Request.Where, "both quarters, side by side")
}
