//go:build cgo

package offline_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReturningCustomersOneRule: returning customers over more than one month
// follow one rule however they are asked — alone, beside the new customers,
// as a share, by a customer's own group — the customers of the period whose
// first valid order is before it, so new + returning = the period's
// customers. "New vs returning customers in 2025" gave 9,919 returning (the
// model's metric, by month) beside 9,855 asked alone before. Split by what
// differs between a customer's orders (region) the pair is declined, saying
// the rule. Expectations: SQL over RAW written by hand.
func TestReturningCustomersOneRule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	a := newAnalyst(t)
	const firsts = `, first AS (SELECT CUSTOMER_ID, MIN(ORDER_DATE) AS FIRST_DATE FROM ords GROUP BY CUSTOMER_ID)
`
	total := rawRows(t, firsts+`SELECT CAST(COUNT(DISTINCT CASE WHEN f.FIRST_DATE >= DATE '2025-01-01' THEN o.CUSTOMER_ID END) AS VARCHAR),
       CAST(COUNT(DISTINCT CASE WHEN f.FIRST_DATE < DATE '2025-01-01' THEN o.CUSTOMER_ID END) AS VARCHAR)
FROM ords o JOIN first f USING (CUSTOMER_ID) WHERE o.ORDER_YEAR = 2025`)
	for _, q := range []string{"new vs returning customers in 2025", "how many customers were new and how many were returning in 2025",
		"new and repeat customers in 2025", "returning versus new customers in 2025"} {
		require.Equal(t, total, askRows(t, a, q, "new_customers", "returning_customers"), q)
		res := a.Resolve(nil, q)
		require.Contains(t, res.Reading, "so new + returning = the period's customers", q)
	}
	_, returning, _ := strings.Cut(total[0], "|")
	for _, q := range []string{"returning customers in 2025", "how many repeat customers did we have in 2025"} {
		require.Equal(t, []string{returning}, askRows(t, a, q), q)
	}
	bySegment := rawRows(t, firsts+`SELECT o.SEGMENT, CAST(COUNT(DISTINCT CASE WHEN f.FIRST_DATE >= DATE '2025-07-01' THEN o.CUSTOMER_ID END) AS VARCHAR),
       CAST(COUNT(DISTINCT CASE WHEN f.FIRST_DATE < DATE '2025-07-01' THEN o.CUSTOMER_ID END) AS VARCHAR)
FROM ords o JOIN first f USING (CUSTOMER_ID) WHERE o.ORDER_DATE BETWEEN DATE '2025-07-01' AND DATE '2025-12-31'
GROUP BY o.SEGMENT ORDER BY o.SEGMENT`)
	require.Equal(t, bySegment, askRows(t, a, "new and returning customers by segment in H2 2025", "segment", "new_customers", "returning_customers"))
	share := rawRows(t, firsts+`SELECT CAST(ROUND(100.0 * COUNT(DISTINCT CASE WHEN f.FIRST_DATE < DATE '2025-01-01' THEN o.CUSTOMER_ID END)
       / COUNT(DISTINCT o.CUSTOMER_ID), 2) AS VARCHAR)
FROM ords o JOIN first f USING (CUSTOMER_ID) WHERE o.ORDER_YEAR = 2025`)
	ans, err := a.Ask(context.Background(), nil, "what share of customers were returning in 2025")
	require.NoError(t, err)
	require.False(t, ans.Declined, ans.Reason)
	require.Contains(t, ans.Text, share[0]+"%")
	byRegion := rawRows(t, firsts+`SELECT o.REGION, CAST(COUNT(DISTINCT o.CUSTOMER_ID) AS VARCHAR)
FROM ords o JOIN first f USING (CUSTOMER_ID) WHERE o.ORDER_YEAR = 2025 AND f.FIRST_DATE < DATE '2025-01-01'
GROUP BY o.REGION ORDER BY o.REGION`)
	require.Equal(t, byRegion, askRows(t, a, "returning customers by region in 2025", "region", "distinct_customers"))
	for _, q := range []string{"new vs returning customers by region in 2025", "returning customers 2024 vs 2025"} {
		res := a.Resolve(nil, q)
		require.True(t, res.Declined, "%s: read as %s", q, res.Reading)
		require.Contains(t, res.Reason, "had first ordered before it", q)
	}
}
