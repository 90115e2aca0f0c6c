package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// tblSalesByMonth is MARTS.SALES_BY_MONTH: one row per calendar month with
// orders. Like SALES_BY_CUSTOMER_YEAR it is not a table the SPEC names: the
// query planner reads a month's distinct customers from it, which no mart by
// region, rep or day can give (a customer orders in several regions).
var tblSalesByMonth = Table{Layer: Marts, Name: "SALES_BY_MONTH", Comment: "Month.", Columns: []Column{
	col("MONTH", dialect.Date(), "First day of the month"),
	col("REVENUE", dialect.Money(), "Net revenue"),
	col("ORDERS", dialect.Int(), "Orders"),
	col("UNITS", dialect.Int(), "Units"),
	col("CUSTOMERS", dialect.Int(), "Distinct customers"),
}}

// SalesByMonth returns MARTS.SALES_BY_MONTH: month.
func SalesByMonth() Table { return tblSalesByMonth.clone() }

// salesByMonth answers, for the query planner, the distinct customers of each
// whole month (its stored count, read only where the request is by month or
// over one month), and the month's sums from its 24 rows.
func salesByMonth() Mart {
	t := tblSalesByMonth.clone()
	// INCREMENTAL: a GROUP BY per month, no window; new orders touch the
	// current month.
	m := Mart{Table: t, Key: []KeyColumn{{"MONTH", "ORDER_MONTH"}}, mode: RefreshIncremental, grain: dialect.Month,
		measures: []Measure{{"REVENUE", AggSum, "NET_AMOUNT"}, {"ORDERS", AggCount, ""}, {"UNITS", AggSum, "QUANTITY"},
			{"CUSTOMERS", AggCountDistinct, "CUSTOMER_ID"}}}
	m.stages()
	m.enrich = func(b sqlb, from string) string { return project(b, t, nil, from) }
	return m
}
