package embedded_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/embedded"
)

// BenchmarkSetupRawScale1 generates and loads the RAW layer at scale 1 (100,000
// orders) into a fresh in-memory database. Target: ≤ 0.5 s per op.
func BenchmarkSetupRawScale1(b *testing.B) {
	benchSetup(b, 1, "")
}

// BenchmarkSetupRawScale100File generates and loads 10,000,000 orders into a fresh
// database file. Target: ≤ 30 s per op with ≤ 2 GiB peak memory; run it alone with
// -benchtime=1x and read peak RSS from /usr/bin/time -v.
func BenchmarkSetupRawScale100File(b *testing.B) {
	if testing.Short() {
		b.Skip("scale 100 takes tens of seconds")
	}
	benchSetup(b, 100, "file")
}

func benchSetup(b *testing.B, scale float64, where string) {
	ctx := context.Background()
	o := pipeline.DefaultOptions()
	o.Data.Scale = scale
	for b.Loop() {
		b.StopTimer()
		path := ""
		if where == "file" {
			path = filepath.Join(b.TempDir(), "bench.duckdb")
		}
		eng, err := embedded.Open(ctx, embedded.Options{Path: path})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := pipeline.Setup(ctx, eng, o); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		eng.Close()
		if path != "" {
			os.Remove(path)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(scale*100_000)*float64(b.N)/b.Elapsed().Seconds(), "orders/s")
}
