package offline

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzResolve feeds any text to the resolver: it must not panic, and whatever it
// resolves must be a request the grammar could build (metrics named, limits
// bounded) or a decline with a reason.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"What was total revenue last month?", "top 5 products by revenue in Q3 2024", "2024 vs 2025 by region",
		"between 2025-02-30 and 2025-03-01", "top 0 products", "top -5 products", "Q5 2024 revenue", "since", "by",
		"and", "last", "vs 2024", "revenue between 2024", "'; DROP TABLE x; --", "revenue\x00", "top 99999999999 products",
		"revenue on February 31 2025", "orders for Nancy Clark and Paul Lee", strings.Repeat("and ", 100),
	} {
		f.Add(s, "revenue by region")
	}
	r := testResolver(f)
	f.Fuzz(func(t *testing.T, q, before string) {
		prev := r.Resolve(nil, before).State()
		res := r.Resolve(prev, q)
		if res.Declined {
			require.NotEmpty(t, res.Reason)
			return
		}
		require.NotEmpty(t, res.Request.Metrics, q)
		require.LessOrEqual(t, len(res.Request.Dimensions), MaxGroups+1, q)
		require.GreaterOrEqual(t, res.Request.Limit, 0, q)
		require.LessOrEqual(t, res.Request.Limit, DefaultMaxRows+1, q)
	})
}
