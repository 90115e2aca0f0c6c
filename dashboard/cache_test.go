package dashboard_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/marts"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// appendAndRefresh adds n new December orders, loaded at loaded, and refreshes.
func appendAndRefresh(tb testing.TB, eng *embedded.Engine, firstID int64, n int, loaded time.Time) {
	tb.Helper()
	require.NoError(tb, tryAppendAndRefresh(eng, firstID, n, loaded))
}

func tryAppendAndRefresh(eng *embedded.Engine, firstID int64, n int, loaded time.Time) error {
	g, err := datagen.New(datagen.DefaultConfig())
	if err != nil {
		return err
	}
	orders := g.Arrivals(firstID, n, date("2025-12-01"), date("2025-12-31"), loaded)
	ctx := context.Background()
	w, err := pipeline.New(eng, pipeline.Config{Now: func() time.Time { return loaded }})
	if err != nil {
		return err
	}
	if err := w.AppendOrders(ctx, orders); err != nil {
		return err
	}
	_, err = w.Refresh(ctx)
	return err
}

func TestCacheHitsUntilRefreshOrTTL(t *testing.T) {
	t.Parallel()
	eng := build(t, 0.1)
	defer eng.Close()
	var now atomic.Int64
	now.Store(asOf.UnixNano())
	clk := func() time.Time { return time.Unix(0, now.Load()).UTC() }
	d := newDash(t, eng.DB(), dashboard.Options{Cache: true, Now: clk})
	ctx := context.Background()
	f := dashboard.Filter{From: date("2025-12-01"), To: date("2025-12-31")}

	a, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	require.False(t, a.Cached)
	b, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	require.True(t, b.Cached)
	require.Equal(t, a.Tables(), b.Tables())
	// the same filter spelt differently shares the entry
	c, err := d.Executive(ctx, dashboard.Filter{From: f.From, To: f.To, Regions: nil}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	require.True(t, c.Cached)
	// other options do not
	y, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{Compare: dashboard.CompareYear})
	require.NoError(t, err)
	require.False(t, y.Cached)

	// a refresh changes the data version: the next request recomputes, without a timer
	appendAndRefresh(t, eng, 900_000_000, 50, date("2026-02-01"))
	r, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	require.False(t, r.Cached)
	require.NotEqual(t, a.Version, r.Version)
	require.True(t, r.Totals.Revenue.GreaterThan(a.Totals.Revenue), "the new December orders are counted")
	require.Equal(t, date("2026-02-01"), r.AsOf)

	// past the TTL the entry is recomputed too
	now.Add(int64(dashboard.DefaultTTL))
	s, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	require.False(t, s.Cached)
	s2, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	require.True(t, s2.Cached)
}

// gate is a Source whose DataVersion holds every caller until n have arrived, so
// n identical requests reach the cache at the same moment.
type gate struct {
	dashboard.Source
	n  int
	mu sync.Mutex
	in int
	ch chan struct{}
}

func (g *gate) DataVersion(ctx context.Context) (marts.Version, error) {
	g.mu.Lock()
	g.in++
	if g.in == g.n {
		close(g.ch)
	}
	g.mu.Unlock()
	<-g.ch
	return g.Source.DataVersion(ctx)
}

type engSource struct{ *embedded.Engine }

func (s engSource) DataVersion(ctx context.Context) (marts.Version, error) {
	return marts.New(s.DB(), dialect.DuckDB, warehouse.Names{}).DataVersion(ctx)
}

func TestConcurrentIdenticalRequestsComputeOnce(t *testing.T) {
	t.Parallel()
	const n = 16
	g := &gate{Source: engSource{shared(t)}, n: n, ch: make(chan struct{})}
	d, err := dashboard.NewFromSource(g, dashboard.Options{Cache: true, Now: clock})
	require.NoError(t, err)
	var wg sync.WaitGroup
	var computed atomic.Int32
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := d.Reps(context.Background(), dashboard.Filter{}, dashboard.RepsOptions{})
			if !v.Cached {
				computed.Add(1)
			}
			require.NoError(t, err)
			require.Len(t, v.Leaderboard, 50)
		}()
	}
	wg.Wait()
	require.Equal(t, int32(1), computed.Load(), "one request computed, the others shared its result")
}
