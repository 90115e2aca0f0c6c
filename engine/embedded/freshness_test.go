package embedded_test

import (
	"context"
	"sync"
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
// wallClockWarehouse is a small warehouse whose LOADED_AT follows the wall
// clock the freshness measures with, and a generator of its arrivals.
func wallClockWarehouse(tb testing.TB) (*embedded.Engine, *pipeline.Warehouse, *datagen.Generator) {
	tb.Helper()
	eng := openMem(tb)
	o := options(0.02, 0)
	o.Now = nil
	mustSetup(tb, eng, o)
	w, err := pipelinetest.Bind(eng, pipelinetest.Opts{Names: o.Names})
	require.NoError(tb, err)
	g, err := datagen.New(o.Data)
	require.NoError(tb, err)
	return eng, w, g
}

func TestRefreshCountsWhatItFolds(t *testing.T) {
	_, w, g := wallClockWarehouse(t)
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

// TestAppendPassesARefreshWaitingForThePool: a refresh that waits for a pooled
// connection holds no gate, so an append made meanwhile goes on to the pool
// instead of stalling behind the refresh; once the pool frees, both finish and
// the appended orders are folded in. The test holds the only connection of a
// pool of one and reads the pool's count of waiters: the append has reached
// the pool when a second caller waits there.
func TestAppendPassesARefreshWaitingForThePool(t *testing.T) {
	ctx := context.Background()
	eng, w, g := wallClockWarehouse(t)
	_, err := w.Refresh(ctx)
	require.NoError(t, err)

	db := eng.DB()
	db.SetMaxOpenConns(1)
	held, err := db.Conn(ctx)
	require.NoError(t, err)
	release := sync.OnceFunc(func() { _ = held.Close() })
	t.Cleanup(release) // lets the goroutines end when the test fails
	waiters := func(n int64) func() bool {
		return func() bool { return db.Stats().WaitCount == n }
	}
	start := db.Stats().WaitCount

	refreshed := make(chan error, 1)
	go func() { _, err := w.Refresh(ctx); refreshed <- err }()
	require.Eventually(t, waiters(start+1), time.Minute, time.Millisecond, "the refresh never waited for the pool")

	orders := g.Arrivals(70_000_000, 20, datagen.DefaultEnd().AddDate(0, 0, -3), datagen.DefaultEnd(), time.Now().UTC())
	appended := make(chan error, 1)
	go func() { appended <- w.AppendOrders(ctx, orders) }()
	require.Eventually(t, waiters(start+2), time.Minute, time.Millisecond,
		"the append never reached the pool: it waits behind the refresh's gate")

	release()
	require.NoError(t, <-refreshed)
	require.NoError(t, <-appended)
	res, err := w.Refresh(ctx)
	require.NoError(t, err)
	require.True(t, w.Freshness().WaitingSince.IsZero(), "the append was folded in (last refresh: %s)", res.Reason)
	var n int64
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM "MARTS"."FCT_ORDERS" WHERE ORDER_ID >= 70000000`).Scan(&n))
	require.Positive(t, n, "FCT_ORDERS holds the appended orders")
}
