package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/internal/benchcpu"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
)

// fileSite serves the pages over a scale-1 warehouse file, built in a temporary
// directory, checkpointed and opened again as examples/dashboard opens its file:
// the storage a program reads, which an in-memory database does not have.
func fileSite(b *testing.B, cache bool) *site {
	b.Helper()
	path := filepath.Join(b.TempDir(), "sales.duckdb")
	eng, err := embedded.Open(context.Background(), embedded.Options{Path: path})
	require.NoError(b, err)
	o := pipelinetest.Default()
	o.Data.Scale, o.Now = 1, demoNow
	_, err = pipelinetest.Setup(context.Background(), eng, o)
	require.NoError(b, err)
	require.NoError(b, eng.Close())
	eng, err = embedded.Open(context.Background(), embedded.Options{Path: path})
	require.NoError(b, err)
	b.Cleanup(func() { eng.Close() })
	return newSiteOn(b, eng, cache)
}

// BenchmarkPage measures the server time of each page through the handler at
// scale 1 (100,000 orders) over a warehouse file, warm (one request first) and
// uncached (the view cache is off, so every request computes its views).
// Target: ≤ 50 ms a page.
//
//	go test ./dashboard/web -run '^$' -bench Page -benchtime 20x
func BenchmarkPage(b *testing.B) {
	s := fileSite(b, false)
	for _, target := range benchTargets {
		b.Run(target[1:], func(b *testing.B) {
			serve := func() {
				rec := httptest.NewRecorder()
				s.h.ServeHTTP(rec, localRequest(http.MethodGet, target, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d", target, rec.Code)
				}
			}
			serve() // warm: the catalog, the engine's caches
			b.ReportAllocs()
			b.ResetTimer()
			defer benchcpu.PerOp(b)()
			for i := 0; i < b.N; i++ {
				serve()
			}
		})
	}
}

// benchTargets are the pages the benchmarks serve, with and without filters.
var benchTargets = []string{
	"/executive", "/executive?from=2025-01-01&to=2025-03-31&region=West",
	"/regional", "/regional?region=North&compare=year",
	"/product", "/product?product=7",
	"/reps", "/reps?rep=3",
	"/customers", "/customers?segment=SMB&from=2025-01-01",
}

// BenchmarkPageViews computes only the views behind each benchmarked page, the
// same way uncached: BenchmarkPage minus this is the web layer's own time (the
// form's catalog, formatting, charts, the template).
func BenchmarkPageViews(b *testing.B) {
	s := fileSite(b, false)
	ctx := context.Background()
	for _, target := range benchTargets {
		path, raw, _ := strings.Cut(target, "?")
		f, c := filterOf(b, query(b, raw))
		compute := func() error {
			var err error
			switch path {
			case "/executive":
				_, err = s.d.Executive(ctx, f, dashboard.ExecutiveOptions{Compare: c})
			case "/regional":
				_, err = s.d.Regional(ctx, f, dashboard.RegionalOptions{Compare: c})
			case "/product":
				_, err = s.d.Product(ctx, f, dashboard.ProductOptions{Compare: c})
			case "/reps":
				_, err = s.d.Reps(ctx, f, dashboard.RepsOptions{Compare: c})
			case "/customers":
				_, err = s.d.Customers(ctx, f, dashboard.CustomersOptions{Compare: c})
			}
			return err
		}
		b.Run(target[1:], func(b *testing.B) {
			if err := compute(); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			defer benchcpu.PerOp(b)()
			for i := 0; i < b.N; i++ {
				if err := compute(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPageCached is the same pages with the view cache on: what a second
// visitor to a page waits for.
func BenchmarkPageCached(b *testing.B) {
	s := fileSite(b, true)
	for _, target := range []string{"/executive", "/regional", "/product", "/reps", "/customers"} {
		b.Run(target[1:], func(b *testing.B) {
			s.get(b, target)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s.get(b, target)
			}
		})
	}
}
