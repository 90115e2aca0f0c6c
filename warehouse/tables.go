package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// The warehouse's tables and types, each returned as a fresh copy: a caller
// that changes what it got (a column, a comment) changes nothing for the next
// caller. The definitions themselves are unexported.

// FctOrders returns MARTS.FCT_ORDERS: every valid order, denormalised, with zero NULL
// dimension values. The semantic model's logical table "orders" sits on
// it.
func FctOrders() Table { return tblFctOrders.clone() }

// DailySales returns MARTS.DAILY_SALES: day × region.
func DailySales() Table { return tblDailySales.clone() }

// SalesByRegion returns MARTS.SALES_BY_REGION: region × month.
func SalesByRegion() Table { return tblSalesByRegion.clone() }

// SalesByProduct returns MARTS.SALES_BY_PRODUCT: product × month.
func SalesByProduct() Table { return tblSalesByProduct.clone() }

// SalesByCustomer returns MARTS.SALES_BY_CUSTOMER: one row per customer who ordered.
func SalesByCustomer() Table { return tblSalesByCustomer.clone() }

// SalesByRep returns MARTS.SALES_BY_REP: sales rep × month.
func SalesByRep() Table { return tblSalesByRep.clone() }

// LoadManifest records what the last successful load of each RAW table was, so
// a second set-up with the same configuration can skip it.
func LoadManifest() Table { return tblLoadManifest.clone() }

// SemanticModels stands in, on the embedded engine, for the Snowflake stage
// that holds semantic model files.
func SemanticModels() Table { return tblSemanticModels.clone() }

// RawCustomers returns RAW.CUSTOMERS: customers, as loaded from the source.
func RawCustomers() Table { return tblRawCustomers.clone() }

// RawProducts returns RAW.PRODUCTS: product catalogue.
func RawProducts() Table { return tblRawProducts.clone() }

// RawSalesReps returns RAW.SALES_REPS: sales representatives.
func RawSalesReps() Table { return tblRawSalesReps.clone() }

// RawOrders returns RAW.ORDERS: orders as they arrive; may hold dirty rows.
func RawOrders() Table { return tblRawOrders.clone() }

// Settings returns the warehouse's one-row table of settings the STAGING rules read
// as data, so that the same rows are judged the same way on every engine, on
// every day, and Snowflake can refresh the marts incrementally (a rule that
// reads CURRENT_DATE is not deterministic, which forces full refreshes).
func Settings() Table { return tblSettings.clone() }

// StgCustomers returns STAGING.STG_CUSTOMERS: customers, trimmed and typed.
func StgCustomers() Table { return tblStgCustomers.clone() }

// StgProducts returns STAGING.STG_PRODUCTS: products, trimmed and typed.
func StgProducts() Table { return tblStgProducts.clone() }

// StgSalesReps returns STAGING.STG_SALES_REPS: sales reps, trimmed and typed.
func StgSalesReps() Table { return tblStgSalesReps.clone() }

// StgOrders returns STAGING.STG_ORDERS: orders with amounts, date parts and a validity verdict.
func StgOrders() Table { return tblStgOrders.clone() }

// DataQualitySummary returns STAGING.DATA_QUALITY_SUMMARY: rows checked and failures per rule, per table.
func DataQualitySummary() Table { return tblDataQualitySummary.clone() }

// RefreshState records, per mart, what the last refresh folded in (embedded engine).
func RefreshState() Table { return tblRefreshState.clone() }

// Ratio returns the type of fractions such as growth and quota attainment: 0.0525 is
// 5.25%.
func Ratio() dialect.Type { return tblRatio }

// DiscountPct returns the type of ORDERS.DISCOUNT_PCT: a fraction with four decimals.
func DiscountPct() dialect.Type { return tblDiscountPct }

// clone returns t with its own copy of the columns.
func (t Table) clone() Table {
	t.Columns = append([]Column(nil), t.Columns...)
	return t
}
