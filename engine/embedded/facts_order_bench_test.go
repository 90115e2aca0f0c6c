package embedded_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// BenchmarkFactsOrder measures what the full build's unsorted FCT_ORDERS
// costs the readers that a sort by ORDER_DATE, ORDER_ID would help: an
// incremental refresh of 1,000 new orders (whose aggregates re-read FCT_ORDERS
// within the new orders' date range) and date-filtered reads of FCT_ORDERS (a
// year and a week of revenue by channel). One scale-10 warehouse file is built
// as the set-up builds it (unsorted) and copied, and the copy's FCT_ORDERS
// rebuilt by the same INSERT with ORDER BY ORDER_DATE, ORDER_ID (sorted). Each
// reports cpu-ns/op; BENCH_ROUNDS=n alternates the two files n times.
func BenchmarkFactsOrder(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	unsorted, sorted := filepath.Join(dir, "unsorted.duckdb"), filepath.Join(dir, "sorted.duckdb")
	o := options(10, 0.02)
	o.Now = nil
	eng := openFile(b, unsorted)
	mustSetup(b, eng, o)
	if err := eng.Close(); err != nil {
		b.Fatal(err)
	}
	copyFile(b, unsorted, sorted)
	sortFacts(b, sorted)

	reads := map[string][2]time.Time{
		"year":  {time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)},
		"week":  {time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC), time.Date(2025, 6, 8, 0, 0, 0, 0, time.UTC)},
		"month": {time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)},
	}
	const read = `SELECT "CHANNEL", SUM("NET_AMOUNT"), COUNT(*) FROM "MARTS"."FCT_ORDERS"
WHERE "ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY 1 ORDER BY 1`
	g, err := datagen.New(o.Data)
	if err != nil {
		b.Fatal(err)
	}
	next := int64(300_000_000)
	for range benchRounds() {
		for _, file := range []string{unsorted, sorted} {
			name := filepath.Base(file[:len(file)-len(".duckdb")])
			b.Run(name+"/refresh_1000", func(b *testing.B) {
				eng := openFile(b, file)
				defer eng.Close()
				n := warehouse.Names{}
				var cpu time.Duration // in the refresh alone
				defer func() { b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op") }()
				for b.Loop() {
					b.StopTimer()
					orders := g.Arrivals(next, 1000, datagen.DefaultEnd().AddDate(0, 0, -6), datagen.DefaultEnd(), time.Now().UTC())
					next += 1000
					if err := pipelinetest.AppendOrders(ctx, eng, n, orders); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					start := processCPU()
					res, err := pipelinetest.Refresh(ctx, eng, n, nil)
					cpu += processCPU() - start
					if err != nil {
						b.Fatal(err)
					}
					if res.Kind != pipeline.RefreshIncremental {
						b.Fatalf("refresh was %s (%s)", res.Kind, res.Reason)
					}
				}
			})
			for _, span := range []string{"year", "month", "week"} {
				b.Run(fmt.Sprintf("%s/read_%s", name, span), func(b *testing.B) {
					eng := openFile(b, file)
					defer eng.Close()
					db := eng.DB()
					r := reads[span]
					handRows(b, db, read, []func() any{text, dec, integer}, r[0], r[1]) // pages read once before timing
					b.ResetTimer()
					defer cpuPerOp(b)()
					for b.Loop() {
						if n := handRows(b, db, read, []func() any{text, dec, integer}, r[0], r[1]); n == 0 {
							b.Fatal("no rows")
						}
					}
				})
			}
		}
	}
}

// sortFacts rebuilds FCT_ORDERS of the warehouse file at path with the full
// build's own statements, its INSERT ordered by ORDER_DATE, ORDER_ID.
func sortFacts(b *testing.B, path string) {
	b.Helper()
	eng, err := embedded.Open(context.Background(), embedded.Options{Path: path})
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	fct := warehouse.AllMarts()[0]
	if fct.Table.Name != warehouse.FctOrders().Name {
		b.Fatalf("the first mart is %s", fct.Table.Name)
	}
	stmts := fct.CreateSQL(dialect.DuckDB, warehouse.Names{})
	stmts[len(stmts)-1] += "\nORDER BY \"ORDER_DATE\", \"ORDER_ID\""
	for _, s := range append(stmts, "CHECKPOINT") {
		if _, err := eng.DB().Exec(s); err != nil {
			b.Fatal(err)
		}
	}
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
