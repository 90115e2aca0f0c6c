package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// The STAGING views: standardised types, trimmed text, derived amounts
// and date parts, and a validity verdict per order.
var (
	tblStgCustomers = Table{Layer: Staging, Name: "STG_CUSTOMERS", Comment: "Customers, trimmed and typed.", Columns: []Column{
		col("CUSTOMER_ID", dialect.Int(), ""), col("CUSTOMER_NAME", dialect.Text(), ""), col("EMAIL", dialect.Text(), "Lower case"),
		col("SEGMENT", dialect.Text(), ""), col("INDUSTRY", dialect.Text(), ""), col("CITY", dialect.Text(), ""),
		col("STATE", dialect.Text(), "Upper case"), col("CREATED_AT", dialect.Timestamp(), ""),
	}}
	tblStgProducts = Table{Layer: Staging, Name: "STG_PRODUCTS", Comment: "Products, trimmed and typed.", Columns: []Column{
		col("PRODUCT_ID", dialect.Int(), ""), col("PRODUCT_NAME", dialect.Text(), ""), col("CATEGORY", dialect.Text(), "Upper case"),
		col("UNIT_PRICE", dialect.Money(), ""), col("UNIT_COST", dialect.Money(), ""),
	}}
	tblStgSalesReps = Table{Layer: Staging, Name: "STG_SALES_REPS", Comment: "Sales reps, trimmed and typed.", Columns: []Column{
		col("REP_ID", dialect.Int(), ""), col("REP_NAME", dialect.Text(), ""), col("EMAIL", dialect.Text(), "Lower case"),
		col("REGION", dialect.Text(), ""), col("HIRE_DATE", dialect.Date(), ""), col("ANNUAL_QUOTA", dialect.Money(), ""),
	}}
	tblStgOrders = Table{Layer: Staging, Name: "STG_ORDERS", Comment: "Orders with amounts, date parts and a validity verdict.", Columns: []Column{
		col("ORDER_ID", dialect.Int(), ""), nullable(col("CUSTOMER_ID", dialect.Int(), "")), col("PRODUCT_ID", dialect.Int(), ""),
		col("REP_ID", dialect.Int(), ""), col("ORDER_DATE", dialect.Date(), ""),
		col("ORDER_WEEK", dialect.Date(), "Monday of the week"), col("ORDER_MONTH", dialect.Date(), ""),
		col("ORDER_QUARTER", dialect.Date(), ""), col("ORDER_YEAR", dialect.Int(), ""),
		col("QUANTITY", dialect.Int(), ""), col("UNIT_PRICE", dialect.Money(), ""), col("DISCOUNT_PCT", tblDiscountPct, ""),
		col("GROSS_AMOUNT", dialect.Money(), "QUANTITY × UNIT_PRICE"),
		col("DISCOUNT_AMOUNT", dialect.Money(), "GROSS_AMOUNT − NET_AMOUNT"),
		col("NET_AMOUNT", dialect.Money(), "ROUND(GROSS_AMOUNT × (1 − DISCOUNT_PCT), 2)"),
		col("STATUS", dialect.Text(), ""), col("CHANNEL", dialect.Text(), ""), col("LOADED_AT", dialect.Timestamp(), ""),
		nullable(col("INVALID_REASON", dialect.Text(), "The first quality rule the row breaks; NULL when valid")),
		col("IS_VALID", dialect.Bool(), "INVALID_REASON IS NULL"),
	}}
	tblDataQualitySummary = Table{Layer: Staging, Name: "DATA_QUALITY_SUMMARY", Comment: "Rows checked and failures per rule, per table.", Columns: []Column{
		col("TABLE_NAME", dialect.Text(), "RAW table"), col("RULE_NAME", dialect.Text(), "Quality rule"),
		col("ROWS_CHECKED", dialect.Int(), ""), col("FAILURES", dialect.Int(), ""),
	}}
)

// StagingViews lists the STAGING views in build order.
func StagingViews() []Table {
	return []Table{tblStgCustomers.clone(), tblStgProducts.clone(), tblStgSalesReps.clone(), tblStgOrders.clone(), tblDataQualitySummary.clone()}
}

// tblRefreshState records, per mart, what the last refresh folded in (embedded engine).
var tblRefreshState = Table{Layer: Marts, Name: "REFRESH_STATE", Comment: "The embedded refresher's bookkeeping.", Columns: []Column{
	col("MART_NAME", dialect.Text(), "Mart"),
	col("REFRESHED_AT", dialect.Timestamp(), "When the refresh committed"),
	nullable(col("WATERMARK", dialect.Timestamp(), "Latest RAW.ORDERS.LOADED_AT folded in")),
	col("RAW_ROWS", dialect.Int(), "RAW.ORDERS rows loaded at or before the watermark"),
	col("DIMENSIONS", dialect.Text(), "Fingerprint of the dimension tables folded in"),
	col("REFRESH_DATE", dialect.Date(), "The as-of date (SETTINGS) the future-date rule read"),
	col("KIND", dialect.Text(), "full or incremental"),
}}
