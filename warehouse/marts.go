package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// FctOrders is MARTS.FCT_ORDERS: every valid order, denormalised, with zero NULL
// dimension values (SPEC §2.3). The semantic model's logical table "orders" sits on
// it.
var FctOrders = Table{Layer: Marts, Name: "FCT_ORDERS", Comment: "Every valid order, denormalised.", Columns: []Column{
	col("ORDER_ID", dialect.Int, "Order key"),
	col("ORDER_DATE", dialect.Date, "Order date"),
	col("ORDER_WEEK", dialect.Date, "Monday of the order's week"),
	col("ORDER_MONTH", dialect.Date, "First day of the order's month"),
	col("ORDER_QUARTER", dialect.Date, "First day of the order's quarter"),
	col("ORDER_YEAR", dialect.Int, "Order year"),
	col("CUSTOMER_ID", dialect.Int, "Customer key"),
	col("CUSTOMER_NAME", dialect.Text, "Customer name"),
	col("SEGMENT", dialect.Text, "Customer segment"),
	col("INDUSTRY", dialect.Text, "Customer industry"),
	col("STATE", dialect.Text, "Customer state"),
	col("CITY", dialect.Text, "Customer city"),
	col("PRODUCT_ID", dialect.Int, "Product key"),
	col("PRODUCT_NAME", dialect.Text, "Product name"),
	col("CATEGORY", dialect.Text, "Product category"),
	col("REP_ID", dialect.Int, "Sales rep key"),
	col("REP_NAME", dialect.Text, "Sales rep name"),
	col("REGION", dialect.Text, "Sales region"),
	col("STATUS", dialect.Text, "Order status"),
	col("CHANNEL", dialect.Text, "Sales channel"),
	col("IS_DISCOUNTED", dialect.Bool, "Whether a discount applied"),
	col("QUANTITY", dialect.Int, "Units"),
	col("UNIT_PRICE", dialect.Money, "Unit price, USD"),
	col("DISCOUNT_PCT", DiscountPct, "Discount fraction"),
	col("GROSS_AMOUNT", dialect.Money, "QUANTITY × UNIT_PRICE"),
	col("DISCOUNT_AMOUNT", dialect.Money, "GROSS_AMOUNT − NET_AMOUNT"),
	col("NET_AMOUNT", dialect.Money, "ROUND(GROSS_AMOUNT × (1 − DISCOUNT_PCT), 2)"),
}}
