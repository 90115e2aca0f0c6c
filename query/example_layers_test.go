package query_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// exampleCompiler compiles for Snowflake with the clock at 2026-01-01.
func exampleCompiler() *query.Compiler {
	c, err := query.New(semantic.SalesModel(), query.Options{
		Dialect: dialect.Snowflake,
		Now:     func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		panic(err)
	}
	return c
}

// printColumns prints a compiled query's columns: name, kind and role.
func printColumns(q *query.Query, err error) {
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range q.Columns {
		fmt.Println(c.Name, c.Kind, c.Role)
	}
}

// Revenue by category in 2025 against 2024, keeping the categories that
// shrank: each compared metric gives its base, delta and percentage.
func ExampleCompare() {
	q, err := exampleCompiler().Compile(query.Request{
		Metrics:    []string{"revenue"},
		Dimensions: []string{"category"},
		Dates:      &query.DateFilter{Range: query.Year(2025)},
		Compare:    &query.Compare{To: query.ComparePrevious, Having: query.Lt("revenue_delta", 0)},
	})
	printColumns(q, err)
	// Output:
	// category text dimension
	// revenue decimal metric
	// revenue_base decimal base
	// revenue_delta decimal delta
	// revenue_pct decimal pct
	// partial bool flag
	// base_partial bool flag
}

// The previous period of a whole calendar year is the previous year; of other
// days, as many days just before.
func ExampleCompare_ComparisonPeriod() {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	for _, r := range [][2]string{{"2025-01-01", "2025-12-31"}, {"2025-06-09", "2025-06-15"}} {
		from, to, _ := query.Compare{To: query.ComparePrevious}.ComparisonPeriod(d(r[0]), d(r[1]), d("2026-01-01"))
		fmt.Println(from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	from, to, _ := query.Compare{To: query.CompareYearAgo}.ComparisonPeriod(d("2024-02-01"), d("2024-02-29"), d("2026-01-01"))
	fmt.Println(from.Format(time.DateOnly), to.Format(time.DateOnly))
	// Output:
	// 2024-01-01 2024-12-31
	// 2025-06-02 2025-06-08
	// 2023-02-01 2023-02-28
}

// Each category's share of its region's revenue, as an exact fraction.
func ExampleShare() {
	q, err := exampleCompiler().Compile(query.Request{
		Metrics:    []string{"revenue"},
		Dimensions: []string{"region", "category"},
		Shares:     []query.Share{{Metric: "revenue", Within: []string{"region"}}},
	})
	printColumns(q, err)
	fmt.Println(strings.Contains(q.SQL, `SUM(x."revenue") OVER (PARTITION BY x."region")`))
	// Output:
	// region text dimension
	// category text dimension
	// revenue decimal metric
	// revenue_share decimal share
	// true
}

// The best seller of each category: ranked by revenue, ties broken by the
// product's name, cut with QUALIFY.
func ExampleRank() {
	q, err := exampleCompiler().Compile(query.Request{
		Metrics:    []string{"revenue"},
		Dimensions: []string{"category", "product_name"},
		Rank:       &query.Rank{Within: []string{"category"}, Top: 1},
	})
	printColumns(q, err)
	cut := q.SQL[strings.Index(q.SQL, "QUALIFY"):]
	fmt.Println(cut[:strings.Index(cut, " <= 1")+5])
	// Output:
	// category text dimension
	// product_name text dimension
	// revenue decimal metric
	// rank int rank
	// QUALIFY ROW_NUMBER() OVER (PARTITION BY x."category" ORDER BY x."revenue" DESC NULLS LAST, x."product_name" ASC NULLS LAST) <= 1
}

// The top 3 products and an Other row holding the rest, so the rows sum to
// the whole; an Other row of an average is refused.
func ExampleRank_other() {
	c := exampleCompiler()
	q, err := c.Compile(query.Request{
		Metrics:    []string{"revenue"},
		Dimensions: []string{"product_name"},
		Rank:       &query.Rank{Top: 3, Other: true},
	})
	printColumns(q, err)
	_, err = c.Compile(query.Request{
		Metrics:    []string{"aov"},
		Dimensions: []string{"product_name"},
		Rank:       &query.Rank{Top: 3, Other: true},
	})
	fmt.Println(err)
	// Output:
	// product_name text dimension
	// revenue decimal metric
	// rank int rank
	// other bool flag
	// other_count int flag
	// query: invalid request: other of aov cannot be computed exactly: its parts do not sum to the whole (only sums and counts do); ask for the top N without an Other row
}

// Revenue by month with its running total, 3-month moving average and year to
// date; months without orders are there, as 0.
func ExampleWindow() {
	q, err := exampleCompiler().Compile(query.Request{
		Metrics: []string{"revenue"},
		Time:    &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
		Dates:   &query.DateFilter{Range: query.Year(2025)},
		Windows: []query.Window{
			{Metric: "revenue", Kind: query.Running},
			{Metric: "revenue", Kind: query.MovingAvg, Periods: 3},
			{Metric: "revenue", Kind: query.ToDate, ToDate: query.ByYear},
		},
	})
	printColumns(q, err)
	fmt.Println(len(q.Args)-2, "months generated")
	// Output:
	// order_date_month date time
	// revenue decimal metric
	// revenue_running decimal window
	// revenue_moving_avg_3 decimal window
	// revenue_ytd decimal window
	// 12 months generated
}

// Mean revenue per month over 2025, months without orders counting as zero.
func ExamplePerPeriod() {
	q, err := exampleCompiler().Compile(query.Request{
		Metrics:   []string{"revenue", "orders"},
		Dates:     &query.DateFilter{Range: query.Year(2025)},
		PerPeriod: &query.PerPeriod{Grain: query.ByMonth},
	})
	printColumns(q, err)
	fmt.Println(strings.Contains(q.SQL, "COALESCE(SUM(x.\"revenue\"), 0)) / NULLIF(12, 0)"))
	// Output:
	// revenue_per_month decimal metric
	// orders_per_month decimal metric
	// true
}
