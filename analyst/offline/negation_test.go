//go:build cgo

package offline_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPeriodsLeftOut: a period left out of another ("2025 excluding
// December") is that period's other days, on the warehouse: the same figure
// as the days asked for directly, which compile to a date range instead of
// a condition that leaves some out.
func TestPeriodsLeftOut(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the scale-1 warehouse")
	}
	a := newAnalyst(t)
	for direct, left := range map[string][]string{
		"revenue from January to November 2025": {"revenue in 2025 excluding December", "2025 revenue apart from December",
			"revenue for 2025 other than in December"},
		"orders from May 2025 to December 2025": {"orders in 2025 apart from Q1 and April", "2025 orders except the first quarter and April"},
	} {
		want, err := a.Ask(context.Background(), nil, direct)
		require.NoError(t, err)
		require.False(t, want.Declined, want.Reason)
		for _, q := range left {
			got, err := a.Ask(context.Background(), nil, q)
			require.NoError(t, err, q)
			require.False(t, got.Declined, "%s: %s", q, got.Reason)
			require.Equal(t, want.Result.Rows, got.Result.Rows, q)
			require.Contains(t, got.Text, "excluding", q)
		}
	}
}
