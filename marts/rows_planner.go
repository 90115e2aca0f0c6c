package marts

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// SalesByCustomerYear is one row of MARTS.SALES_BY_CUSTOMER_YEAR: one customer
// in one calendar year in which the customer ordered. The query planner counts
// distinct customers over whole years from it.
type SalesByCustomerYear struct {
	CustomerID int64           `db:"CUSTOMER_ID"`
	Year       int64           `db:"YEAR"`
	Segment    string          `db:"SEGMENT"`
	Industry   string          `db:"INDUSTRY"`
	Revenue    decimal.Decimal `db:"REVENUE"`
	Orders     int64           `db:"ORDERS"`
	Units      int64           `db:"UNITS"`
}

func (*SalesByCustomerYear) table() warehouse.Table { return warehouse.SalesByCustomerYear() }

func (r *SalesByCustomerYear) dest() []any {
	return []any{intOf(&r.CustomerID), intOf(&r.Year), &r.Segment, &r.Industry, scan.Decimal(&r.Revenue), intOf(&r.Orders), intOf(&r.Units)}
}

// SalesByMonth is one row of MARTS.SALES_BY_MONTH: one calendar month with
// orders. The query planner reads a month's distinct customers from it.
type SalesByMonth struct {
	Month     time.Time       `db:"MONTH"`
	Revenue   decimal.Decimal `db:"REVENUE"`
	Orders    int64           `db:"ORDERS"`
	Units     int64           `db:"UNITS"`
	Customers int64           `db:"CUSTOMERS"`
}

func (*SalesByMonth) table() warehouse.Table { return warehouse.SalesByMonth() }

func (r *SalesByMonth) dest() []any {
	return []any{dateOf(&r.Month), scan.Decimal(&r.Revenue), intOf(&r.Orders), intOf(&r.Units), intOf(&r.Customers)}
}

// SalesByYear is one row of MARTS.SALES_BY_YEAR: one calendar year with
// orders. The query planner reads a year's distinct customers from it.
type SalesByYear struct {
	Year      int64           `db:"YEAR"`
	Revenue   decimal.Decimal `db:"REVENUE"`
	Orders    int64           `db:"ORDERS"`
	Units     int64           `db:"UNITS"`
	Customers int64           `db:"CUSTOMERS"`
}

func (*SalesByYear) table() warehouse.Table { return warehouse.SalesByYear() }

func (r *SalesByYear) dest() []any {
	return []any{intOf(&r.Year), scan.Decimal(&r.Revenue), intOf(&r.Orders), intOf(&r.Units), intOf(&r.Customers)}
}

// SalesByRegionYear is one row of MARTS.SALES_BY_REGION_YEAR: one region in
// one calendar year. The query planner reads a region's distinct customers of a
// year from it.
type SalesByRegionYear struct {
	Region    string          `db:"REGION"`
	Year      int64           `db:"YEAR"`
	Revenue   decimal.Decimal `db:"REVENUE"`
	Orders    int64           `db:"ORDERS"`
	Units     int64           `db:"UNITS"`
	Customers int64           `db:"CUSTOMERS"`
}

func (*SalesByRegionYear) table() warehouse.Table { return warehouse.SalesByRegionYear() }

func (r *SalesByRegionYear) dest() []any {
	return []any{&r.Region, intOf(&r.Year), scan.Decimal(&r.Revenue), intOf(&r.Orders), intOf(&r.Units), intOf(&r.Customers)}
}

// SalesByRepYear is one row of MARTS.SALES_BY_REP_YEAR: one rep in one
// calendar year. The query planner reads a rep's distinct customers of a year
// from it.
type SalesByRepYear struct {
	RepID     int64           `db:"REP_ID"`
	Year      int64           `db:"YEAR"`
	Revenue   decimal.Decimal `db:"REVENUE"`
	Orders    int64           `db:"ORDERS"`
	Units     int64           `db:"UNITS"`
	Customers int64           `db:"CUSTOMERS"`
}

func (*SalesByRepYear) table() warehouse.Table { return warehouse.SalesByRepYear() }

func (r *SalesByRepYear) dest() []any {
	return []any{intOf(&r.RepID), intOf(&r.Year), scan.Decimal(&r.Revenue), intOf(&r.Orders), intOf(&r.Units), intOf(&r.Customers)}
}

// SalesBySegmentYear is one row of MARTS.SALES_BY_SEGMENT_YEAR: one customer
// segment in one calendar year. The query planner reads a segment's distinct
// customers of a year from it.
type SalesBySegmentYear struct {
	Segment   string          `db:"SEGMENT"`
	Year      int64           `db:"YEAR"`
	Revenue   decimal.Decimal `db:"REVENUE"`
	Orders    int64           `db:"ORDERS"`
	Units     int64           `db:"UNITS"`
	Customers int64           `db:"CUSTOMERS"`
}

func (*SalesBySegmentYear) table() warehouse.Table { return warehouse.SalesBySegmentYear() }

func (r *SalesBySegmentYear) dest() []any {
	return []any{&r.Segment, intOf(&r.Year), scan.Decimal(&r.Revenue), intOf(&r.Orders), intOf(&r.Units), intOf(&r.Customers)}
}

// SalesByIndustryYear is one row of MARTS.SALES_BY_INDUSTRY_YEAR: one customer
// industry in one calendar year. The query planner reads an industry's distinct
// customers of a year from it.
type SalesByIndustryYear struct {
	Industry  string          `db:"INDUSTRY"`
	Year      int64           `db:"YEAR"`
	Revenue   decimal.Decimal `db:"REVENUE"`
	Orders    int64           `db:"ORDERS"`
	Units     int64           `db:"UNITS"`
	Customers int64           `db:"CUSTOMERS"`
}

func (*SalesByIndustryYear) table() warehouse.Table { return warehouse.SalesByIndustryYear() }

func (r *SalesByIndustryYear) dest() []any {
	return []any{&r.Industry, intOf(&r.Year), scan.Decimal(&r.Revenue), intOf(&r.Orders), intOf(&r.Units), intOf(&r.Customers)}
}

// SalesByRegionCategory is one row of MARTS.SALES_BY_REGION_CATEGORY: one
// region, product category and month. The query planner reads sums by
// category from it.
type SalesByRegionCategory struct {
	Region   string          `db:"REGION"`
	Category string          `db:"CATEGORY"`
	Month    time.Time       `db:"MONTH"`
	Revenue  decimal.Decimal `db:"REVENUE"`
	Orders   int64           `db:"ORDERS"`
	Units    int64           `db:"UNITS"`
}

func (*SalesByRegionCategory) table() warehouse.Table { return warehouse.SalesByRegionCategory() }

func (r *SalesByRegionCategory) dest() []any {
	return []any{&r.Region, &r.Category, dateOf(&r.Month), scan.Decimal(&r.Revenue), intOf(&r.Orders), intOf(&r.Units)}
}
