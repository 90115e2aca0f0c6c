package query

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestKeepsRangeGroups: only a Having that 0 fails on a sum or count of the
// range lets a comparison start from the range's groups.
func TestKeepsRangeGroups(t *testing.T) {
	zeroed := map[string]bool{"orders": true, "revenue": true}
	for _, tc := range []struct {
		name string
		h    Filter
		want bool
	}{
		{"orders > 0", Gt("orders", 0), true},
		{"orders > 0 as text", Gt("orders", "0"), true},
		{"revenue >= 0.01", Ge("revenue", decimal.RequireFromString("0.01")), true},
		{"a conjunct", And(Eq("region", "North"), Gt("orders", int64(2))), true},
		{"orders >= 0 keeps zero", Ge("orders", 0), false},
		{"orders > -1 keeps zero", Gt("orders", -1), false},
		{"revenue < 0", Lt("revenue", 0), false},
		{"a disjunct", Or(Gt("orders", 0), Eq("region", "North")), false},
		{"not zeroed (a ratio)", Gt("aov", 0), false},
		{"the base", Gt("revenue_base", 0), false},
		{"NaN", Gt("orders", math.NaN()), false},
		{"not a number", Gt("orders", "x"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, keepsRangeGroups(tc.h, zeroed))
		})
	}
}
