package pipeline

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Check is one validation checkpoint with the figures it compared.
type Check struct {
	Phase    Phase
	Name     string
	Expected string
	Actual   string
	Pass     bool
}

// Report is the result of [Validate]: every check, in order.
type Report struct {
	Checks []Check
}

// Passed reports whether every check passed.
func (r *Report) Passed() bool {
	for _, c := range r.Checks {
		if !c.Pass {
			return false
		}
	}
	return len(r.Checks) > 0
}

// Failed returns the checks that did not pass.
func (r *Report) Failed() []Check {
	var out []Check
	for _, c := range r.Checks {
		if !c.Pass {
			out = append(out, c)
		}
	}
	return out
}

// String renders the report as an aligned table with a summary line.
func (r *Report) String() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "PHASE\tCHECK\tEXPECTED\tACTUAL\tRESULT")
	for _, c := range r.Checks {
		res := "ok"
		if !c.Pass {
			res = "FAIL"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", c.Phase, c.Name, c.Expected, c.Actual, res)
	}
	w.Flush()
	fmt.Fprintf(&b, "%d checks, %d failed\n", len(r.Checks), len(r.Failed()))
	return b.String()
}

// validator runs the checks against one engine.
type checker struct {
	ctx  context.Context
	w    *Warehouse
	eng  engine.Engine
	d    dialect.Dialect
	n    warehouse.Names
	gen  *datagen.Generator
	rep  *Report
	err  error // the first query error; checks after it are skipped
	asOf time.Time
}

// Validate runs every validation checkpoint against a warehouse built by [Setup]
// with opts, and returns the report. Expected figures come from the generator, in
// Go: row counts, distributions, injected defects, revenue. It returns an error
// only when it cannot query the warehouse; failed checks are in the report.
func (w *Warehouse) Validate(ctx context.Context, opts Options) (*Report, error) {
	gen, err := datagen.New(opts.Data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidOptions, err)
	}
	c := &checker{ctx: ctx, w: w, eng: w.eng, d: w.eng.Dialect(), n: w.names, gen: gen, rep: &Report{}, asOf: opts.asOf()}
	c.infrastructure()
	c.raw()
	c.staging()
	f := gen.Figures()
	c.marts(f)
	c.freshness()
	c.semanticLayer(f)
	c.semanticView()
	return c.rep, c.err
}

func (c *checker) add(p Phase, name string, want, got any) {
	ws, gs := fmt.Sprint(want), fmt.Sprint(got)
	c.rep.Checks = append(c.rep.Checks, Check{Phase: p, Name: name, Expected: ws, Actual: gs, Pass: ws == gs})
}

func (c *checker) addBool(p Phase, name, want, got string, pass bool) {
	c.rep.Checks = append(c.rep.Checks, Check{Phase: p, Name: name, Expected: want, Actual: got, Pass: pass})
}

// row runs q and scans one row into dst; after an error it does nothing.
func (c *checker) row(q string, args []any, dst ...any) bool {
	if c.err != nil {
		return false
	}
	if err := c.eng.DB().QueryRowContext(c.ctx, q, args...).Scan(dst...); err != nil {
		c.err = fmt.Errorf("pipeline: validate: %w\n%s", err, q)
		return false
	}
	return true
}

func (c *checker) count(t warehouse.Table, where string, args ...any) int64 {
	var n int64
	q := "SELECT COUNT(*) FROM " + t.Ref(c.d, c.n)
	if where != "" {
		q += " WHERE " + where
	}
	c.row(q, args, &n)
	return n
}

func (c *checker) money(q string, args ...any) decimal.Decimal {
	var d decimal.NullDecimal
	c.row(q, args, scan.NullDecimal(&d))
	return d.Decimal
}

func (c *checker) q(ident string) string { return c.d.Quote(ident) }

func (c *checker) infrastructure() {
	var have []string
	for _, s := range c.n.Schemas() {
		var n int64
		c.row(`SELECT COUNT(*) FROM information_schema.schemata WHERE UPPER(schema_name) = UPPER(?)`, []any{s}, &n)
		if n > 0 {
			have = append(have, s)
		}
	}
	c.add(PhaseInfrastructure, "schemas exist", strings.Join(c.n.Schemas(), ","), strings.Join(have, ","))
	c.modelStaged()
}

// modelStaged checks that the sales model is on its stage with the bytes the
// set-up uploads: listed by the engine (LIST @stage on Snowflake), or in the
// stage's stand-in table.
func (c *checker) modelStaged() {
	if c.err != nil {
		return
	}
	yaml, err := semantic.SalesModelFor(c.n.Database, c.n.Marts).Marshal()
	if err != nil {
		c.err = fmt.Errorf("pipeline: validate: semantic model: %w", err)
		return
	}
	file := semantic.SalesModelFile
	want := fmt.Sprintf("%s, %d bytes", file, len(yaml))
	got := "missing"
	if s, ok := c.eng.(engine.ModelStager); ok {
		files, err := s.StagedFiles(c.ctx, c.n)
		if err != nil {
			c.err = fmt.Errorf("pipeline: validate: %w", err)
			return
		}
		if size, ok := files[file]; ok {
			got = fmt.Sprintf("%s, %d bytes", file, size)
		}
	} else {
		var size int64
		t := warehouse.SemanticModels()
		if c.row(fmt.Sprintf("SELECT COUNT(*), COALESCE(MAX(STRLEN(%s)), 0) FROM %s WHERE %s = ?", c.q("CONTENT"), t.Ref(c.d, c.n), c.q("FILE_NAME")),
			[]any{file}, new(int64), &size) && size > 0 {
			got = fmt.Sprintf("%s, %d bytes", file, size)
		}
	}
	c.add(PhaseInfrastructure, "semantic model staged", want, got)
}

func (c *checker) raw() {
	g := c.gen
	c.add(PhaseRaw, "CUSTOMERS rows", g.NumCustomers(), c.count(warehouse.RawCustomers(), ""))
	c.add(PhaseRaw, "PRODUCTS rows", len(g.Products()), c.count(warehouse.RawProducts(), ""))
	c.add(PhaseRaw, "SALES_REPS rows", len(g.Reps()), c.count(warehouse.RawSalesReps(), ""))
	c.add(PhaseRaw, "ORDERS rows", g.NumOrders(), c.count(warehouse.RawOrders(), ""))
	segments := map[string]int64{}
	for i := range g.NumCustomers() {
		segments[g.Customer(i).Segment]++
	}
	var want, got []string
	for _, s := range datagen.Segments() {
		want = append(want, fmt.Sprintf("%s=%d", s, segments[s]))
		got = append(got, fmt.Sprintf("%s=%d", s, c.count(warehouse.RawCustomers(), c.q("SEGMENT")+" = ?", s)))
	}
	c.add(PhaseRaw, "segment mix 10/30/60", strings.Join(want, " "), strings.Join(got, " "))
	var lo, hi decimal.Decimal
	c.row(fmt.Sprintf(`SELECT MIN(%s), MAX(%s) FROM %s`, c.q("UNIT_PRICE"), c.q("UNIT_PRICE"), warehouse.RawProducts().Ref(c.d, c.n)), nil, scan.Decimal(&lo), scan.Decimal(&hi))
	c.addBool(PhaseRaw, "unit prices within $10–$5,000", "10.00 ≤ price ≤ 5000.00", lo.StringFixed(2)+" … "+hi.StringFixed(2),
		lo.GreaterThanOrEqual(decimal.NewFromInt(10)) && hi.LessThanOrEqual(decimal.NewFromInt(5000)))
	disc := c.count(warehouse.RawOrders(), c.q("DISCOUNT_PCT")+" > 0")
	share := float64(disc) / float64(max(1, g.NumOrders())) // a share of rows, not money
	tol := ShareTolerance(DiscountedShare, g.NumOrders())
	c.addBool(PhaseRaw, "discounted orders", fmt.Sprintf("10%% ± %.2f pt (4 SE of %d orders)", 100*tol, g.NumOrders()),
		fmt.Sprintf("%.2f%%", 100*share), math.Abs(share-DiscountedShare) <= tol)
}

// DiscountedShare is the share of orders the generator discounts.
const DiscountedShare = 0.10

// ShareTolerance is how far the observed share of n independent draws may stray
// from p before a checkpoint fails: four standard errors, 4·√(p(1−p)/n). A
// correct generator strays further about once in 16,000 data sets, and the bound
// widens for small samples instead of failing them (n = 1,000 gives ±3.8 pt).
func ShareTolerance(p float64, n int64) float64 {
	return 4 * math.Sqrt(p*(1-p)/float64(max(1, n)))
}

func (c *checker) staging() {
	in := c.gen.Injected()
	c.add(PhaseStaging, "STG_ORDERS rows = RAW rows", c.gen.NumOrders(), c.count(warehouse.StgOrders(), ""))
	for _, r := range warehouse.OrderRules() {
		c.add(PhaseStaging, "invalid "+string(r)+" = injected", in.Counts[r], c.count(warehouse.StgOrders(), c.q("INVALID_REASON")+" = ?", string(r)))
	}
	var summary int64
	c.row(fmt.Sprintf(`SELECT COALESCE(SUM(%s), 0) FROM %s WHERE %s = ?`, c.q("FAILURES"), warehouse.DataQualitySummary().Ref(c.d, c.n), c.q("TABLE_NAME")),
		[]any{warehouse.RawOrders().Name}, &summary)
	c.add(PhaseStaging, "DATA_QUALITY_SUMMARY failures", in.Total(), summary)
}

func (c *checker) marts(f datagen.Figures) {
	fct := warehouse.FctOrders()
	c.add(PhaseMarts, "FCT_ORDERS rows = valid orders", f.Orders, c.count(fct, ""))
	var distinct int64
	c.row(fmt.Sprintf(`SELECT COUNT(DISTINCT %s) FROM %s`, c.q("ORDER_ID"), fct.Ref(c.d, c.n)), nil, &distinct)
	c.add(PhaseMarts, "FCT_ORDERS one row per order", f.Orders, distinct)
	nulls := "SELECT 0"
	for _, col := range fct.Columns {
		nulls += " + COUNT(*) - COUNT(" + c.q(col.Name) + ")"
	}
	var n int64
	c.row(nulls+" FROM "+fct.Ref(c.d, c.n), nil, &n)
	c.add(PhaseMarts, "FCT_ORDERS NULL values", 0, n)
	want := f.Revenue.Decimal().StringFixed(2)
	total := c.money(fmt.Sprintf(`SELECT SUM(%s) FROM %s`, c.q("NET_AMOUNT"), fct.Ref(c.d, c.n)))
	c.add(PhaseMarts, "FCT_ORDERS revenue = generated revenue", want, total.StringFixed(2))
	for _, m := range []struct {
		t   warehouse.Table
		col string
	}{{warehouse.DailySales(), "REVENUE"}, {warehouse.SalesByRegion(), "REVENUE"}, {warehouse.SalesByProduct(), "REVENUE"},
		{warehouse.SalesByCustomer(), "LIFETIME_REVENUE"}, {warehouse.SalesByRep(), "REVENUE"}} {
		got := c.money(fmt.Sprintf(`SELECT SUM(%s) FROM %s`, c.q(m.col), m.t.Ref(c.d, c.n)))
		c.add(PhaseMarts, m.t.Name+" revenue = FCT_ORDERS", total.StringFixed(2), got.StringFixed(2))
	}
}

func (c *checker) freshness() {
	if c.err != nil {
		return
	}
	st, err := c.w.Status(c.ctx)
	if err != nil {
		c.addBool(PhaseMarts, "marts active and within lag", "status", err.Error(), false)
		return
	}
	var late []string
	for _, s := range st {
		if !s.WithinLag() {
			late = append(late, s.Name+" "+s.State+" lag "+s.Lag.Round(time.Second).String())
		}
	}
	got := "all within " + warehouse.TargetLag.String()
	if len(late) > 0 {
		got = strings.Join(late, "; ")
	}
	c.addBool(PhaseMarts, "marts active and within lag", fmt.Sprintf("%d marts within target lag", len(st)), got, len(late) == 0 && len(st) == len(warehouse.AllMarts()))
}

func (c *checker) semanticLayer(f datagen.Figures) {
	if c.err != nil {
		return
	}
	m := semantic.SalesModelFor(c.n.Database, c.n.Marts)
	err := m.ValidateLive(c.ctx, semantic.InformationSchema(c.eng.DB(), c.d.Accounts()))
	got := "valid"
	if err != nil {
		got = err.Error()
	}
	c.addBool(PhaseSemantic, "sales model fits the live schema", "valid", got, err == nil)

	// The reference questions, answered from the marts and checked against Go.
	fct := warehouse.FctOrders().Ref(c.d, c.n)
	last := c.asOf.AddDate(0, -1, 0)
	key := last.Format("2006-01")
	var orders int64
	var rev decimal.NullDecimal
	c.row(fmt.Sprintf(`SELECT COUNT(*), SUM(%s) FROM %s WHERE %s = ?`, c.q("NET_AMOUNT"), fct, c.q("ORDER_MONTH")), []any{last}, &orders, scan.NullDecimal(&rev))
	c.add(PhaseSemantic, "Q: total revenue last month ("+key+")",
		fmt.Sprintf("$%s from %d orders", f.ByMonth[key].Decimal().StringFixed(2), f.OrdersByMonth[key]),
		fmt.Sprintf("$%s from %d orders", rev.Decimal.StringFixed(2), orders))

	var name string
	var top decimal.Decimal
	c.row(fmt.Sprintf(`SELECT %s, SUM(%s) AS r FROM %s GROUP BY %s ORDER BY r DESC, %s LIMIT 1`,
		c.q("PRODUCT_NAME"), c.q("NET_AMOUNT"), fct, c.q("PRODUCT_NAME"), c.q("PRODUCT_NAME")), nil, &name, scan.Decimal(&top))
	c.add(PhaseSemantic, "Q: top product by revenue",
		fmt.Sprintf("%s $%s", f.TopProduct.Name, f.TopProduct.Revenue.Decimal().StringFixed(2)), fmt.Sprintf("%s $%s", name, top.StringFixed(2)))

	regions := append([]string(nil), datagen.Regions()...)
	sort.Strings(regions)
	for _, r := range regions {
		c.add(PhaseSemantic, "Q: sales by region: "+r, "$"+f.ByRegion[r].Decimal().StringFixed(2),
			"$"+c.money(fmt.Sprintf(`SELECT SUM(%s) FROM %s WHERE %s = ?`, c.q("NET_AMOUNT"), fct, c.q("REGION")), r).StringFixed(2))
	}
}
