package dashboard_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

func sumShares(s []dashboard.Share) decimal.Decimal {
	t := decimal.Zero
	for _, x := range s {
		t = t.Add(x.Revenue)
	}
	return t
}

// consistent checks that one result's tables agree with each other: they were
// read from one snapshot, so new orders cannot land between two of them.
func consistent(v any) error {
	eq := func(what string, a, b decimal.Decimal) error {
		if !a.Equal(b) {
			return fmt.Errorf("torn result: %s %s ≠ %s", what, a, b)
		}
		return nil
	}
	switch v := v.(type) {
	case dashboard.Executive:
		trend := decimal.Zero
		for _, m := range v.Trend {
			trend = trend.Add(m.Revenue)
		}
		if err := eq("executive regions vs totals", sumShares(v.Regions), v.Totals.Revenue); err != nil {
			return err
		}
		return eq("executive trend vs totals", trend, v.Totals.Revenue)
	case dashboard.Regional:
		a, b := decimal.Zero, decimal.Zero
		for _, r := range v.Regions {
			a = a.Add(r.Revenue)
		}
		for _, r := range v.Trend {
			b = b.Add(r.Month.Revenue)
		}
		return eq("regions vs region trend", a, b)
	case dashboard.Product:
		a := decimal.Zero
		for _, c := range v.Categories {
			a = a.Add(c.Revenue)
		}
		// The bottom list has no Other row, so its rows do not sum to the
		// whole: the top list (which has one) stands for both.
		return eq("categories vs top", a, sumShares(v.Top))
	case dashboard.Customers:
		a, b, c := decimal.Zero, decimal.Zero, decimal.Zero
		for _, s := range v.Segments {
			a = a.Add(s.Revenue)
		}
		for _, s := range v.Industries {
			b = b.Add(s.Revenue)
		}
		for _, s := range v.Top {
			c = c.Add(s.Revenue)
		}
		if err := eq("segments vs industries", a, b); err != nil {
			return err
		}
		return eq("segments vs top customers", a, c)
	case dashboard.Reps:
		return nil
	}
	return fmt.Errorf("unknown view %T", v)
}

// TestConcurrentViewsDuringRefresh: 64 goroutines ask for every view, cached and
// uncached, while new orders arrive and the marts refresh; no request fails and
// no result mixes data from before and after a refresh.
func TestConcurrentViewsDuringRefresh(t *testing.T) {
	t.Parallel()
	eng := build(t, 0.2)
	defer eng.Close()
	cached := newDash(t, eng.DB(), dashboard.Options{Cache: true})
	plain := newDash(t, eng.DB(), dashboard.Options{})
	ctx := context.Background()
	filters := []dashboard.Filter{{}, {From: date("2025-12-01"), To: date("2025-12-31")}, {Regions: []string{"North"}, From: date("2025-06-01")}}

	done := make(chan struct{})
	var refreshErr error
	go func() {
		defer close(done)
		loaded := date("2026-02-01")
		for i := range 6 {
			loaded = loaded.Add(time.Minute)
			if refreshErr = tryAppendAndRefresh(eng, 800_000_000+int64(i)*1000, 200, loaded); refreshErr != nil {
				return
			}
		}
	}()

	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := plain
			if g%2 == 0 {
				d = cached
			}
			for i := range 3 {
				f := filters[(g+i)%len(filters)]
				var v any
				var err error
				switch (g + i) % 5 {
				case 0:
					v, err = d.Executive(ctx, f, dashboard.ExecutiveOptions{})
				case 1:
					v, err = d.Regional(ctx, f, dashboard.RegionalOptions{})
				case 2:
					v, err = d.Product(ctx, f, dashboard.ProductOptions{})
				case 3:
					v, err = d.Reps(ctx, f, dashboard.RepsOptions{})
				default:
					v, err = d.Customers(ctx, f, dashboard.CustomersOptions{})
				}
				if err == nil {
					err = consistent(v)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	<-done
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	require.NoError(t, refreshErr)
}
