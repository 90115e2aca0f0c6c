//go:build cgo

package offline_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestShareOfCustomersNew: "what share of customers were new" is new
// customers ÷ customers who ordered, per group, checked against hand-written
// SQL over RAW (eval3's cleaning clause: valid orders only; a customer is new
// in the period of its first valid order ever). Every wording of the family
// gets it; "each region's share of new customers" is another question.
func TestShareOfCustomersNew(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	clean, err := os.ReadFile(filepath.Join(eval3Dir, "clean.sql"))
	require.NoError(t, err)
	a := newAnalyst(t)
	db := warehouse(t).DB()
	var newCount, all int64
	require.NoError(t, db.QueryRowContext(context.Background(), string(clean)+`,
first AS (SELECT CUSTOMER_ID, MIN(ORDER_DATE) AS FIRST_DATE FROM ords GROUP BY CUSTOMER_ID)
SELECT COUNT(DISTINCT CASE WHEN YEAR(f.FIRST_DATE) = 2025 THEN o.CUSTOMER_ID END), COUNT(DISTINCT o.CUSTOMER_ID)
FROM ords o JOIN first f ON f.CUSTOMER_ID = o.CUSTOMER_ID WHERE o.ORDER_YEAR = 2025`).Scan(&newCount, &all))
	require.Positive(t, newCount)
	want := decimal.NewFromInt(newCount).DivRound(decimal.NewFromInt(all), 4)
	for _, q := range []string{"what share of customers were new in 2025", "what percentage of our 2025 customers were new",
		"new customers as a share of all customers in 2025", "what fraction of customers in 2025 were first-time buyers",
		"proportion of new customers in 2025"} {
		ans, err := a.Ask(context.Background(), nil, q)
		require.NoError(t, err, q)
		require.False(t, ans.Declined, "%s: %s", q, ans.Reason)
		require.Len(t, ans.Result.Rows, 1, q)
		row := ans.Result.Rows[0]
		got := row[len(row)-1].(decimal.Decimal)
		require.True(t, got.Round(4).Equal(want), "%s: %s, want %s", q, got, want)
		require.Contains(t, ans.Text, want.Mul(decimal.NewFromInt(100)).StringFixed(2)+"%", q)
	}
	ans, err := a.Ask(context.Background(), nil, "each region's share of new customers in 2025")
	require.NoError(t, err)
	require.NotContains(t, ans.Text, "as a share of distinct customers")
}
