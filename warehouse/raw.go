package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// tblDiscountPct is the type of ORDERS.DISCOUNT_PCT: a fraction with four decimals.
var tblDiscountPct = dialect.Decimal(10, 4)

// The RAW tables, loaded by the generator.
var (
	tblRawCustomers = Table{Layer: Raw, Name: "CUSTOMERS", Comment: "Customers, as loaded from the source.", Columns: []Column{
		col("CUSTOMER_ID", dialect.Int(), "Customer key"),
		col("CUSTOMER_NAME", dialect.Text(), "Full name"),
		col("EMAIL", dialect.Text(), "E-mail address"),
		col("SEGMENT", dialect.Text(), "Enterprise, SMB or Consumer"),
		col("INDUSTRY", dialect.Text(), "Industry"),
		col("CITY", dialect.Text(), "City"),
		col("STATE", dialect.Text(), "US state code"),
		col("CREATED_AT", dialect.Timestamp(), "When the customer was created"),
	}}
	tblRawProducts = Table{Layer: Raw, Name: "PRODUCTS", Comment: "Product catalogue.", Columns: []Column{
		col("PRODUCT_ID", dialect.Int(), "Product key"),
		col("PRODUCT_NAME", dialect.Text(), "Product_0001 …"),
		col("CATEGORY", dialect.Text(), "Product category"),
		col("UNIT_PRICE", dialect.Money(), "List price, USD"),
		col("UNIT_COST", dialect.Money(), "Unit cost, USD"),
	}}
	tblRawSalesReps = Table{Layer: Raw, Name: "SALES_REPS", Comment: "Sales representatives.", Columns: []Column{
		col("REP_ID", dialect.Int(), "Rep key"),
		col("REP_NAME", dialect.Text(), "Full name"),
		col("EMAIL", dialect.Text(), "E-mail address"),
		col("REGION", dialect.Text(), "North, South, East or West"),
		col("HIRE_DATE", dialect.Date(), "Hire date"),
		col("ANNUAL_QUOTA", dialect.Money(), "Annual revenue quota, USD"),
	}}
	tblRawOrders = Table{Layer: Raw, Name: "ORDERS", Comment: "Orders as they arrive; may hold dirty rows.", Columns: []Column{
		col("ORDER_ID", dialect.Int(), "Order key (a dirty row may repeat one)"),
		nullable(col("CUSTOMER_ID", dialect.Int(), "Customer key (NULL in a dirty row)")),
		col("PRODUCT_ID", dialect.Int(), "Product key"),
		col("REP_ID", dialect.Int(), "Rep key"),
		col("ORDER_DATE", dialect.Date(), "Order date"),
		col("QUANTITY", dialect.Int(), "Units ordered"),
		col("UNIT_PRICE", dialect.Money(), "Unit price charged, USD"),
		col("DISCOUNT_PCT", tblDiscountPct, "Discount as a fraction, 0 when none"),
		col("STATUS", dialect.Text(), "Order status"),
		col("CHANNEL", dialect.Text(), "Sales channel"),
		col("LOADED_AT", dialect.Timestamp(), "When the row was loaded"),
	}}
)

// RawTables lists the RAW tables in load order.
func RawTables() []Table {
	return []Table{tblRawCustomers.clone(), tblRawProducts.clone(), tblRawSalesReps.clone(), tblRawOrders.clone()}
}
