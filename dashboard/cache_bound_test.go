package dashboard_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// TestCacheIsBoundedByEntries: distinct filters (customer ids are not checked
// against the data) no longer grow the cache without end: past CacheEntries
// results the least recently used is dropped and computed again, while a
// result in use stays.
func TestCacheIsBoundedByEntries(t *testing.T) {
	t.Parallel()
	d := newDash(t, shared(t).DB(), dashboard.Options{Cache: true, CacheEntries: 4})
	ctx := context.Background()
	view := func(customer int64) bool {
		v, err := d.Reps(ctx, dashboard.Filter{Customers: []int64{customer}}, dashboard.RepsOptions{})
		require.NoError(t, err)
		return v.Cached
	}
	require.False(t, view(1))
	require.True(t, view(1))
	for c := int64(1_000_000); c < 1_000_010; c++ {
		require.False(t, view(c))
		require.True(t, view(1), "the result in use is the most recent, never the one evicted")
	}
	require.False(t, view(1_000_000), "the oldest distinct filter was evicted")
}
