package web_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
)

// TestPagesFollowARunningRefresher: a program that holds an embedded warehouse
// open for writing, appends orders and runs the default Refresher serves pages
// that show the new orders without a restart, and their "data as of" moves. It
// uses only the public API, as such a program would, and the cached dashboard,
// so the test also proves the cache follows the data's version.
func TestPagesFollowARunningRefresher(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	eng, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(t, err)
	defer eng.Close()
	wh, err := pipeline.New(eng, pipeline.Config{})
	require.NoError(t, err)
	o := pipeline.DefaultOptions()
	o.Data.Scale = 0.02
	_, err = wh.Setup(ctx, o)
	require.NoError(t, err)

	refreshed := make(chan error, 16)
	ref := &pipeline.Refresher{Warehouse: wh, OnRefresh: func(_ pipeline.RefreshResult, err error) { refreshed <- err }}
	stopped := make(chan struct{})
	go func() { defer close(stopped); _ = ref.Run(ctx) }()
	defer func() { cancel(); <-stopped }()

	d, err := dashboard.New(eng.DB(), eng.Dialect(), dashboard.Options{Cache: true})
	require.NoError(t, err)
	h, err := web.New(web.ForDashboard(d, web.Options{}))
	require.NoError(t, err)
	s := &site{h: h, d: d, eng: eng}

	// The last week of the data, where the new orders land.
	end := datagen.DefaultEnd()
	f := dashboard.Filter{From: end.AddDate(0, 0, -6), To: end}
	before, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	res, _ := s.get(t, "/executive?"+f.String())
	require.Equal(t, http.StatusOK, res.StatusCode)

	g, err := datagen.New(o.Data)
	require.NoError(t, err)
	const n = 500
	orders := g.Arrivals(90_000_000, n, f.From, f.To, time.Now().UTC())
	require.NoError(t, wh.AppendOrders(ctx, orders))

	deadline := time.After(time.Minute) // the default Refresher wakes on the append, well within
	for {
		select {
		case err := <-refreshed:
			require.NoError(t, err)
		case <-deadline:
			t.Fatal("the pages never showed the appended orders")
		}
		after, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
		require.NoError(t, err)
		if after.Totals.Orders == before.Totals.Orders {
			continue
		}
		require.Equal(t, before.Totals.Orders+n, after.Totals.Orders, "every appended order, once")
		require.True(t, after.AsOf.After(before.AsOf), "data as of moved: %v → %v", before.AsOf, after.AsOf)
		require.NotEqual(t, before.Version, after.Version)
		res, body := s.get(t, "/executive?"+f.String())
		if loc := res.Header.Get("Location"); res.StatusCode == http.StatusFound && loc != "" {
			res, body = s.get(t, loc) // the page's canonical address for this filter
		}
		require.Equal(t, http.StatusOK, res.StatusCode)
		require.Contains(t, body, after.AsOf.UTC().Format("2 Jan 2006 15:04 MST"), "the page says the new as-of")
		return
	}
}
