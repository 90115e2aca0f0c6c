package dashboard_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/internal/benchcpu"
)

// benchWarehouses builds, once per benchmark run, a warehouse file at each scale
// in dir and opens it again as the programs and the web dashboard do: what they
// read is a checkpointed file, whose storage (compression) an in-memory
// database does not have.
type benchWarehouses struct {
	top  *testing.B // the parent benchmark, which outlives the sub-benchmarks
	dir  string
	mu   sync.Mutex
	engs map[float64]*embedded.Engine
}

func (w *benchWarehouses) engine(b *testing.B, scale float64) *embedded.Engine {
	b.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if e, ok := w.engs[scale]; ok {
		return e
	}
	path := filepath.Join(w.dir, fmt.Sprintf("scale%g.duckdb", scale))
	if _, err := os.Stat(path); err != nil || w.dir != os.Getenv(benchDirEnv) {
		buildFile(b, path, scale)
	}
	e, err := embedded.Open(context.Background(), embedded.Options{Path: path, Threads: benchThreads()})
	if err != nil {
		b.Fatal(err)
	}
	w.top.Cleanup(func() { e.Close() })
	w.engs[scale] = e
	return e
}

// benchDirEnv names a directory whose warehouse files the benchmarks keep and
// reuse from one run to the next (so that two builds of the package compare on
// the same files); unset, each run builds its own in a temporary directory.
const benchDirEnv = "SALESANALYTICS_BENCH_DIR"

func benchDir(b *testing.B) string {
	if dir := os.Getenv(benchDirEnv); dir != "" {
		return dir
	}
	return b.TempDir()
}

// benchViews are the five views over a year, the dashboard's default page.
func benchViews() map[string]func(context.Context, *dashboard.Dashboard) error {
	f := dashboard.Filter{From: date("2025-01-01"), To: date("2025-12-31")}
	return map[string]func(context.Context, *dashboard.Dashboard) error{
		"executive": func(ctx context.Context, d *dashboard.Dashboard) error {
			_, err := d.Executive(ctx, f, dashboard.ExecutiveOptions{})
			return err
		},
		"regional": func(ctx context.Context, d *dashboard.Dashboard) error {
			_, err := d.Regional(ctx, f, dashboard.RegionalOptions{Region: "North"})
			return err
		},
		"product": func(ctx context.Context, d *dashboard.Dashboard) error {
			_, err := d.Product(ctx, f, dashboard.ProductOptions{Product: 4})
			return err
		},
		"reps": func(ctx context.Context, d *dashboard.Dashboard) error {
			_, err := d.Reps(ctx, f, dashboard.RepsOptions{Rep: 1})
			return err
		},
		"customers": func(ctx context.Context, d *dashboard.Dashboard) error {
			_, err := d.Customers(ctx, f, dashboard.CustomersOptions{})
			return err
		},
	}
}

// BenchmarkViews times each view warm (the catalog read, the engine's caches
// filled), uncached and cached, at scale 1 and 10.
func BenchmarkViews(b *testing.B) {
	ctx := context.Background()
	whs := &benchWarehouses{top: b, dir: benchDir(b), engs: map[float64]*embedded.Engine{}}
	for _, scale := range []float64{1, 10} {
		for _, name := range []string{"executive", "regional", "product", "reps", "customers"} {
			fn := benchViews()[name]
			for _, cached := range []bool{false, true} {
				mode := "uncached"
				if cached {
					mode = "cached"
				}
				b.Run(fmt.Sprintf("scale=%g/%s/%s", scale, name, mode), func(b *testing.B) {
					eng := whs.engine(b, scale)
					d := newDash(b, eng.DB(), dashboard.Options{Cache: cached})
					if err := fn(ctx, d); err != nil { // warm
						b.Fatal(err)
					}
					defer benchcpu.PerOp(b)()
					for b.Loop() {
						if err := fn(ctx, d); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// benchThreadsEnv names DuckDB's thread count for BenchmarkViews' engines
// (embedded.Options.Threads). Unset means one, as the programs read a
// warehouse (connect.ReaderThreads); 0 means DuckDB's default, one per core.
const benchThreadsEnv = "SALESANALYTICS_BENCH_THREADS"

func benchThreads() int {
	s, ok := os.LookupEnv(benchThreadsEnv)
	if !ok {
		return 1
	}
	n, _ := strconv.Atoi(s)
	return n
}
