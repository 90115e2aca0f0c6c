//go:build cgo

package offline_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCountOfGroupsPerGroup: a count of reps per a further group ("number of
// reps by region", "how many reps in each region") is the reps with orders
// counted in each group, and "how many reps hit quota by region" the reps of
// each region at 100% of their quota or more; each was declined before (the
// count was of the whole). A rep's quota split by channel is not theirs, so
// that stays declined. Expectations: SQL over RAW written by hand.
func TestCountOfGroupsPerGroup(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	a := newAnalyst(t)
	reps := rawRows(t, `SELECT REGION, CAST(COUNT(DISTINCT REP_ID) AS VARCHAR) FROM ords GROUP BY REGION ORDER BY REGION`)
	require.Len(t, reps, 4)
	for _, q := range []string{"number of reps by region", "how many reps in each region", "number of sales reps per region",
		"how many salespeople does each territory have", "count of reps by region"} {
		require.Equal(t, reps, askRows(t, a, q, "region", "reps_with_orders"), q)
	}
	byChannel := rawRows(t, `SELECT CHANNEL, CAST(COUNT(DISTINCT REP_ID) AS VARCHAR) FROM ords WHERE ORDER_YEAR = 2025 GROUP BY CHANNEL ORDER BY CHANNEL`)
	require.Equal(t, byChannel, askRows(t, a, "how many reps sold on each channel in 2025", "channel", "reps_with_orders"))
	hit := rawRows(t, `, rev AS (SELECT REP_ID, REGION, SUM(NET) AS REVENUE FROM ords WHERE ORDER_YEAR = 2025 GROUP BY REP_ID, REGION)
SELECT rev.REGION, CAST(COUNT(*) AS VARCHAR) FROM rev JOIN reps USING (REP_ID) WHERE rev.REVENUE >= reps.ANNUAL_QUOTA
GROUP BY rev.REGION ORDER BY rev.REGION`)
	require.NotEmpty(t, hit)
	for _, q := range []string{"how many reps hit quota by region in 2025", "in each region, how many reps made their quota in 2025"} {
		require.Equal(t, hit, askRows(t, a, q, "region", "reps_at_quota"), q)
	}
	res := a.Resolve(nil, "how many reps hit quota by channel in 2025")
	require.True(t, res.Declined, res.Reading)
	require.Contains(t, res.Reason, `"by channel"`)
}
