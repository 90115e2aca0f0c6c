//go:build cgo

package offline_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestThresholdOnPeriodAndCountTotals: a threshold on each period's own total
// ("which months had revenue over $16.5M") keeps the months by their total,
// counted when asked; a count threshold on distinct customers ("which states
// had more than 420 customers") keeps the states, never a second group of
// customers; "fewer than" / "no more than" are thresholds, never a top N.
// Each was declined before ("not which groups to keep") or, for "fewer
// than 300 orders", read as the top 300 states. The expectations are SQL
// over RAW written by hand.
func TestThresholdOnPeriodAndCountTotals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	a := newAnalyst(t)
	months2025 := rawRows(t, `SELECT CAST(ORDER_MONTH AS VARCHAR), CAST(SUM(NET) AS VARCHAR) FROM ords
WHERE ORDER_YEAR = 2025 GROUP BY ORDER_MONTH HAVING SUM(NET) > 16500000 ORDER BY ORDER_MONTH`)
	require.NotEmpty(t, months2025)
	require.Less(t, len(months2025), 12, "the threshold keeps some months, not all")
	for _, q := range []string{"which months in 2025 had revenue over $16.5M", "months of 2025 with sales above 16.5 million dollars",
		"in 2025, which months brought in more than $16,500,000"} {
		require.Equal(t, months2025, askRows(t, a, q, "order_date_month", "total_revenue"), q)
	}
	allMonths := rawRows(t, `SELECT CAST(COUNT(*) AS VARCHAR) FROM (SELECT ORDER_MONTH FROM ords GROUP BY ORDER_MONTH HAVING SUM(NET) > 16500000)`)
	for _, q := range []string{"how many months had revenue over $16.5M", "number of months with revenue above $16.5 million"} {
		require.Equal(t, allMonths, askRows(t, a, q), q)
		ans, err := a.Ask(context.Background(), nil, q)
		require.NoError(t, err)
		require.Contains(t, ans.Text, "every month on record", "%s: the period used is said", q)
	}
	states := rawRows(t, `SELECT STATE, CAST(COUNT(DISTINCT CUSTOMER_ID) AS VARCHAR) FROM ords
WHERE ORDER_YEAR = 2025 GROUP BY STATE HAVING COUNT(DISTINCT CUSTOMER_ID) > 420 ORDER BY STATE`)
	require.NotEmpty(t, states)
	for _, q := range []string{"which states had more than 420 customers in 2025", "states with over 420 customers in 2025",
		"which states had more than 420 different customers in 2025"} {
		require.Equal(t, states, askRows(t, a, q, "state", "distinct_customers"), q)
	}
	fewer := rawRows(t, `SELECT STATE, CAST(COUNT(DISTINCT ORDER_ID) AS VARCHAR) FROM ords
WHERE ORDER_YEAR = 2025 GROUP BY STATE HAVING COUNT(DISTINCT ORDER_ID) < 2100 ORDER BY STATE`)
	require.NotEmpty(t, fewer)
	for _, q := range []string{"which states had fewer than 2,100 orders in 2025", "states with no more than 2099 orders in 2025"} {
		require.Equal(t, fewer, askRows(t, a, q, "state", "order_count"), q)
	}
	// one named value against the rest is no comparison of two
	for _, q := range []string{"which states had fewer orders than Texas", "which regions sold more than the West in 2025"} {
		res := a.Resolve(nil, q)
		require.True(t, res.Declined, "%s: read as %s", q, res.Reading)
		require.Contains(t, res.Reason, "could not place", q)
	}
}
