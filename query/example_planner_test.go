package query_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

func plannerCompiler(o query.Options) *query.Compiler {
	o.Dialect = dialect.DuckDB
	o.Now = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	c, err := query.New(semantic.SalesModel(), o)
	if err != nil {
		panic(err)
	}
	return c
}

// A request over FCT_ORDERS is answered from the smallest pre-aggregated mart
// that gives it exactly; Route and Explain say which, and why each smaller one
// could not. Options.NoRollups switches it off.
func ExampleCompiler_Compile_rollup() {
	c := plannerCompiler(query.Options{})
	q, err := c.Compile(query.Request{
		Metrics:    []string{"revenue", "orders"},
		Dimensions: []string{"product_name"},
		Dates:      &query.DateFilter{Range: query.Year(2025)},
		OrderBy:    []query.Order{query.Desc("revenue")},
		Limit:      10,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(q.Route.Table, q.Route.Rollup)
	for _, r := range q.Route.Rejected {
		fmt.Printf("not %s: %s\n", r.Table, r.Reason)
	}
	off, _ := plannerCompiler(query.Options{NoRollups: true}).Compile(query.Request{Metrics: []string{"revenue"}})
	fmt.Println(off.Route.Table)
	// Output:
	// SALES_BY_PRODUCT true
	// not SALES_BY_YEAR: SALES_BY_YEAR has no column for PRODUCT_NAME
	// not SALES_BY_SEGMENT_YEAR: SALES_BY_SEGMENT_YEAR has no column for PRODUCT_NAME
	// not SALES_BY_REGION_YEAR: SALES_BY_REGION_YEAR has no column for PRODUCT_NAME
	// not SALES_BY_INDUSTRY_YEAR: SALES_BY_INDUSTRY_YEAR has no column for PRODUCT_NAME
	// not SALES_BY_MONTH: SALES_BY_MONTH has no column for PRODUCT_NAME
	// not SALES_BY_REGION: SALES_BY_REGION has no column for PRODUCT_NAME
	// not SALES_BY_REP_YEAR: SALES_BY_REP_YEAR has no column for PRODUCT_NAME
	// not SALES_BY_REGION_CATEGORY: SALES_BY_REGION_CATEGORY has no column for PRODUCT_NAME
	// not SALES_BY_REP: SALES_BY_REP has no column for PRODUCT_NAME
	// not DAILY_SALES: DAILY_SALES has no column for PRODUCT_NAME
	// FCT_ORDERS
}

// Metrics of several tables: revenue from the orders, quota from the sales reps
// (a rate per month, summed over the months of the range), and attainment
// across both — each aggregated at its own table's grain, then joined, so the
// quota is never multiplied by the orders.
func ExampleCompiler_Compile_severalTables() {
	c := plannerCompiler(query.Options{})
	q, err := c.Compile(query.Request{
		Metrics:    []string{"revenue", "quota", "quota_attainment"},
		Dimensions: []string{"rep_id"},
		Time:       &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
		Dates:      &query.DateFilter{Range: query.Year(2025)},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(q.Route.Table)
	for _, col := range q.Columns {
		fmt.Println(col.Name, col.Kind, col.Scale, col.Field)
	}
	// An order's region is its rep's, as the warehouse declares: the quota is
	// grouped by the reps' own region. No rep has a sales channel.
	q, _ = c.Compile(query.Request{Metrics: []string{"quota_attainment"}, Dimensions: []string{"region"}, Dates: &query.DateFilter{Range: query.Year(2025)}})
	fmt.Println(q.Route.Table)
	_, err = c.Compile(query.Request{Metrics: []string{"revenue", "quota"}, Dimensions: []string{"channel"}, Dates: &query.DateFilter{Range: query.Year(2025)}})
	fmt.Println(errors.Is(err, query.ErrNotExact))
	fmt.Println(err)
	// Output:
	// SALES_BY_REP + STG_SALES_REPS
	// order_date_month date 0 orders.order_date
	// rep_id int 0 orders.rep_id
	// revenue decimal 2 orders.total_revenue
	// quota decimal 2 sales_reps.quota
	// quota_attainment decimal 4 quota_attainment
	// SALES_BY_REGION_YEAR + STG_SALES_REPS
	// true
	// query: sales_reps.quota cannot be computed exactly: it cannot be grouped by orders.channel: table sales_reps has no column that corresponds to it
}

// New and returning customers per month are metrics over the orders that read
// each customer's first order ever from the customers table.
func ExampleCompiler_Compile_newCustomers() {
	c := plannerCompiler(query.Options{})
	q, err := c.Compile(query.Request{
		Metrics: []string{"customers", "new_customers", "returning_customers"},
		Time:    &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
		Dates:   &query.DateFilter{Range: query.Year(2025)},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.Contains(q.SQL, `JOIN "MARTS"."SALES_BY_CUSTOMER" AS "customers"`))
	// Output: true
}

// Over whole months with nothing else narrowing the orders, new customers are
// the customers mart's rows counted by the month of their first order (each
// customer is new in one month only), without reading the orders; a filter on
// the orders, or part of a month, joins the orders to the customers as above.
func ExampleCompiler_Compile_newCustomersFromTheCustomersMart() {
	c := plannerCompiler(query.Options{})
	for _, where := range []query.Filter{nil, query.Eq("region", "East")} {
		q, err := c.Compile(query.Request{
			Metrics: []string{"customers", "new_customers"},
			Time:    &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
			Where:   where,
			Dates:   &query.DateFilter{Range: query.Year(2025)},
		})
		if err != nil {
			panic(err)
		}
		fmt.Println(q.Route.Distinct)
	}
	// Output:
	// SALES_BY_MONTH, SALES_BY_CUSTOMER
	// FCT_ORDERS
}

// A time dimension that declares stored date parts (order_date: ORDER_WEEK,
// ORDER_MONTH, ORDER_QUARTER) is grouped by the stored column instead of
// truncating the date on every row.
func ExampleCompiler_Compile_storedDateParts() {
	c := plannerCompiler(query.Options{})
	q, err := c.Compile(query.Request{
		Metrics:    []string{"revenue"},
		Dimensions: []string{"channel"},
		Time:       &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(q.SQL)
	// Output:
	// SELECT "orders"."ORDER_MONTH" AS "order_date_month", "orders"."CHANNEL" AS "channel", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."ORDER_MONTH", "orders"."CHANNEL" ORDER BY "order_date_month" ASC NULLS LAST, "channel" ASC NULLS LAST
}

// A request grouped by a mart's whole key — revenue by month and region, the
// key of SALES_BY_REGION — reads the mart's rows as they are: no GROUP BY.
func ExampleCompiler_Compile_wholeKey() {
	c := plannerCompiler(query.Options{})
	q, err := c.Compile(query.Request{
		Metrics:    []string{"revenue"},
		Dimensions: []string{"region"},
		Time:       &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
		Dates:      &query.DateFilter{Range: query.Year(2025)},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(q.Route.Table, strings.Contains(q.SQL, "GROUP BY"))
	// Output:
	// SALES_BY_REGION false
}
