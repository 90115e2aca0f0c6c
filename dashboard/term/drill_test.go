package term

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// Counts agree with their nouns: "1 first order", "2 first orders".
func TestPlural(t *testing.T) {
	t.Parallel()
	require.Equal(t, "1 first order", plural(1, "first order", "first orders"))
	require.Equal(t, "0 orders", orders(0))
	require.Equal(t, "1 order", orders(1))
	require.Equal(t, "1,250 orders", orders(1250))
}

// A month's change on the one before: blank for the first month, "—" from
// nothing to nothing, "new" from nothing, else the signed percentage.
func TestMonthChange(t *testing.T) {
	t.Parallel()
	p := &Page{ui: termui.Options{}}
	d := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	require.Empty(t, p.monthChange(dashboard.Change{}))
	require.Equal(t, "—", p.monthChange(dashboard.Change{Base: d("0"), Delta: d("0")}))
	require.Equal(t, "new", p.monthChange(dashboard.Change{Base: d("0"), Delta: d("12.50")}))
	require.Equal(t, "-100.0%", p.monthChange(dashboard.Change{Base: d("12.50"), Delta: d("-12.50"), Pct: d("-1")}))
}
