// Command quickstart builds the sales warehouse on the embedded engine — RAW,
// STAGING, MARTS and the semantic model — and prints what it built and the
// validation checkpoints.
//
//	go run ./examples/quickstart                 # in memory, scale 1
//	go run ./examples/quickstart -db sales.duckdb -scale 10
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
	"github.com/shopspring/decimal"
)

func main() {
	path := flag.String("db", "", "database file (empty: in memory)")
	scale := flag.Float64("scale", 1, "data scale: 1 is 100,000 orders")
	seed := flag.Uint64("seed", pipeline.DefaultOptions().Data.Seed, "generator seed")
	dirty := flag.Float64("dirty", 0, "fraction of orders given a defect, 0 to 0.5")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *path, *scale, *seed, *dirty); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, path string, scale float64, seed uint64, dirty float64) error {
	eng, err := embedded.Open(ctx, embedded.Options{Path: path})
	if err != nil {
		return err
	}
	defer eng.Close()

	w, err := pipeline.New(eng, pipeline.Config{})
	if err != nil {
		return err
	}
	opts := pipeline.DefaultOptions()
	opts.Data.Scale, opts.Data.Seed, opts.Data.DirtyFraction = scale, seed, dirty
	opts.Progress = printProgress
	res, err := w.Setup(ctx, opts)
	if err != nil {
		return err
	}

	fmt.Printf("\nBuilt %s in %s (%s)\n", where(path), res.Duration.Round(time.Millisecond), res.Fingerprint)
	for _, l := range res.Loads {
		state := fmt.Sprintf("loaded in %s", l.Duration.Round(time.Millisecond))
		if l.Skipped {
			state = "already up to date"
		}
		fmt.Printf("  RAW.%-12s %10d rows  %s\n", l.Table, l.Rows, state)
	}
	if n := res.Injected.Total(); n > 0 {
		fmt.Printf("  dirty orders injected: %d %v\n", n, res.Injected.Counts)
	}
	fmt.Printf("  marts: %s refresh (%s) in %s\n", res.Marts.Kind, res.Marts.Reason, res.Marts.Duration.Round(time.Millisecond))
	if err := printRevenue(ctx, eng, w.Names()); err != nil {
		return err
	}

	report, err := w.Validate(ctx, opts)
	if err != nil {
		return err
	}
	fmt.Println("\nValidation checkpoints:")
	fmt.Print(report)
	if !report.Passed() {
		return fmt.Errorf("%d checks failed", len(report.Failed()))
	}
	return nil
}

// printRevenue shows the valid orders and their net revenue, summed exactly.
func printRevenue(ctx context.Context, eng *embedded.Engine, n warehouse.Names) error {
	d, t := eng.Dialect(), warehouse.FctOrders
	q := fmt.Sprintf(`SELECT COUNT(*), SUM(%s) FROM %s`, d.Quote("NET_AMOUNT"), t.Ref(d, n))
	var orders int64
	var revenue decimal.Decimal
	if err := eng.DB().QueryRowContext(ctx, q).Scan(&orders, scan.Decimal(&revenue)); err != nil {
		return err
	}
	fmt.Printf("  MARTS.FCT_ORDERS: %d valid orders, net revenue $%s\n", orders, revenue.StringFixed(2))
	return nil
}

func printProgress(e pipeline.Event) {
	switch {
	case e.Table == "" && e.Finished:
		fmt.Printf("\r%-60s\n", "✓ "+string(e.Phase))
	case !e.Finished && e.Done == e.Total:
		// the final progress tick; the Finished event prints the line
	case e.Skipped:
		fmt.Printf("\r%-60s\n", fmt.Sprintf("  %s: up to date", e.Table))
	case e.Table != "":
		pct := 100 * float64(e.Done) / float64(max(e.Total, 1))
		fmt.Printf("\r  %-12s %10d / %-10d %5.1f%%", e.Table, e.Done, e.Total, pct)
		if e.Finished {
			fmt.Println()
		}
	}
}

func where(path string) string {
	if path == "" {
		return "the in-memory warehouse"
	}
	return path
}
