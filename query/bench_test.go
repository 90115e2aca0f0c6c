package query_test

import (
	"time"

	"fmt"
	"testing"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/benchcpu"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// BenchmarkCompileDashboard compiles a typical dashboard query: 3 metrics, 2
// dimensions, a time grain and 2 filters. Target: ≤ 20 µs.
func BenchmarkCompileDashboard(b *testing.B) {
	c := compiler(b, dialect.Snowflake)
	req := query.Request{
		Metrics:    []string{"revenue", "orders", "aov"},
		Dimensions: []string{"region", "segment"},
		Time:       &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month},
		Where:      query.And(query.In("channel", "Online", "Phone"), query.Ge("quantity", 2)),
	}
	defer benchcpu.PerOp(b)()
	for b.Loop() {
		if _, err := c.Compile(req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileRouted compiles the dashboard's region KPIs (revenue, orders
// and AOV by region over 2025) with aggregate awareness on, in each dialect:
// planned over FCT_ORDERS, then answered from SALES_BY_REGION. Target: ≤ 20 µs.
func BenchmarkCompileRouted(b *testing.B) {
	for _, d := range dialect.All() {
		b.Run(string(d), func(b *testing.B) {
			c := compiler(b, d)
			defer benchcpu.PerOp(b)()
			for b.Loop() {
				q, err := c.Compile(querytest.RegionKPIs2025())
				if err != nil || !q.Route.Rollup {
					b.Fatal(err, q.Route)
				}
			}
		})
	}
}

// BenchmarkCompileApart compiles, in each dialect, the regional view's
// regions over the first half of 2025 (revenue, orders, customers and AOV by
// region, revenue compared with the half before, revenue's share), whose
// distinct count is computed apart from the sums: four plans (the whole, the
// sums, the count, the comparison's sums), two of them routed to a mart. (Over
// a whole year SALES_BY_REGION_YEAR answers it whole.)
func BenchmarkCompileApart(b *testing.B) {
	req := query.Request{Metrics: []string{"revenue", "orders", "customers", "aov"}, Dimensions: []string{"region"},
		Dates:   &query.DateFilter{Range: query.Dates(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC))},
		Compare: &query.Compare{To: query.ComparePrevious, Metrics: []string{"revenue"}},
		Shares:  []query.Share{{Metric: "revenue"}}, OrderBy: []query.Order{query.Desc("revenue")}}
	for _, d := range dialect.All() {
		b.Run(string(d), func(b *testing.B) {
			c := compiler(b, d)
			defer benchcpu.PerOp(b)()
			for b.Loop() {
				q, err := c.Compile(req)
				if err != nil || q.Route.Distinct == "" {
					b.Fatal(err, q.Route)
				}
			}
		})
	}
}

// BenchmarkCompileWide compiles m metrics × d dimensions over a model built to
// have them. Target: 20 × 10 ≤ 150 µs, growing linearly.
func BenchmarkCompileWide(b *testing.B) {
	for _, size := range [][2]int{{5, 3}, {10, 5}, {20, 10}, {40, 20}} {
		m, d := size[0], size[1]
		b.Run(fmt.Sprintf("%dx%d", m, d), func(b *testing.B) {
			model := wideModel(b, m, d)
			c, err := query.New(model, query.Options{Dialect: dialect.Snowflake})
			if err != nil {
				b.Fatal(err)
			}
			req := query.Request{}
			for i := range m {
				req.Metrics = append(req.Metrics, fmt.Sprintf("m%02d", i))
			}
			for i := range d {
				req.Dimensions = append(req.Dimensions, fmt.Sprintf("d%02d", i))
			}
			for b.Loop() {
				if _, err := c.Compile(req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// wideModel has d dimensions and m metrics over one table, half of them ratios.
func wideModel(tb testing.TB, m, d int) *semantic.Model {
	tb.Helper()
	t := semantic.Table{Name: "facts", BaseTable: semantic.BaseTable{Database: "DB", Schema: "S", Table: "T"}}
	for i := range d {
		t.Dimensions = append(t.Dimensions, semantic.Dimension{Name: fmt.Sprintf("d%02d", i), Expr: fmt.Sprintf("D%02d", i), DataType: "VARCHAR"})
	}
	t.Facts = []semantic.Fact{{Name: "amount", Expr: "AMOUNT", DataType: "NUMBER(38,2)"}, {Name: "id", Expr: "ID", DataType: "NUMBER(38,0)"}}
	for i := range m {
		expr := "SUM(facts.amount)"
		if i%2 == 1 {
			expr = "SUM(facts.amount) / NULLIF(COUNT(DISTINCT facts.id), 0)"
		}
		t.Metrics = append(t.Metrics, semantic.Metric{Name: fmt.Sprintf("m%02d", i), Expr: expr})
	}
	model := &semantic.Model{Name: "wide", Tables: []semantic.Table{t}}
	if err := model.Validate(); err != nil {
		tb.Fatal(err)
	}
	return model
}
