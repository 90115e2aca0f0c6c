package dashboard_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
)

var (
	benchMu   sync.Mutex
	benchEngs = map[float64]*embedded.Engine{}
)

func benchEngine(b *testing.B, scale float64) *embedded.Engine {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if e, ok := benchEngs[scale]; ok {
		return e
	}
	if scale == 1 {
		benchEngs[scale] = shared(b)
	} else {
		benchEngs[scale] = build(b, scale)
	}
	return benchEngs[scale]
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
	for _, scale := range []float64{1, 10} {
		for _, name := range []string{"executive", "regional", "product", "reps", "customers"} {
			fn := benchViews()[name]
			for _, cached := range []bool{false, true} {
				mode := "uncached"
				if cached {
					mode = "cached"
				}
				b.Run(fmt.Sprintf("scale=%g/%s/%s", scale, name, mode), func(b *testing.B) {
					eng := benchEngine(b, scale)
					d := newDash(b, eng.DB(), dashboard.Options{Cache: cached})
					if err := fn(ctx, d); err != nil { // warm
						b.Fatal(err)
					}
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
