package embedded_test

import (
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// The oracle computes every mart in Go from the generator's rows, with integer
// cents and explicit half-away-from-zero rounding — no SQL involved — so a match
// with the engine's marts is an independent check of every figure.

type martRows map[string]map[string]string // key → column → canonical value

func roundDiv(a, b int64) int64 {
	if a >= 0 {
		return (a + b/2) / b
	}
	return -((-a + b/2) / b)
}

func money(c int64) string { return datagen.Cents(c).String() }

// ratio renders a fraction held in ten-thousandths, e.g. 525 → 0.0525.
func ratio(v int64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%04d", sign, v/10000, v%10000)
}
func day(t time.Time) string      { return t.Format(time.DateOnly) }
func month(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
func itoa(v int64) string         { return strconv.FormatInt(v, 10) }

type tally struct {
	rev, gross, disc, orders, units int64
	customers                       map[int64]bool
	first, last                     time.Time
}

func (t *tally) add(o datagen.Order) {
	if t.customers == nil {
		t.customers = map[int64]bool{}
	}
	net := int64(o.NetAmount())
	gross := int64(datagen.GrossAmount(o.Quantity, o.UnitPrice))
	t.rev += net
	t.gross += gross
	t.disc += gross - net
	t.orders++
	t.units += o.Quantity
	t.customers[o.CustomerID] = true
	if t.first.IsZero() || o.OrderDate.Before(t.first) {
		t.first = o.OrderDate
	}
	if o.OrderDate.After(t.last) {
		t.last = o.OrderDate
	}
}

// oracle computes the aggregate marts from valid orders.
func oracle(g *datagen.Generator, orders []datagen.Order) map[string]martRows {
	type dk struct {
		d time.Time
		r string
	}
	daily := map[dk]*tally{}
	type rk struct {
		r string
		m time.Time
	}
	region := map[rk]*tally{}
	type pk struct {
		p int64
		m time.Time
	}
	product := map[pk]*tally{}
	customer := map[int64]*tally{}
	type sk struct {
		s int64
		m time.Time
	}
	rep := map[sk]*tally{}
	type yk struct {
		c int64
		y int
	}
	customerYear := map[yk]*tally{}
	byMonth := map[time.Time]*tally{}
	type ky struct {
		k string // the region, the rep, or "" for the year alone
		y int
	}
	byYear := map[string]map[ky]*tally{} // by mart
	type ck struct {
		r, c string
		m    time.Time
	}
	regionCategory := map[ck]*tally{}
	for _, o := range orders {
		reg := g.Reps()[o.RepID-1].Region
		m := month(o.OrderDate)
		add := func(t **tally) {
			if *t == nil {
				*t = &tally{}
			}
			(*t).add(o)
		}
		t1 := daily[dk{o.OrderDate, reg}]
		add(&t1)
		daily[dk{o.OrderDate, reg}] = t1
		t2 := region[rk{reg, m}]
		add(&t2)
		region[rk{reg, m}] = t2
		t3 := product[pk{o.ProductID, m}]
		add(&t3)
		product[pk{o.ProductID, m}] = t3
		t4 := customer[o.CustomerID]
		add(&t4)
		customer[o.CustomerID] = t4
		t5 := rep[sk{o.RepID, m}]
		add(&t5)
		rep[sk{o.RepID, m}] = t5
		t6 := customerYear[yk{o.CustomerID, o.OrderDate.Year()}]
		add(&t6)
		customerYear[yk{o.CustomerID, o.OrderDate.Year()}] = t6
		t7 := byMonth[m]
		add(&t7)
		byMonth[m] = t7
		t8 := regionCategory[ck{reg, g.Products()[o.ProductID-1].Category, m}]
		add(&t8)
		regionCategory[ck{reg, g.Products()[o.ProductID-1].Category, m}] = t8
		for mart, k := range map[string]string{warehouse.SalesByYear().Name: "", warehouse.SalesByRegionYear().Name: reg + "|",
			warehouse.SalesByRepYear().Name: itoa(o.RepID) + "|", warehouse.SalesBySegmentYear().Name: g.Customer(o.CustomerID-1).Segment + "|",
			warehouse.SalesByIndustryYear().Name: g.Customer(o.CustomerID-1).Industry + "|"} {
			if byYear[mart] == nil {
				byYear[mart] = map[ky]*tally{}
			}
			t := byYear[mart][ky{k, o.OrderDate.Year()}]
			add(&t)
			byYear[mart][ky{k, o.OrderDate.Year()}] = t
		}
	}
	out := map[string]martRows{}

	// The first day (month) of the data: before it the moving averages average
	// over the days (months) there are; after it, a day without sales counts as
	// zero, also before a region's own first sale.
	var firstDay time.Time
	for k := range daily {
		if firstDay.IsZero() || k.d.Before(firstDay) {
			firstDay = k.d
		}
	}
	firstMonth := month(firstDay)

	// DAILY_SALES: running total and 7-calendar-day average per region.
	rows := martRows{}
	byRegion := map[string][]time.Time{}
	for k := range daily {
		byRegion[k.r] = append(byRegion[k.r], k.d)
	}
	for r, dates := range byRegion {
		sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
		var running int64
		for _, d := range dates {
			t := daily[dk{d, r}]
			running += t.rev
			var window int64
			for back := 0; back < 7; back++ {
				if w, ok := daily[dk{d.AddDate(0, 0, -back), r}]; ok {
					window += w.rev
				}
			}
			span := min(7, int64(d.Sub(firstDay)/(24*time.Hour))+1)
			rows[day(d)+"|"+r] = map[string]string{
				"REVENUE": money(t.rev), "GROSS_REVENUE": money(t.gross), "DISCOUNTS": money(t.disc),
				"ORDERS": itoa(t.orders), "UNITS": itoa(t.units), "CUSTOMERS": itoa(int64(len(t.customers))),
				"AOV": money(roundDiv(t.rev, t.orders)), "RUNNING_REVENUE": money(running),
				"REVENUE_7D_AVG": money(roundDiv(window, span)),
			}
		}
	}
	out[warehouse.DailySales().Name] = rows

	// SALES_BY_REGION: month-over-month growth, running total, 3-month average.
	rows = martRows{}
	months := map[string][]time.Time{}
	for k := range region {
		months[k.r] = append(months[k.r], k.m)
	}
	for r, ms := range months {
		sort.Slice(ms, func(i, j int) bool { return ms[i].Before(ms[j]) })
		var running int64
		for _, m := range ms {
			t := region[rk{r, m}]
			running += t.rev
			var window int64
			for back := 0; back < 3; back++ {
				if w, ok := region[rk{r, m.AddDate(0, -back, 0)}]; ok {
					window += w.rev
				}
			}
			span := min(3, int64((m.Year()-firstMonth.Year())*12+int(m.Month()-firstMonth.Month()))+1)
			growth := "NULL"
			if p, ok := region[rk{r, m.AddDate(0, -1, 0)}]; ok && p.rev != 0 {
				growth = ratio(roundDiv((t.rev-p.rev)*10000, p.rev))
			}
			rows[r+"|"+day(m)] = map[string]string{
				"REVENUE": money(t.rev), "ORDERS": itoa(t.orders), "UNITS": itoa(t.units),
				"CUSTOMERS": itoa(int64(len(t.customers))), "AOV": money(roundDiv(t.rev, t.orders)),
				"MOM_GROWTH": growth, "RUNNING_REVENUE": money(running), "REVENUE_3M_AVG": money(roundDiv(window, span)),
			}
		}
	}
	out[warehouse.SalesByRegion().Name] = rows

	// SALES_BY_PRODUCT: rank within category and month (ties share a rank).
	rows = martRows{}
	type cm struct {
		c string
		m time.Time
	}
	peers := map[cm][]int64{} // revenues within a category and month
	for k, t := range product {
		c := cm{g.Products()[k.p-1].Category, k.m}
		peers[c] = append(peers[c], t.rev)
	}
	for k, t := range product {
		p := g.Products()[k.p-1]
		rank := int64(1)
		for _, rev := range peers[cm{p.Category, k.m}] {
			if rev > t.rev {
				rank++
			}
		}
		rows[itoa(k.p)+"|"+day(k.m)] = map[string]string{
			"PRODUCT_NAME": p.Name, "CATEGORY": p.Category, "REVENUE": money(t.rev),
			"UNITS": itoa(t.units), "ORDERS": itoa(t.orders), "CATEGORY_RANK": itoa(rank),
		}
	}
	out[warehouse.SalesByProduct().Name] = rows

	rows = martRows{}
	for id, t := range customer {
		c := g.Customer(id - 1)
		rows[itoa(id)] = map[string]string{
			"CUSTOMER_NAME": c.Name, "SEGMENT": c.Segment, "INDUSTRY": c.Industry,
			"LIFETIME_REVENUE": money(t.rev), "ORDERS": itoa(t.orders),
			"FIRST_ORDER_DATE": day(t.first), "LAST_ORDER_DATE": day(t.last), "AOV": money(roundDiv(t.rev, t.orders)),
		}
	}
	out[warehouse.SalesByCustomer().Name] = rows

	rows = martRows{}
	for k, t := range rep {
		r := g.Reps()[k.s-1]
		monthly := roundDiv(int64(r.AnnualQuota), 12)
		rows[itoa(k.s)+"|"+day(k.m)] = map[string]string{
			"REP_NAME": r.Name, "REGION": r.Region, "REVENUE": money(t.rev), "ORDERS": itoa(t.orders),
			"CUSTOMERS": itoa(int64(len(t.customers))), "ANNUAL_QUOTA": money(int64(r.AnnualQuota)),
			"MONTHLY_QUOTA": money(monthly), "QUOTA_ATTAINMENT": ratio(roundDiv(t.rev*10000, monthly)),
		}
	}
	out[warehouse.SalesByRep().Name] = rows

	rows = martRows{}
	for k, t := range customerYear {
		c := g.Customer(k.c - 1)
		rows[itoa(k.c)+"|"+itoa(int64(k.y))] = map[string]string{
			"SEGMENT": c.Segment, "INDUSTRY": c.Industry, "REVENUE": money(t.rev), "ORDERS": itoa(t.orders), "UNITS": itoa(t.units),
		}
	}
	out[warehouse.SalesByCustomerYear().Name] = rows

	rows = martRows{}
	for m, t := range byMonth {
		rows[day(m)] = map[string]string{
			"REVENUE": money(t.rev), "ORDERS": itoa(t.orders), "UNITS": itoa(t.units), "CUSTOMERS": itoa(int64(len(t.customers))),
		}
	}
	out[warehouse.SalesByMonth().Name] = rows

	rows = martRows{}
	for k, t := range regionCategory {
		rows[k.r+"|"+k.c+"|"+day(k.m)] = map[string]string{"REVENUE": money(t.rev), "ORDERS": itoa(t.orders), "UNITS": itoa(t.units)}
	}
	out[warehouse.SalesByRegionCategory().Name] = rows

	for mart, tallies := range byYear {
		rows = martRows{}
		for k, t := range tallies {
			rows[k.k+itoa(int64(k.y))] = map[string]string{
				"REVENUE": money(t.rev), "ORDERS": itoa(t.orders), "UNITS": itoa(t.units), "CUSTOMERS": itoa(int64(len(t.customers))),
			}
		}
		out[mart] = rows
	}
	return out
}

// validOrders returns the generator's valid orders plus extra arrivals.
func validOrders(g *datagen.Generator, extra ...datagen.Order) []datagen.Order {
	var out []datagen.Order
	for i := range g.NumOrders() {
		if o := g.Order(i); o.Defect == datagen.RuleNone {
			out = append(out, o)
		}
	}
	return append(out, extra...)
}

// martKeys are the grain columns of each mart, to read it keyed.
var martKeys = map[string][]string{
	warehouse.FctOrders().Name:             {"ORDER_ID"},
	warehouse.DailySales().Name:            {"SALES_DATE", "REGION"},
	warehouse.SalesByRegion().Name:         {"REGION", "MONTH"},
	warehouse.SalesByProduct().Name:        {"PRODUCT_ID", "MONTH"},
	warehouse.SalesByCustomer().Name:       {"CUSTOMER_ID"},
	warehouse.SalesByRep().Name:            {"REP_ID", "MONTH"},
	warehouse.SalesByCustomerYear().Name:   {"CUSTOMER_ID", "YEAR"},
	warehouse.SalesByMonth().Name:          {"MONTH"},
	warehouse.SalesByYear().Name:           {"YEAR"},
	warehouse.SalesByRegionYear().Name:     {"REGION", "YEAR"},
	warehouse.SalesByRepYear().Name:        {"REP_ID", "YEAR"},
	warehouse.SalesBySegmentYear().Name:    {"SEGMENT", "YEAR"},
	warehouse.SalesByIndustryYear().Name:   {"INDUSTRY", "YEAR"},
	warehouse.SalesByRegionCategory().Name: {"REGION", "CATEGORY", "MONTH"},
}

// readMart reads a mart into the oracle's shape, keyed by its grain columns.
func readMart(tb testing.TB, db *sql.DB, t warehouse.Table, keys ...string) martRows {
	tb.Helper()
	rows, err := db.Query("SELECT * FROM " + t.Ref("duckdb", warehouse.Names{}))
	require.NoError(tb, err)
	defer rows.Close()
	out := martRows{}
	vals := make([]any, len(t.Columns))
	ptrs := make([]any, len(t.Columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		require.NoError(tb, rows.Scan(ptrs...))
		rec := map[string]string{}
		var key []string
		for i, c := range t.Columns {
			v := canonical(tb, c, vals[i])
			rec[c.Name] = v
		}
		for _, k := range keys {
			key = append(key, rec[k])
			delete(rec, k)
		}
		k := strings.Join(key, "|")
		if _, dup := out[k]; dup {
			tb.Fatalf("%s: duplicate key %s", t.Name, k)
		}
		out[k] = rec
	}
	require.NoError(tb, rows.Err())
	return out
}

// requireMartsMatchOracle compares every aggregate mart with the oracle, row by row.
func requireMartsMatchOracle(tb testing.TB, db *sql.DB, want map[string]martRows) {
	tb.Helper()
	for _, t := range warehouse.MartTables()[1:] {
		got := readMart(tb, db, t, martKeys[t.Name]...)
		exp := want[t.Name]
		require.Equal(tb, len(exp), len(got), "%s: row count", t.Name)
		bad := 0
		for k, row := range exp {
			g, ok := got[k]
			require.True(tb, ok, "%s: missing row %s", t.Name, k)
			for col, v := range row {
				if g[col] != v && bad < 5 {
					bad++
					tb.Errorf("%s[%s].%s = %s, oracle says %s", t.Name, k, col, g[col], v)
				}
			}
		}
		require.Zero(tb, bad, "%s differs from the oracle", t.Name)
	}
}
