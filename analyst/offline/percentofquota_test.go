//go:build cgo

package offline_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPercentOfQuotaThresholds: "reps below 80% of quota" keeps the reps by
// their attainment against the percent said (read as the top 80 reps by
// attainment before), counted when asked ("how many reps reached at least
// 90% of their quota": declined on "90" before). Expectations: SQL over RAW
// written by hand (a year's attainment is revenue ÷ the annual quota).
func TestPercentOfQuotaThresholds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	a := newAnalyst(t)
	const revenue = `, rev AS (SELECT REP_ID, REP_NAME, SUM(NET) AS REVENUE FROM ords WHERE ORDER_YEAR = 2025 GROUP BY REP_ID, REP_NAME)
`
	below := rawRows(t, revenue+`SELECT rev.REP_NAME FROM rev JOIN reps USING (REP_ID) WHERE rev.REVENUE < 0.8 * reps.ANNUAL_QUOTA ORDER BY rev.REP_NAME`)
	require.NotEmpty(t, below)
	for _, q := range []string{"which reps were below 80% of quota in 2025", "reps under 80 percent of their annual quota in 2025",
		"which reps came in under 80% of quota in 2025"} {
		require.Equal(t, below, askRows(t, a, q, "rep_name"), q)
	}
	atLeast := rawRows(t, revenue+`SELECT CAST(COUNT(*) AS VARCHAR) FROM rev JOIN reps USING (REP_ID) WHERE rev.REVENUE >= 0.9 * reps.ANNUAL_QUOTA`)
	for _, q := range []string{"how many reps reached at least 90% of their quota in 2025", "how many reps were at or above 90 percent of quota in 2025"} {
		require.Equal(t, atLeast, askRows(t, a, q), q)
	}
}
