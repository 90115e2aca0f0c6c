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
