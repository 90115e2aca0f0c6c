package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/dashboard/term"
	"github.com/salesanalytics/salesanalytics/engine"
	_ "github.com/salesanalytics/salesanalytics/engine/embedded"
	_ "github.com/salesanalytics/salesanalytics/engine/snowflake"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

func main() {
	engineName := flag.String("engine", "embedded", "warehouse engine: embedded or snowflake")
	connection := flag.String("connection", "", "Snowflake connection name from connections.toml (default: the default connection)")
	path := flag.String("db", "", "embedded database file (empty: in memory)")
	scale := flag.Float64("scale", 1, "data scale: 1 is 100,000 orders")
	seed := flag.Uint64("seed", pipeline.DefaultOptions().Data.Seed, "generator seed")
	dirty := flag.Float64("dirty", 0, "fraction of orders given a defect, 0 to 0.5")
	rebuild := flag.Bool("rebuild", false, "with -db naming an existing file: load it again with -scale, -seed and -dirty")
	flag.Usage = term.Usage(flag.CommandLine)
	flag.Parse()
	if err := checkData(*scale, *dirty); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(2)
	}
	if err := checkRebuild(*path, *engineName, *rebuild); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg := engine.Config{Name: *engineName, Path: *path, Connection: *connection}
	if err := run(ctx, os.Stdout, cfg, *scale, *seed, *dirty); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// checkData refuses a -scale or -dirty the generator cannot make, naming
// the flag (not the generator's field).
func checkData(scale, dirty float64) error {
	switch {
	case !(scale > 0):
		return fmt.Errorf("-scale %g: give a scale above 0 (1 is 100,000 orders)", scale)
	case !(dirty >= 0 && dirty <= 0.5):
		return fmt.Errorf("-dirty %g: give a fraction from 0 to 0.5", dirty)
	}
	return nil
}

// checkRebuild refuses -scale, -seed or -dirty on an existing -db file unless
// -rebuild asks for it: the set-up would replace the file's data.
func checkRebuild(path, engineName string, rebuild bool) error {
	if path == "" || rebuild || (engineName != "embedded" && engineName != "duckdb") {
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	var given []string
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "scale" || f.Name == "seed" || f.Name == "dirty" {
			given = append(given, "-"+f.Name)
		}
	})
	if len(given) > 0 {
		return fmt.Errorf("%s: %q exists and would be replaced; add -rebuild to load it again", strings.Join(given, ", "), path)
	}
	return nil
}

func run(ctx context.Context, out io.Writer, cfg engine.Config, scale float64, seed uint64, dirty float64) error {
	eng, err := engine.Open(ctx, cfg)
	if err != nil && cfg.Path != "" {
		return connect.DBError(cfg.Path, err) // in the -db flag's words, without the driver's prefixes
	}
	if err != nil {
		return err
	}
	defer eng.Close()
	w, err := pipeline.New(eng, pipeline.Config{Now: connect.DemoNow})
	if err != nil {
		return err
	}

	opts := pipeline.DefaultOptions()
	opts.Data.Scale, opts.Data.Seed, opts.Data.DirtyFraction = scale, seed, dirty
	progress := connect.NewProgress(os.Stderr) // one rewritten line, on a terminal only
	opts.Progress = progress.Event
	res, err := w.Setup(ctx, opts)
	progress.Done()
	if err != nil {
		return err
	}

	fmt.Fprintf(out, "Built %s\n%s\n\n", where(cfg), res.Fingerprint)
	fmt.Fprintf(out, "%-12s %9s  %s\n", "RAW table", "rows", "load")
	for _, l := range res.Loads {
		state := "loaded"
		if l.Skipped {
			state = "already up to date"
		}
		fmt.Fprintf(out, "%-12s %9s  %s\n", l.Table, term.Count(l.Rows), state)
	}
	if n := res.Injected.Total(); n > 0 {
		fmt.Fprintf(out, "dirty orders injected: %d %v\n", n, res.Injected.Counts)
	}
	fmt.Fprintf(out, "marts: %s refresh (%s)\n", res.Marts.Kind, res.Marts.Reason)
	if res.Duration > 0 && connect.IsTerminal(out) {
		fmt.Fprintf(out, "built in %s\n", res.Duration.Round(time.Millisecond))
	}

	if err := printRevenue(ctx, out, w); err != nil {
		return err
	}

	report, err := w.Validate(ctx, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\nValidation checkpoints\n%s", report.Checklist()) // figures under a failed check
	if !report.Passed() {
		return fmt.Errorf("%d checks failed", len(report.Failed()))
	}
	return nil
}

// printRevenue asks the semantic layer for revenue and orders by region.
func printRevenue(ctx context.Context, out io.Writer, w *pipeline.Warehouse) error {
	n := w.Names()
	c, err := query.New(semantic.SalesModelFor(n.Database, n.Marts), query.Options{Dialect: w.Engine().Dialect(), Now: time.Now})
	if err != nil {
		return err
	}
	q, err := c.Compile(query.Request{Metrics: []string{"revenue", "orders"}, Dimensions: []string{"region"},
		OrderBy: []query.Order{query.Desc("revenue")}})
	if err != nil {
		return err
	}
	type row struct {
		Region  string
		Revenue decimal.Decimal // exact: money is never a float
		Orders  int64
	}
	rows, err := query.Collect[row](ctx, q, w.Engine().DB())
	if err != nil {
		return err
	}
	// The semantic layer answers from the smallest mart that gives the figures
	// exactly (q.Route says which).
	fmt.Fprintf(out, "\nNet revenue by region, from MARTS.%s (semantic layer)\n", q.Route.Table)
	total, orders, top := decimal.Zero, int64(0), decimal.Zero
	for _, r := range rows {
		total, orders, top = total.Add(r.Revenue), orders+r.Orders, decimal.Max(top, r.Revenue)
	}
	line := func(region, revenue, orders, share, bar string) {
		fmt.Fprintln(out, strings.TrimRight(fmt.Sprintf("%-7s %15s %7s %6s  %s", region, revenue, orders, share, bar), " "))
	}
	line("region", "revenue", "orders", "share", "")
	for _, r := range rows {
		share, bar := "", ""
		if total.Sign() > 0 {
			share = term.Percent(r.Revenue.Div(total))
			bar = term.ShareBar(decimal.NewNullDecimal(r.Revenue.Div(top))) // the largest region draws 20 cells
		}
		line(r.Region, term.Money(r.Revenue), term.Count(r.Orders), share, bar)
	}
	line("total", term.Money(total), term.Count(orders), "", "")
	return nil
}

func where(cfg engine.Config) string {
	switch {
	case cfg.Name != "" && cfg.Name != "embedded":
		return "the " + cfg.Name + " warehouse"
	case cfg.Path == "":
		return "the in-memory warehouse"
	}
	return cfg.Path
}
