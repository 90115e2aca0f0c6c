package dashboard_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// TestDefaultRangeFollowsTheAsOfDate: small demo data (scale 0.02) has no
// order on 31 December 2025, yet it is read as of 2026-01-01, so 2025 is
// whole and the views open on it with growth against 2024, as at scale 1.
// The last order day is read from RAW by hand.
func TestDefaultRangeFollowsTheAsOfDate(t *testing.T) {
	t.Parallel()
	for _, scale := range []float64{0.02, 1} {
		eng := shared(t)
		if scale != 1 {
			eng = build(t, scale)
			t.Cleanup(func() { eng.Close() })
		}
		var last time.Time
		require.NoError(t, eng.DB().QueryRow(`SELECT MAX(CAST(ORDER_DATE AS DATE)) FROM RAW.ORDERS`).Scan(&last))
		if scale == 0.02 {
			require.True(t, last.Before(date("2025-12-31")), "the premise: no order on 31 December (last %s)", last)
		}
		d := newDash(t, eng.DB(), dashboard.Options{})
		cat, err := d.Catalog(context.Background())
		require.NoError(t, err)
		require.Equal(t, date("2026-01-01"), cat.DataAsOf, "scale %v", scale)
		require.Equal(t, date("2025-12-31"), cat.End(), "scale %v", scale)

		var ff dashboard.FilterFlags
		f, err := ff.Resolve(context.Background(), d, asOf)
		require.NoError(t, err)
		require.Equal(t, date("2025-01-01"), f.From, "scale %v", scale)
		require.Equal(t, date("2025-12-31"), f.To, "scale %v", scale)
		v, err := d.Executive(context.Background(), f, dashboard.ExecutiveOptions{})
		require.NoError(t, err)
		for _, k := range v.KPIs {
			require.True(t, k.Change.Comparable(), "scale %v: %s has a comparison", scale, k.Name)
		}
	}
}
