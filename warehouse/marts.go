package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// tblRatio is the type of fractions such as growth and quota attainment: 0.0525 is
// 5.25%.
var tblRatio = dialect.Decimal(38, 4)

// tblFctOrders is MARTS.FCT_ORDERS: every valid order, denormalised, with zero NULL
// dimension values. The semantic model's logical table "orders" sits on
// it.
var tblFctOrders = Table{Layer: Marts, Name: "FCT_ORDERS", Comment: "Every valid order, denormalised.", Columns: []Column{
	col("ORDER_ID", dialect.Int(), "Order key"),
	col("ORDER_DATE", dialect.Date(), "Order date"),
	col("ORDER_WEEK", dialect.Date(), "Monday of the order's week"),
	col("ORDER_MONTH", dialect.Date(), "First day of the order's month"),
	col("ORDER_QUARTER", dialect.Date(), "First day of the order's quarter"),
	col("ORDER_YEAR", dialect.Int(), "Order year"),
	col("CUSTOMER_ID", dialect.Int(), "Customer key"),
	col("CUSTOMER_NAME", dialect.Text(), "Customer name"),
	col("SEGMENT", dialect.Text(), "Customer segment"),
	col("INDUSTRY", dialect.Text(), "Customer industry"),
	col("STATE", dialect.Text(), "Customer state"),
	col("CITY", dialect.Text(), "Customer city"),
	col("PRODUCT_ID", dialect.Int(), "Product key"),
	col("PRODUCT_NAME", dialect.Text(), "Product name"),
	col("CATEGORY", dialect.Text(), "Product category"),
	col("REP_ID", dialect.Int(), "Sales rep key"),
	col("REP_NAME", dialect.Text(), "Sales rep name"),
	col("REGION", dialect.Text(), "Sales region"),
	col("STATUS", dialect.Text(), "Order status"),
	col("CHANNEL", dialect.Text(), "Sales channel"),
	col("IS_DISCOUNTED", dialect.Bool(), "Whether a discount applied"),
	col("QUANTITY", dialect.Int(), "Units"),
	col("UNIT_PRICE", dialect.Money(), "Unit price, USD"),
	col("DISCOUNT_PCT", tblDiscountPct, "Discount fraction"),
	col("GROSS_AMOUNT", dialect.Money(), "QUANTITY × UNIT_PRICE"),
	col("DISCOUNT_AMOUNT", dialect.Money(), "GROSS_AMOUNT − NET_AMOUNT"),
	col("NET_AMOUNT", dialect.Money(), "ROUND(GROSS_AMOUNT × (1 − DISCOUNT_PCT), 2)"),
	col("LOADED_AT", dialect.Timestamp(), "When the order's RAW row was loaded"),
}}

// The aggregate marts. Every revenue column sums, to the cent, to
// SUM(FCT_ORDERS.NET_AMOUNT).
var (
	tblDailySales = Table{Layer: Marts, Name: "DAILY_SALES", Comment: "Day × region.", Columns: []Column{
		col("SALES_DATE", dialect.Date(), "Day"),
		col("REGION", dialect.Text(), "Sales region"),
		col("REVENUE", dialect.Money(), "Net revenue"),
		col("GROSS_REVENUE", dialect.Money(), "Gross revenue"),
		col("DISCOUNTS", dialect.Money(), "Discounts given"),
		col("ORDERS", dialect.Int(), "Orders"),
		col("UNITS", dialect.Int(), "Units"),
		col("CUSTOMERS", dialect.Int(), "Distinct customers"),
		nullable(col("AOV", dialect.Money(), "Revenue per order")),
		col("RUNNING_REVENUE", dialect.Money(), "Revenue of the region to date"),
		col("REVENUE_7D_AVG", dialect.Money(), "Mean daily revenue over the last 7 calendar days; days without sales count as zero"),
	}}
	tblSalesByRegion = Table{Layer: Marts, Name: "SALES_BY_REGION", Comment: "Region × month.", Columns: []Column{
		col("REGION", dialect.Text(), "Sales region"),
		col("MONTH", dialect.Date(), "First day of the month"),
		col("REVENUE", dialect.Money(), "Net revenue"),
		col("ORDERS", dialect.Int(), "Orders"),
		col("UNITS", dialect.Int(), "Units"),
		col("CUSTOMERS", dialect.Int(), "Distinct customers"),
		nullable(col("AOV", dialect.Money(), "Revenue per order")),
		nullable(col("MOM_GROWTH", tblRatio, "Revenue change against the month before, as a fraction; NULL without that month")),
		col("RUNNING_REVENUE", dialect.Money(), "Revenue of the region to date"),
		col("REVENUE_3M_AVG", dialect.Money(), "Mean monthly revenue over the last 3 calendar months; months without sales count as zero"),
	}}
	tblSalesByProduct = Table{Layer: Marts, Name: "SALES_BY_PRODUCT", Comment: "Product × month.", Columns: []Column{
		col("PRODUCT_ID", dialect.Int(), "Product key"),
		col("PRODUCT_NAME", dialect.Text(), "Product name"),
		col("CATEGORY", dialect.Text(), "Category"),
		col("MONTH", dialect.Date(), "First day of the month"),
		col("REVENUE", dialect.Money(), "Net revenue"),
		col("UNITS", dialect.Int(), "Units"),
		col("ORDERS", dialect.Int(), "Orders"),
		col("CATEGORY_RANK", dialect.Int(), "Rank by revenue within the category and month (1 is first; ties share a rank)"),
	}}
	tblSalesByCustomer = Table{Layer: Marts, Name: "SALES_BY_CUSTOMER", Comment: "One row per customer who ordered.", Columns: []Column{
		col("CUSTOMER_ID", dialect.Int(), "Customer key"),
		col("CUSTOMER_NAME", dialect.Text(), "Customer name"),
		col("SEGMENT", dialect.Text(), "Segment"),
		col("INDUSTRY", dialect.Text(), "Industry"),
		col("LIFETIME_REVENUE", dialect.Money(), "Net revenue over all orders"),
		col("ORDERS", dialect.Int(), "Orders"),
		col("FIRST_ORDER_DATE", dialect.Date(), "First order"),
		col("LAST_ORDER_DATE", dialect.Date(), "Latest order"),
		nullable(col("AOV", dialect.Money(), "Revenue per order")),
	}}
	tblSalesByRep = Table{Layer: Marts, Name: "SALES_BY_REP", Comment: "Sales rep × month.", Columns: []Column{
		col("REP_ID", dialect.Int(), "Rep key"),
		col("REP_NAME", dialect.Text(), "Rep name"),
		col("REGION", dialect.Text(), "Region"),
		col("MONTH", dialect.Date(), "First day of the month"),
		col("REVENUE", dialect.Money(), "Net revenue"),
		col("ORDERS", dialect.Int(), "Orders"),
		col("CUSTOMERS", dialect.Int(), "Distinct customers"),
		col("ANNUAL_QUOTA", dialect.Money(), "The rep's annual quota"),
		col("MONTHLY_QUOTA", dialect.Money(), "A twelfth of the annual quota"),
		nullable(col("QUOTA_ATTAINMENT", tblRatio, "Revenue as a fraction of the monthly quota")),
	}}
)

// MartTables lists the marts in build order: FCT_ORDERS first, the aggregates on it.
func MartTables() []Table {
	return []Table{tblFctOrders.clone(), tblDailySales.clone(), tblSalesByRegion.clone(), tblSalesByProduct.clone(), tblSalesByCustomer.clone(), tblSalesByRep.clone(), tblSalesByCustomerYear.clone(), tblSalesByMonth.clone(),
		tblSalesByYear.clone(), tblSalesByRegionYear.clone(), tblSalesByRepYear.clone(), tblSalesBySegmentYear.clone(), tblSalesByIndustryYear.clone(), tblSalesByRegionCategory.clone()}
}
