package term_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/term"
)

// A program with its own command line gets a typed view from package
// dashboard and writes it to a page: into a pipe, 80 columns and no colour.
func ExamplePage_Reps() {
	dir, _ := os.MkdirTemp("", "term-example-")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	wh, err := (&connect.Flags{DB: filepath.Join(dir, "sales.duckdb"), Scale: 0.01, Build: true}).Open(ctx, io.Discard)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer wh.Close()
	d, err := dashboard.New(wh.Engine().DB(), wh.Engine().Dialect(), dashboard.Options{Names: wh.Names()})
	if err != nil {
		fmt.Println(err)
		return
	}
	f := dashboard.Filter{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), Regions: []string{"West"}}
	v, err := d.Reps(ctx, f, dashboard.RepsOptions{Compare: dashboard.CompareYear})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := term.NewPage(os.Stdout, nil).Reps(v, 3); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ── Sales rep leaderboard ───────────────────────────────────────────────────────
	// period 2025-01-01 – 2025-12-31 (365 days)
	// vs a year earlier 2024-01-01 – 2024-12-31 (366 days)
	// filter -from=2025-01-01 -to=2025-12-31 -region=West
	// data as of 2026-01-01 00:00 UTC
	//
	// Top 3 of 12 reps
	// #  rep               region  revenue   growth  orders    AOV  quota  attained
	// ───────────────────────────────────────────────────────────────────────────────
	// 1  Richard Campbell  West     $96.0K  +556.5%      12  $8.0K  $3.4M      2.8%
	// 2  Gavin Kelly       West     $86.8K   +84.4%      21  $4.1K  $4.5M      1.9%
	// 3  Amanda Mensah     West     $60.8K  +266.4%       7  $8.7K  $3.0M      2.0%
	//
	// → a rep's months against quota: sales_rep_leaderboard -from=2025-01-01
	//     -to=2025-12-31 -region=West -rep=48
}
