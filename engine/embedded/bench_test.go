package embedded_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Targets (run each alone; the scale-100 ones with -benchtime=1x and
// /usr/bin/time -v for peak memory):
//
//	BenchmarkLoadRawScale1         generate + load RAW, 100K orders, in memory   ≤ 0.5 s
//	BenchmarkLoadRawScale100File   generate + load RAW, 10M orders, to a file     ≤ 30 s, ≤ 2 GiB
//	BenchmarkSetupScale1           the whole warehouse, in memory                 ≤ 1 s
//	BenchmarkSetupScale100File     the whole warehouse, 10M orders, to a file     ≤ 60 s
//	BenchmarkRefreshScale10        incremental (1,000 new orders) ≤ 10% of full
//
// BenchmarkRefreshScale10 also reports cpu-ns/op, the process's CPU time per
// refresh, which a busy machine disturbs far less than wall time.

func BenchmarkLoadRawScale1(b *testing.B) { benchLoadRaw(b, 1, false) }

func BenchmarkLoadRawScale100File(b *testing.B) { benchLoadRaw(b, 100, true) }

func BenchmarkSetupScale1(b *testing.B) { benchSetup(b, 1, false) }

func BenchmarkSetupScale100File(b *testing.B) { benchSetup(b, 100, true) }

// freshEngine opens an empty engine (in a temp file if file) with the timer stopped.
func freshEngine(b *testing.B, file bool) (*embedded.Engine, func()) {
	b.StopTimer()
	defer b.StartTimer()
	path := ""
	if file {
		path = filepath.Join(b.TempDir(), "bench.duckdb")
	}
	eng, err := embedded.Open(context.Background(), embedded.Options{Path: path})
	if err != nil {
		b.Fatal(err)
	}
	return eng, func() {
		b.StopTimer()
		eng.Close()
		if path != "" {
			os.Remove(path)
		}
		b.StartTimer()
	}
}

func benchLoadRaw(b *testing.B, scale float64, file bool) {
	ctx := context.Background()
	cfg := datagen.DefaultConfig()
	cfg.Scale = scale
	for b.Loop() {
		eng, done := freshEngine(b, file)
		g, err := datagen.New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		src := pipeline.RawSources(g)
		if _, err := eng.DB().Exec(`CREATE SCHEMA IF NOT EXISTS "RAW"`); err != nil {
			b.Fatal(err)
		}
		for _, t := range warehouse.RawTables() {
			if err := eng.Load(ctx, t, warehouse.Names{}, src[t.Name], nil); err != nil {
				b.Fatal(err)
			}
		}
		done()
	}
	b.ReportMetric(scale*100_000*float64(b.N)/b.Elapsed().Seconds(), "orders/s")
}

func benchSetup(b *testing.B, scale float64, file bool) {
	ctx := context.Background()
	o := pipelinetest.Default()
	o.Data.Scale = scale
	for b.Loop() {
		eng, done := freshEngine(b, file)
		if _, err := pipelinetest.Setup(ctx, eng, o); err != nil {
			b.Fatal(err)
		}
		done()
	}
}

// BenchmarkRefreshScale10 measures, in one run, a full rebuild of the marts and an
// incremental refresh after 1,000 new orders, on the same scale-10 warehouse.
func BenchmarkRefreshScale10(b *testing.B) {
	ctx := context.Background()
	eng, err := embedded.Open(ctx, embedded.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	o := pipelinetest.Default()
	o.Data.Scale = 10
	if _, err := pipelinetest.Setup(ctx, eng, o); err != nil {
		b.Fatal(err)
	}
	g, err := datagen.New(o.Data)
	if err != nil {
		b.Fatal(err)
	}
	n := warehouse.Names{}
	var cpu time.Duration // spent in refresh, the timed part
	refresh := func(b *testing.B, want pipeline.RefreshKind) {
		start := processCPU()
		res, err := pipelinetest.Refresh(ctx, eng, n, nil)
		cpu += processCPU() - start
		if err != nil {
			b.Fatal(err)
		}
		if res.Kind != want {
			b.Fatalf("refresh was %s (%s), want %s", res.Kind, res.Reason, want)
		}
	}
	reportCPU := func(b *testing.B) { b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op") }
	b.Run("full", func(b *testing.B) {
		cpu = 0
		for b.Loop() {
			b.StopTimer()
			if _, err := eng.DB().Exec(`DELETE FROM "MARTS"."REFRESH_STATE"`); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			refresh(b, pipeline.RefreshFull)
		}
		reportCPU(b)
	})
	next := int64(100_000_000)
	loaded := time.Now().UTC()
	b.Run("incremental_1000_orders", func(b *testing.B) {
		cpu = 0
		for b.Loop() {
			b.StopTimer()
			loaded = loaded.Add(time.Second)
			orders := g.Arrivals(next, 1000, datagen.DefaultEnd().AddDate(0, 0, -6), datagen.DefaultEnd(), loaded)
			next += 1000
			if err := pipelinetest.AppendOrders(ctx, eng, n, orders); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			refresh(b, pipeline.RefreshIncremental)
		}
		reportCPU(b)
	})
}
