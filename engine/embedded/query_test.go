package embedded_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// The reference evaluator answers a request over the sales model in Go, from the
// generator's rows: its own filter semantics, grouping, integer-cent metrics and
// ordering. It shares nothing with the compiler but the model's name lookup.

type rec struct {
	o datagen.Order
	c datagen.Customer
	p datagen.Product
	r datagen.Rep
}

func truncDate(t time.Time, g dialect.Grain) time.Time {
	switch g {
	case dialect.Week:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case dialect.Month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case dialect.Quarter:
		return time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
	case dialect.Year:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// value returns a row-level field: string, int64, bool, time.Time or
// decimal.Decimal (money and fractions).
func (x rec) value(name string) any {
	o := x.o
	switch name {
	case "order_id":
		return o.ID
	case "customer_id":
		return o.CustomerID
	case "customer_name":
		return x.c.Name
	case "segment":
		return x.c.Segment
	case "industry":
		return x.c.Industry
	case "state":
		return x.c.State
	case "product_id":
		return o.ProductID
	case "product_name":
		return x.p.Name
	case "category":
		return x.p.Category
	case "rep_id":
		return o.RepID
	case "rep_name":
		return x.r.Name
	case "region":
		return x.r.Region
	case "status":
		return o.Status
	case "channel":
		return o.Channel
	case "is_discounted":
		return o.Discount > 0
	case "order_date":
		return o.OrderDate
	case "order_week":
		return truncDate(o.OrderDate, dialect.Week)
	case "order_month":
		return truncDate(o.OrderDate, dialect.Month)
	case "order_quarter":
		return truncDate(o.OrderDate, dialect.Quarter)
	case "order_year":
		return int64(o.OrderDate.Year())
	case "quantity":
		return o.Quantity
	case "net_amount":
		return o.NetAmount().Decimal()
	case "gross_amount":
		return datagen.GrossAmount(o.Quantity, o.UnitPrice).Decimal()
	case "discount_amount":
		return (datagen.GrossAmount(o.Quantity, o.UnitPrice) - o.NetAmount()).Decimal()
	case "unit_price":
		return o.UnitPrice.Decimal()
	case "discount_pct":
		return o.Discount.Decimal()
	}
	panic("no field " + name)
}

func compare(a, b any) int {
	switch x := a.(type) {
	case string:
		return strings.Compare(x, b.(string))
	case bool:
		y := b.(bool)
		if x == y {
			return 0
		}
		if !x {
			return -1
		}
		return 1
	case time.Time:
		return x.Compare(b.(time.Time))
	case int64:
		if y, ok := b.(int64); ok {
			return decimal.NewFromInt(x).Cmp(decimal.NewFromInt(y))
		}
		return decimal.NewFromInt(x).Cmp(b.(decimal.Decimal))
	case decimal.Decimal:
		return x.Cmp(b.(decimal.Decimal))
	}
	panic(fmt.Sprintf("compare %T", a))
}

// operand converts a filter value to the Go type of field value v.
func operand(v, want any) any {
	switch want.(type) {
	case int64, decimal.Decimal:
		switch x := v.(type) {
		case int:
			return decimal.NewFromInt(int64(x))
		case string:
			return decimal.RequireFromString(x)
		}
	case time.Time:
		if s, ok := v.(string); ok {
			t, _ := time.Parse(time.DateOnly, s)
			return t
		}
	}
	return v
}

func likeRE(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for _, r := range pattern {
		switch r {
		case '%':
			b.WriteString(".*")
		case '_':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return regexp.MustCompile(b.String() + "$")
}

func holds(f query.Filter, get func(string) any) bool {
	switch f := f.(type) {
	case query.Cmp:
		v := get(f.Field)
		switch f.Op {
		case query.OpIn, query.OpNotIn:
			in := false
			for _, w := range f.Values {
				in = in || compare(v, operand(w, v)) == 0
			}
			return in == (f.Op == query.OpIn)
		case query.OpBetween:
			return compare(v, operand(f.Values[0], v)) >= 0 && compare(v, operand(f.Values[1], v)) <= 0
		case query.OpLike:
			return likeRE(f.Values[0].(string)).MatchString(v.(string))
		}
		c := compare(v, operand(f.Values[0], v))
		return map[query.Op]bool{query.OpEq: c == 0, query.OpNe: c != 0, query.OpLt: c < 0, query.OpLe: c <= 0, query.OpGt: c > 0, query.OpGe: c >= 0}[f.Op]
	case query.AndFilter:
		for _, p := range f {
			if !holds(p, get) {
				return false
			}
		}
		return true
	case query.OrFilter:
		for _, p := range f {
			if holds(p, get) {
				return true
			}
		}
		return false
	case query.NotFilter:
		return !holds(f.X, get)
	}
	panic(fmt.Sprintf("filter %T", f))
}

func namedFilter(name string, x rec) bool {
	switch name {
	case "completed_orders":
		return x.o.Status == "Completed"
	case "online_orders":
		return x.o.Channel == "Online"
	case "enterprise_customers":
		return x.c.Segment == "Enterprise"
	case "discounted_only":
		return x.o.Discount > 0
	}
	panic("filter " + name)
}

// dateWindow resolves the ranges the cases use, as of querytest.Now() (2026-01-01).
func dateWindow(tb testing.TB, r query.DateRange) (time.Time, time.Time) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	switch {
	case r.Relative == "" && !r.Previous:
		return r.From, r.To
	case r.Relative == "" && r.Previous && r.From.Equal(d("2025-01-01")) && r.To.Equal(d("2025-06-30")):
		return d("2024-07-04"), d("2024-12-31") // the 181 days before
	case r.Relative == query.LastMonth:
		return d("2025-12-01"), d("2025-12-31")
	case r.Relative == query.YearToDate:
		return d("2026-01-01"), d("2026-01-01")
	case r.Relative == query.LastDays && r.N == 30:
		return d("2025-12-02"), d("2025-12-31")
	}
	tb.Fatalf("the reference has no window for %+v", r)
	return time.Time{}, time.Time{}
}

type group struct {
	key  []any
	rows []rec
}

func metric(name string, rows []rec) any {
	var net, gross, price, bp, qty int64
	ids, cust, prods, disc := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	for _, x := range rows {
		n := int64(x.o.NetAmount())
		g := int64(datagen.GrossAmount(x.o.Quantity, x.o.UnitPrice))
		net, gross, price, bp, qty = net+n, gross+g, price+int64(x.o.UnitPrice), bp+int64(x.o.Discount), qty+x.o.Quantity
		ids[x.o.ID], cust[x.o.CustomerID], prods[x.o.ProductID] = true, true, true
		if x.o.Discount > 0 {
			disc[x.o.ID] = true
		}
	}
	cents := func(c int64) any { return decimal.New(c, -2) }
	ratio := func(a, b int64, scale int32) any {
		if b == 0 {
			return nil
		}
		return decimal.New(roundDiv(a, b), -scale)
	}
	if len(rows) == 0 && name != "order_count" && name != "distinct_customers" && name != "discounted_orders" && name != "distinct_products" {
		return nil // SUM over no rows is NULL
	}
	switch name {
	case "total_revenue", "net_amount":
		return cents(net)
	case "gross_revenue":
		return cents(gross)
	case "total_discount":
		return cents(gross - net)
	case "units_sold", "quantity":
		return decimal.NewFromInt(qty)
	case "order_count":
		return decimal.NewFromInt(int64(len(ids)))
	case "distinct_customers":
		return decimal.NewFromInt(int64(len(cust)))
	case "distinct_products":
		return decimal.NewFromInt(int64(len(prods)))
	case "discounted_orders":
		return decimal.NewFromInt(int64(len(disc)))
	case "average_order_value":
		return ratio(net, int64(len(ids)), 2)
	case "revenue_per_customer":
		return ratio(net, int64(len(cust)), 2)
	case "average_unit_price":
		return ratio(price, int64(len(rows)), 2)
	case "average_discount":
		return ratio(bp, int64(len(rows)), 4)
	}
	panic("metric " + name)
}

// reference answers a request; cells are canonical strings.
func reference(tb testing.TB, m *semantic.Model, recs []rec, req query.Request) [][]string {
	canon := func(name string) string {
		f, err := m.Lookup(name)
		require.NoError(tb, err)
		return f.Name
	}
	var keys []func(rec) any
	var names []string
	if req.Time != nil {
		dim, g := canon(req.Time.Dimension), req.Time.Grain
		names = append(names, dim+"_"+string(g))
		keys = append(keys, func(x rec) any {
			v := x.value(dim)
			if t, ok := v.(time.Time); ok {
				return truncDate(t, g)
			}
			return v
		})
	}
	for _, d := range req.Dimensions {
		d := canon(d)
		names = append(names, d)
		keys = append(keys, func(x rec) any { return x.value(d) })
	}
	metrics := make([]string, len(req.Metrics))
	for i, mt := range req.Metrics {
		metrics[i] = canon(mt)
	}
	var from, to time.Time
	if req.Dates != nil {
		from, to = dateWindow(tb, req.Dates.Range)
	}
	groups := map[string]*group{}
	var order []string
	if len(keys) == 0 {
		groups[""] = &group{}
		order = append(order, "")
	}
	for _, x := range recs {
		get := func(n string) any { return x.value(canon(n)) }
		if req.Where != nil && !holds(req.Where, get) {
			continue
		}
		skip := false
		for _, nf := range req.Filters {
			skip = skip || !namedFilter(canon(nf), x)
		}
		if req.Dates != nil && (x.o.OrderDate.Before(from) || x.o.OrderDate.After(to)) {
			skip = true
		}
		if skip {
			continue
		}
		var kv []any
		var ks []string
		for _, k := range keys {
			v := k(x)
			kv = append(kv, v)
			ks = append(ks, fmt.Sprint(v))
		}
		id := strings.Join(ks, "\x00")
		g, ok := groups[id]
		if !ok {
			g = &group{key: kv}
			groups[id] = g
			order = append(order, id)
		}
		g.rows = append(g.rows, x)
	}
	type out struct {
		key  []any
		vals []any
	}
	var rows []out
	for _, id := range order {
		g := groups[id]
		o := out{key: g.key}
		for _, mt := range metrics {
			o.vals = append(o.vals, metric(mt, g.rows))
		}
		if req.Having != nil && !holds(req.Having, func(n string) any {
			for i, mt := range metrics {
				if mt == canon(n) {
					return o.vals[i]
				}
			}
			return metric(canon(n), g.rows)
		}) {
			continue
		}
		rows = append(rows, o)
	}
	// ORDER BY the requested fields, then every time/dimension column ascending.
	colOf := func(name string) (int, bool) {
		name = canon(name)
		for i, n := range names {
			if n == name || strings.HasPrefix(n, name+"_") {
				return i, true
			}
		}
		for i, mt := range metrics {
			if mt == name {
				return len(names) + i, false
			}
		}
		tb.Fatalf("order by %s", name)
		return 0, false
	}
	sort.SliceStable(rows, func(i, j int) bool {
		cell := func(o out, c int, isKey bool) any {
			if isKey {
				return o.key[c]
			}
			return o.vals[c-len(names)]
		}
		for _, ob := range req.OrderBy {
			c, isKey := colOf(ob.Field)
			a, b := cell(rows[i], c, isKey), cell(rows[j], c, isKey)
			if cmp := compare(a, b); cmp != 0 {
				return (cmp < 0) != ob.Desc
			}
		}
		for c := range names {
			if cmp := compare(rows[i].key[c], rows[j].key[c]); cmp != 0 {
				return cmp < 0
			}
		}
		return false
	})
	if req.Offset > 0 {
		rows = rows[min(req.Offset, len(rows)):]
	}
	if req.Limit > 0 && len(rows) > req.Limit {
		rows = rows[:req.Limit]
	}
	var res [][]string
	for _, o := range rows {
		var line []string
		for _, v := range append(append([]any{}, o.key...), o.vals...) {
			line = append(line, cellString(v))
		}
		res = append(res, line)
	}
	return res
}

func cellString(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case time.Time:
		return x.Format(time.DateOnly)
	case decimal.Decimal:
		return x.String()
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return fmt.Sprint(v)
}

// Every golden query, run on the embedded engine, equals the reference to the
// cent — including the empty result, paging and HAVING.
func TestGoldenQueriesEqualTheReference(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(0.2, 0.01)
	mustSetup(t, eng, o)
	g := generator(t, o)
	var recs []rec
	for _, x := range validOrders(g) {
		recs = append(recs, rec{o: x, c: g.Customer(x.CustomerID - 1), p: g.Products()[x.ProductID-1], r: g.Reps()[x.RepID-1]})
	}
	m := semantic.SalesModel()
	c, err := query.New(m, query.Options{Dialect: dialect.DuckDB, Now: func() time.Time { return querytest.Now() }})
	require.NoError(t, err)
	for _, tc := range querytest.All() {
		t.Run(tc.Name, func(t *testing.T) {
			q, err := c.Compile(tc.Req)
			require.NoError(t, err)
			res, err := q.Run(context.Background(), eng.DB())
			require.NoError(t, err)
			var got [][]string
			for _, row := range res.Rows {
				var line []string
				for _, v := range row {
					if d, ok := v.(decimal.Decimal); ok {
						v = d // compared by value: 10.50 = 10.5
					}
					if i, ok := v.(int64); ok {
						v = decimal.NewFromInt(i)
					}
					line = append(line, cellString(v))
				}
				got = append(got, line)
			}
			want := reference(t, m, recs, tc.Req)
			require.Equal(t, want, got)
			if tc.Name != "year_to_date_is_empty" {
				require.NotEmpty(t, got, "a case should return rows")
			}
		})
	}
}
