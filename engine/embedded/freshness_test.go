package embedded_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
)

// freshRig is a warehouse with a Refresher running on default settings.
type freshRig struct {
	w     *pipeline.Warehouse
	gen   *datagen.Generator
	next  int64
	done  chan pipeline.RefreshResult
	errs  chan error
	count func() int64
}

func startRefresher(tb testing.TB, eng *embedded.Engine, o pipelinetest.Opts, interval time.Duration) *freshRig {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w, err := pipelinetest.Bind(eng, pipelinetest.Opts{Names: o.Names})
	require.NoError(tb, err)
	g, err := datagen.New(o.Data)
	require.NoError(tb, err)
	r := &freshRig{w: w, gen: g, next: 50_000_000, done: make(chan pipeline.RefreshResult, 16), errs: make(chan error, 16)}
	ref := &pipeline.Refresher{Warehouse: w, Interval: interval, OnRefresh: func(res pipeline.RefreshResult, err error) {
		if err != nil {
			r.errs <- err
			return
		}
		r.done <- res
	}}
	stopped := make(chan struct{})
	go func() { defer close(stopped); _ = ref.Run(ctx) }()
	tb.Cleanup(func() { cancel(); <-stopped })
	return r
}

// appendAndWait appends n orders and waits for the refresh that folds them in.
func (r *freshRig) appendAndWait(tb testing.TB, n int) pipeline.RefreshResult {
	tb.Helper()
	orders := r.gen.Arrivals(r.next, n, datagen.DefaultEnd().AddDate(0, 0, -6), datagen.DefaultEnd(), time.Now().UTC())
	r.next += int64(n)
	require.NoError(tb, r.w.AppendOrders(context.Background(), orders))
	for {
		select {
		case res := <-r.done:
			if res.Lag > 0 {
				return res
			}
		case err := <-r.errs:
			require.NoError(tb, err)
		case <-time.After(2 * time.Minute):
			tb.Fatal("no refresh folded the orders in: the append did not wake the Refresher")
		}
	}
}

func TestRefresherWakesOnAppend(t *testing.T) {
	eng := openMem(t)
	o := options(0.05, 0)
	o.Now = nil // LOADED_AT must follow the wall clock the Refresher measures with
	mustSetup(t, eng, o)
	// An hour between polls: only the append's wake-up can explain a refresh.
	r := startRefresher(t, eng, o, time.Hour)
	var before int64
	require.NoError(t, eng.DB().QueryRow(`SELECT SUM(ORDERS) FROM "MARTS"."DAILY_SALES"`).Scan(&before))

	res := r.appendAndWait(t, 1000)
	require.Equal(t, pipeline.RefreshIncremental, res.Kind, res.Reason)
	require.Positive(t, res.NewOrders)

	var after int64
	require.NoError(t, eng.DB().QueryRow(`SELECT SUM(ORDERS) FROM "MARTS"."DAILY_SALES"`).Scan(&after))
	require.Equal(t, before+res.NewOrders, after, "DAILY_SALES holds the appended orders")

	fr := r.w.Freshness()
	require.Equal(t, res.Lag, fr.LastLag)
	require.True(t, fr.WaitingSince.IsZero(), "nothing waits after the refresh")
	st, err := r.w.Status(context.Background())
	require.NoError(t, err)
	for _, m := range st {
		require.Zero(t, m.Pending, m.Name)
		require.Equal(t, res.Lag, m.FoldLag, m.Name)
	}
}

// TestRefreshCountsWhatItFolds races appends against refreshes: whenever a
// refresh folds in orders appended through this Warehouse it measures their
// lag, and no append stays waiting once a refresh after it has run. (Without
// the gate between appends and a refresh's start, an append that committed
// between the refresh's count and its snapshot was folded in with no lag and
// left "waiting" for good.)
func TestRefreshCountsWhatItFolds(t *testing.T) {
	eng := openMem(t)
	o := options(0.02, 0)
	o.Now = nil
	mustSetup(t, eng, o)
	w, err := pipelinetest.Bind(eng, pipelinetest.Opts{Names: o.Names})
	require.NoError(t, err)
	g, err := datagen.New(o.Data)
	require.NoError(t, err)
	ctx := context.Background()
	next := int64(60_000_000)
	for round := range 40 {
		orders := g.Arrivals(next, 5, datagen.DefaultEnd().AddDate(0, 0, -3), datagen.DefaultEnd(), time.Now().UTC())
		next += 5
		appended := make(chan error, 1)
		go func() { appended <- w.AppendOrders(ctx, orders) }()
		res, err := w.Refresh(ctx)
		require.NoError(t, err)
		require.NoError(t, <-appended)
		if res.NewOrders > 0 {
			require.Positive(t, res.Lag, "round %d: a refresh folded in %d orders with no lag", round, res.NewOrders)
		}
		_, err = w.Refresh(ctx)
		require.NoError(t, err)
		require.True(t, w.Freshness().WaitingSince.IsZero(), "round %d: nothing waits after a refresh following the append", round)
	}
}
