package warehouse

import "github.com/salesanalytics/salesanalytics/dialect"

// The year marts are, like SALES_BY_MONTH, not tables the SPEC names: the
// query planner reads from them the distinct customers of a whole year — in
// all, by region, by rep — which no finer mart can give (distinct counts do not
// add up over months, regions or reps), and which the dashboard's views ask for
// over a year by default: the executive view's customers, the regional view's
// customers by region, the leaderboard's customers by rep, the customer
// view's customers by segment and by industry. A request reads them only over
// whole years; each has a handful of rows (two years: 2, 8, 100, 6 and 20), so
// every sum and count of the year comes from them too.
var (
	tblSalesByYear = Table{Layer: Marts, Name: "SALES_BY_YEAR", Comment: "Year.", Columns: yearColumns(nil)}

	tblSalesByRegionYear = Table{Layer: Marts, Name: "SALES_BY_REGION_YEAR", Comment: "Region × year.", Columns: yearColumns([]Column{
		col("REGION", dialect.Text(), "Sales region"),
	})}

	tblSalesByRepYear = Table{Layer: Marts, Name: "SALES_BY_REP_YEAR", Comment: "Rep × year.", Columns: yearColumns([]Column{
		col("REP_ID", dialect.Int(), "Sales rep key"),
	})}

	tblSalesBySegmentYear = Table{Layer: Marts, Name: "SALES_BY_SEGMENT_YEAR", Comment: "Customer segment × year.", Columns: yearColumns([]Column{
		col("SEGMENT", dialect.Text(), "Customer segment"),
	})}

	tblSalesByIndustryYear = Table{Layer: Marts, Name: "SALES_BY_INDUSTRY_YEAR", Comment: "Customer industry × year.", Columns: yearColumns([]Column{
		col("INDUSTRY", dialect.Text(), "Customer industry"),
	})}
)

// yearColumns are a year mart's columns: its keys before the year, then its
// measures ([yearMeasures]).
func yearColumns(keys []Column) []Column {
	return append(append(keys, col("YEAR", dialect.Int(), "Calendar year of the orders")),
		col("REVENUE", dialect.Money(), "Net revenue"),
		col("ORDERS", dialect.Int(), "Orders"),
		col("UNITS", dialect.Int(), "Units"),
		col("CUSTOMERS", dialect.Int(), "Distinct customers"),
	)
}

// yearMeasures are the measures of every year mart, in its columns' order.
func yearMeasures() []Measure {
	return []Measure{{"REVENUE", AggSum, "NET_AMOUNT"}, {"ORDERS", AggCount, ""}, {"UNITS", AggSum, "QUANTITY"},
		{"CUSTOMERS", AggCountDistinct, "CUSTOMER_ID"}}
}

// SalesByYear returns MARTS.SALES_BY_YEAR: year.
func SalesByYear() Table { return tblSalesByYear.clone() }

// SalesByRegionYear returns MARTS.SALES_BY_REGION_YEAR: region × year.
func SalesByRegionYear() Table { return tblSalesByRegionYear.clone() }

// SalesByRepYear returns MARTS.SALES_BY_REP_YEAR: rep × year. It has no
// attribute beside REP_ID (no name, no region): a mart's stored distinct count
// is read for a request only when it groups by the mart's key and every
// attribute, and the leaderboard groups by REP_ID.
func SalesByRepYear() Table { return tblSalesByRepYear.clone() }

// SalesBySegmentYear returns MARTS.SALES_BY_SEGMENT_YEAR: customer segment ×
// year.
func SalesBySegmentYear() Table { return tblSalesBySegmentYear.clone() }

// SalesByIndustryYear returns MARTS.SALES_BY_INDUSTRY_YEAR: customer industry ×
// year.
func SalesByIndustryYear() Table { return tblSalesByIndustryYear.clone() }

func salesByYear() Mart {
	return yearMart(tblSalesByYear, nil)
}

func salesByRegionYear() Mart {
	return yearMart(tblSalesByRegionYear, []KeyColumn{{"REGION", "REGION"}})
}

func salesByRepYear() Mart {
	return yearMart(tblSalesByRepYear, []KeyColumn{{"REP_ID", "REP_ID"}})
}

func salesBySegmentYear() Mart {
	return yearMart(tblSalesBySegmentYear, []KeyColumn{{"SEGMENT", "SEGMENT"}})
}

func salesByIndustryYear() Mart {
	return yearMart(tblSalesByIndustryYear, []KeyColumn{{"INDUSTRY", "INDUSTRY"}})
}

// yearMart is the year mart of table t grouped by keys and the year.
// INCREMENTAL: a GROUP BY per key and year, no window; new orders touch the
// current year of the keys they have.
func yearMart(table Table, keys []KeyColumn) Mart {
	t := table.clone()
	m := Mart{Table: t, Key: append(keys, KeyColumn{"YEAR", "ORDER_YEAR"}), mode: RefreshIncremental, grain: dialect.Year,
		measures: yearMeasures()}
	m.stages()
	m.enrich = func(b sqlb, from string) string { return project(b, t, nil, from) }
	return m
}
