package offline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

// TestThresholdOnAGroupsTotal: an amount compared with a group's metric
// ("states with revenue over $20M", "categories with more than 10,000
// orders") keeps the groups by their own total, never the orders by their
// amount; "orders over $5,000" stays each order's amount. Each of the first
// was read as an order-amount filter ("no orders match") or declined as a top
// 10000 before.
func TestThresholdOnAGroupsTotal(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for q, want := range map[string]struct {
		dim, field, value string
		op                query.Op
		counted           bool
	}{
		"which states had revenue over $20 million":      {"state", "total_revenue", "20000000", query.OpGt, false},
		"regions with revenue of more than $5 million":   {"region", "total_revenue", "5000000", query.OpGt, false},
		"which reps had sales above $1m in 2025":         {"rep_name", "total_revenue", "1000000", query.OpGt, false},
		"which categories had more than 10,000 orders":   {"category", "order_count", "10000", query.OpGt, false},
		"customers with over 3 orders in 2025":           {"customer_name", "order_count", "3", query.OpGt, false},
		"how many states had revenue over $1m in 2025":   {"state", "total_revenue", "1000000", query.OpGt, true},
		"how many categories had at least 10,000 orders": {"category", "order_count", "10000", query.OpGe, true},
	} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Equal(t, []string{want.dim}, res.Request.Dimensions, q)
		require.Nil(t, res.Request.Where, "%q: no condition on an order (%s)", q, res.Reading)
		require.NotNil(t, res.Keep, q)
		require.Equal(t, query.Cmp{Field: want.field, Op: want.op, Values: []any{want.value}}, *res.Keep, q)
		require.Equal(t, want.counted, res.CountAs != "", q)
		require.Contains(t, res.Reading, "whose", q)
	}
	for _, q := range []string{"orders over $5,000", "states with orders over $5,000", "2025 orders with an order value greater than $5000"} {
		res := r.Resolve(nil, q)
		require.False(t, res.Declined, "%q: %s", q, res.Reason)
		require.Nil(t, res.Keep, q)
		require.Contains(t, res.Reading, "orders", q)
		require.NotNil(t, res.Request.Where, q)
	}
	// a count of the groups themselves is no total of theirs
	require.True(t, r.Resolve(nil, "more than 5 customers").Declined)
}
