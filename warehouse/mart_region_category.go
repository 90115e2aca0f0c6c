package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// tblSalesByRegionCategory is MARTS.SALES_BY_REGION_CATEGORY: one row per
// region, product category and month with orders. Like the year marts it is
// not a table the SPEC names: the query planner reads from it the sums by
// category — alone, or within a region (the regional view's top categories) —
// which SALES_BY_PRODUCT gives from rows per product, and SALES_BY_REGION not
// at all (4 regions × 5 categories × 24 months: 480 rows against 12,000).
var tblSalesByRegionCategory = Table{Layer: Marts, Name: "SALES_BY_REGION_CATEGORY", Comment: "Region × category × month.", Columns: []Column{
	col("REGION", dialect.Text(), "Sales region"),
	col("CATEGORY", dialect.Text(), "Product category"),
	col("MONTH", dialect.Date(), "First day of the month"),
	col("REVENUE", dialect.Money(), "Net revenue"),
	col("ORDERS", dialect.Int(), "Orders"),
	col("UNITS", dialect.Int(), "Units"),
}}

// SalesByRegionCategory returns MARTS.SALES_BY_REGION_CATEGORY: region ×
// category × month.
func SalesByRegionCategory() Table { return tblSalesByRegionCategory.clone() }

// salesByRegionCategory holds sums only: no distinct count, so any request by
// region, category and month (or coarser) re-aggregates from it exactly.
func salesByRegionCategory() Mart {
	t := tblSalesByRegionCategory.clone()
	keys := []KeyColumn{{"REGION", "REGION"}, {"CATEGORY", "CATEGORY"}, {"MONTH", "ORDER_MONTH"}}
	// INCREMENTAL: a GROUP BY per region, category and month, no window; new
	// orders touch the current months.
	m := Mart{Table: t, Key: keys, mode: RefreshIncremental, grain: dialect.Month,
		measures: []Measure{{"REVENUE", AggSum, "NET_AMOUNT"}, {"ORDERS", AggCount, ""}, {"UNITS", AggSum, "QUANTITY"}}}
	m.stages()
	m.enrich = func(b sqlb, from string) string { return project(b, t, nil, from) }
	return m
}
