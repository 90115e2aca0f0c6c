package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// tblSalesByCustomerYear is MARTS.SALES_BY_CUSTOMER_YEAR: one row per customer
// and calendar year in which the customer ordered. It is not a table the SPEC
// names: it is there for the query planner, which counts distinct customers over
// whole years from it — a customer orders about five times a year at the
// generator's shape, so a year of it is a fifth of the year's orders.
var tblSalesByCustomerYear = Table{Layer: Marts, Name: "SALES_BY_CUSTOMER_YEAR", Comment: "Customer × year.", Columns: []Column{
	col("CUSTOMER_ID", dialect.Int(), "Customer key"),
	col("YEAR", dialect.Int(), "Calendar year of the orders"),
	col("SEGMENT", dialect.Text(), "Customer segment"),
	col("INDUSTRY", dialect.Text(), "Customer industry"),
	col("REVENUE", dialect.Money(), "Net revenue"),
	col("ORDERS", dialect.Int(), "Orders"),
	col("UNITS", dialect.Int(), "Units"),
}}

// SalesByCustomerYear returns MARTS.SALES_BY_CUSTOMER_YEAR: customer × year.
func SalesByCustomerYear() Table { return tblSalesByCustomerYear.clone() }

// salesByCustomerYear answers, for the query planner, the distinct customers of
// whole years, alone or by the customer's segment or industry (which depend on
// the customer), with the revenue, orders and units beside them: a request over
// 2025 counts the distinct CUSTOMER_IDs of 2025's rows here, exact because each
// customer has at most one row a year.
func salesByCustomerYear() Mart {
	t := tblSalesByCustomerYear.clone()
	keys := []KeyColumn{{"CUSTOMER_ID", "CUSTOMER_ID"}, {"YEAR", "ORDER_YEAR"}}
	// INCREMENTAL: a GROUP BY per customer and year, no window; new orders
	// touch a few customers' current year.
	m := Mart{Table: t, Key: keys, mode: RefreshIncremental, grain: dialect.Year,
		attributes: []KeyColumn{{"SEGMENT", "SEGMENT"}, {"INDUSTRY", "INDUSTRY"}},
		measures:   []Measure{{"REVENUE", AggSum, "NET_AMOUNT"}, {"ORDERS", AggCount, ""}, {"UNITS", AggSum, "QUANTITY"}}}
	m.stages()
	m.enrich = func(b sqlb, from string) string { return project(b, t, nil, from) }
	return m
}

// YearKey returns the mart's key column holding the calendar year of the orders
// as a number (SALES_BY_CUSTOMER_YEAR's YEAR, from ORDER_YEAR), for a mart of
// [dialect.Year] grain; a mart with a [Mart.DateKey] has none.
func (m Mart) YearKey() (KeyColumn, bool) {
	if m.grain != dialect.Year {
		return KeyColumn{}, false
	}
	for _, k := range m.Key {
		if c, ok := m.Table.Column(k.Column); ok && c.Type.Kind == dialect.KindInt {
			if k.Source == "ORDER_YEAR" {
				return k, true
			}
		}
	}
	return KeyColumn{}, false
}
