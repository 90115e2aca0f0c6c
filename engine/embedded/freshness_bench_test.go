package embedded_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// BenchmarkAppendOrders1000 appends 1,000 orders to RAW at scale 1: through
// DuckDB's Appender (what AppendOrders does on the embedded engine) and through
// the bound INSERT batches it used before.
func BenchmarkAppendOrders1000(b *testing.B) {
	ctx := context.Background()
	eng := openMem(b)
	o := options(1, 0)
	mustSetup(b, eng, o)
	g, err := datagen.New(o.Data)
	if err != nil {
		b.Fatal(err)
	}
	next := int64(200_000_000)
	batch := func() []datagen.Order {
		orders := g.Arrivals(next, 1000, datagen.DefaultEnd().AddDate(0, 0, -6), datagen.DefaultEnd(), time.Now().UTC())
		next += 1000
		return orders
	}
	b.Run("appender", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			orders := batch()
			b.StartTimer()
			if err := pipelinetest.AppendOrders(ctx, eng, warehouse.Names{}, orders); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("inserts", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			orders := batch()
			b.StartTimer()
			if err := insertOrders(ctx, eng, orders); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkFreshnessScale1(b *testing.B)  { benchFreshness(b, 1) }
func BenchmarkFreshnessScale10(b *testing.B) { benchFreshness(b, 10) }

// benchFreshness measures, on a warehouse file with a Refresher on default
// settings, the time from the commit of 1,000 appended orders to the commit of
// the refresh that folds them into every mart. It reports the median and the
// maximum lag over the iterations (run with -benchtime 10x or more).
func benchFreshness(b *testing.B, scale float64) {
	path := tempDB(b)
	o := options(scale, 0)
	o.Now = nil
	eng := openFile(b, path)
	mustSetup(b, eng, o)
	if err := eng.Close(); err != nil {
		b.Fatal(err)
	}
	eng, err := embedded.Open(context.Background(), embedded.Options{Path: path})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { eng.Close() })
	r := startRefresher(b, eng, o, 0)
	var lags []time.Duration
	for b.Loop() {
		lags = append(lags, r.appendAndWait(b, 1000).Lag)
	}
	slices.Sort(lags)
	b.ReportMetric(float64(lags[len(lags)/2].Microseconds())/1000, "median-lag-ms")
	b.ReportMetric(float64(lags[len(lags)-1].Microseconds())/1000, "max-lag-ms")
}
