package marts

import (
	"database/sql"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// The row types below mirror the mart tables of package warehouse column for
// column, in order; the `db` tag is the column's name. Money is decimal.Decimal,
// nullable money and ratios decimal.NullDecimal, counts int64, dates time.Time (UTC
// midnight). A test holds them to the warehouse definitions and the live schema.

// FctOrder is one row of MARTS.FCT_ORDERS: one valid order, denormalised.
type FctOrder struct {
	OrderID        int64           `db:"ORDER_ID"`
	OrderDate      time.Time       `db:"ORDER_DATE"`
	OrderWeek      time.Time       `db:"ORDER_WEEK"`
	OrderMonth     time.Time       `db:"ORDER_MONTH"`
	OrderQuarter   time.Time       `db:"ORDER_QUARTER"`
	OrderYear      int64           `db:"ORDER_YEAR"`
	CustomerID     int64           `db:"CUSTOMER_ID"`
	CustomerName   string          `db:"CUSTOMER_NAME"`
	Segment        string          `db:"SEGMENT"`
	Industry       string          `db:"INDUSTRY"`
	State          string          `db:"STATE"`
	City           string          `db:"CITY"`
	ProductID      int64           `db:"PRODUCT_ID"`
	ProductName    string          `db:"PRODUCT_NAME"`
	Category       string          `db:"CATEGORY"`
	RepID          int64           `db:"REP_ID"`
	RepName        string          `db:"REP_NAME"`
	Region         string          `db:"REGION"`
	Status         string          `db:"STATUS"`
	Channel        string          `db:"CHANNEL"`
	IsDiscounted   bool            `db:"IS_DISCOUNTED"`
	Quantity       int64           `db:"QUANTITY"`
	UnitPrice      decimal.Decimal `db:"UNIT_PRICE"`
	DiscountPct    decimal.Decimal `db:"DISCOUNT_PCT"`
	GrossAmount    decimal.Decimal `db:"GROSS_AMOUNT"`
	DiscountAmount decimal.Decimal `db:"DISCOUNT_AMOUNT"`
	NetAmount      decimal.Decimal `db:"NET_AMOUNT"`
	LoadedAt       time.Time       `db:"LOADED_AT"`
}

// DailySales is one row of MARTS.DAILY_SALES: one day in one region.
type DailySales struct {
	SalesDate      time.Time           `db:"SALES_DATE"`
	Region         string              `db:"REGION"`
	Revenue        decimal.Decimal     `db:"REVENUE"`
	GrossRevenue   decimal.Decimal     `db:"GROSS_REVENUE"`
	Discounts      decimal.Decimal     `db:"DISCOUNTS"`
	Orders         int64               `db:"ORDERS"`
	Units          int64               `db:"UNITS"`
	Customers      int64               `db:"CUSTOMERS"`
	AOV            decimal.NullDecimal `db:"AOV"`
	RunningRevenue decimal.Decimal     `db:"RUNNING_REVENUE"`
	Revenue7DAvg   decimal.Decimal     `db:"REVENUE_7D_AVG"`
}

// SalesByRegion is one row of MARTS.SALES_BY_REGION: one region in one month.
type SalesByRegion struct {
	Region         string              `db:"REGION"`
	Month          time.Time           `db:"MONTH"`
	Revenue        decimal.Decimal     `db:"REVENUE"`
	Orders         int64               `db:"ORDERS"`
	Units          int64               `db:"UNITS"`
	Customers      int64               `db:"CUSTOMERS"`
	AOV            decimal.NullDecimal `db:"AOV"`
	MoMGrowth      decimal.NullDecimal `db:"MOM_GROWTH"`
	RunningRevenue decimal.Decimal     `db:"RUNNING_REVENUE"`
	Revenue3MAvg   decimal.Decimal     `db:"REVENUE_3M_AVG"`
}

// SalesByProduct is one row of MARTS.SALES_BY_PRODUCT: one product in one month.
type SalesByProduct struct {
	ProductID    int64           `db:"PRODUCT_ID"`
	ProductName  string          `db:"PRODUCT_NAME"`
	Category     string          `db:"CATEGORY"`
	Month        time.Time       `db:"MONTH"`
	Revenue      decimal.Decimal `db:"REVENUE"`
	Units        int64           `db:"UNITS"`
	Orders       int64           `db:"ORDERS"`
	CategoryRank int64           `db:"CATEGORY_RANK"`
}

// SalesByCustomer is one row of MARTS.SALES_BY_CUSTOMER: one customer's lifetime.
type SalesByCustomer struct {
	CustomerID      int64               `db:"CUSTOMER_ID"`
	CustomerName    string              `db:"CUSTOMER_NAME"`
	Segment         string              `db:"SEGMENT"`
	Industry        string              `db:"INDUSTRY"`
	LifetimeRevenue decimal.Decimal     `db:"LIFETIME_REVENUE"`
	Orders          int64               `db:"ORDERS"`
	FirstOrderDate  time.Time           `db:"FIRST_ORDER_DATE"`
	LastOrderDate   time.Time           `db:"LAST_ORDER_DATE"`
	AOV             decimal.NullDecimal `db:"AOV"`
}

// SalesByRep is one row of MARTS.SALES_BY_REP: one sales rep in one month.
type SalesByRep struct {
	RepID           int64               `db:"REP_ID"`
	RepName         string              `db:"REP_NAME"`
	Region          string              `db:"REGION"`
	Month           time.Time           `db:"MONTH"`
	Revenue         decimal.Decimal     `db:"REVENUE"`
	Orders          int64               `db:"ORDERS"`
	Customers       int64               `db:"CUSTOMERS"`
	AnnualQuota     decimal.Decimal     `db:"ANNUAL_QUOTA"`
	MonthlyQuota    decimal.Decimal     `db:"MONTHLY_QUOTA"`
	QuotaAttainment decimal.NullDecimal `db:"QUOTA_ATTAINMENT"`
}

// row is a mart row type: its table and the scan targets of its columns in order.
type row interface {
	table() warehouse.Table
	dest() []any
}

func (*FctOrder) table() warehouse.Table        { return warehouse.FctOrders() }
func (*DailySales) table() warehouse.Table      { return warehouse.DailySales() }
func (*SalesByRegion) table() warehouse.Table   { return warehouse.SalesByRegion() }
func (*SalesByProduct) table() warehouse.Table  { return warehouse.SalesByProduct() }
func (*SalesByCustomer) table() warehouse.Table { return warehouse.SalesByCustomer() }
func (*SalesByRep) table() warehouse.Table      { return warehouse.SalesByRep() }

func (r *FctOrder) dest() []any {
	return []any{
		intOf(&r.OrderID), dateOf(&r.OrderDate), dateOf(&r.OrderWeek), dateOf(&r.OrderMonth), dateOf(&r.OrderQuarter), intOf(&r.OrderYear),
		intOf(&r.CustomerID), &r.CustomerName, &r.Segment, &r.Industry, &r.State, &r.City,
		intOf(&r.ProductID), &r.ProductName, &r.Category, intOf(&r.RepID), &r.RepName, &r.Region,
		&r.Status, &r.Channel, boolOf(&r.IsDiscounted), intOf(&r.Quantity),
		scan.Decimal(&r.UnitPrice), scan.Decimal(&r.DiscountPct), scan.Decimal(&r.GrossAmount),
		scan.Decimal(&r.DiscountAmount), scan.Decimal(&r.NetAmount), timeOf(&r.LoadedAt),
	}
}

func (r *DailySales) dest() []any {
	return []any{
		dateOf(&r.SalesDate), &r.Region, scan.Decimal(&r.Revenue), scan.Decimal(&r.GrossRevenue), scan.Decimal(&r.Discounts),
		intOf(&r.Orders), intOf(&r.Units), intOf(&r.Customers), scan.NullDecimal(&r.AOV),
		scan.Decimal(&r.RunningRevenue), scan.Decimal(&r.Revenue7DAvg),
	}
}

func (r *SalesByRegion) dest() []any {
	return []any{
		&r.Region, dateOf(&r.Month), scan.Decimal(&r.Revenue), intOf(&r.Orders), intOf(&r.Units), intOf(&r.Customers),
		scan.NullDecimal(&r.AOV), scan.NullDecimal(&r.MoMGrowth), scan.Decimal(&r.RunningRevenue), scan.Decimal(&r.Revenue3MAvg),
	}
}

func (r *SalesByProduct) dest() []any {
	return []any{
		intOf(&r.ProductID), &r.ProductName, &r.Category, dateOf(&r.Month), scan.Decimal(&r.Revenue),
		intOf(&r.Units), intOf(&r.Orders), intOf(&r.CategoryRank),
	}
}

func (r *SalesByCustomer) dest() []any {
	return []any{
		intOf(&r.CustomerID), &r.CustomerName, &r.Segment, &r.Industry, scan.Decimal(&r.LifetimeRevenue),
		intOf(&r.Orders), dateOf(&r.FirstOrderDate), dateOf(&r.LastOrderDate), scan.NullDecimal(&r.AOV),
	}
}

func (r *SalesByRep) dest() []any {
	return []any{
		intOf(&r.RepID), &r.RepName, &r.Region, dateOf(&r.Month), scan.Decimal(&r.Revenue), intOf(&r.Orders),
		intOf(&r.Customers), scan.Decimal(&r.AnnualQuota), scan.Decimal(&r.MonthlyQuota), scan.NullDecimal(&r.QuotaAttainment),
	}
}

// sql.Scanner adapters: drivers disagree on the Go types of integers (DuckDB int64,
// Snowflake decimal text), booleans and times, so each target reads every form
// exactly and refuses what it cannot read.

type intScanner struct{ dst *int64 }

func intOf(dst *int64) sql.Scanner { return intScanner{dst} }

func (s intScanner) Scan(v any) error {
	switch x := v.(type) {
	case int64:
		*s.dst = x
		return nil
	case int32:
		*s.dst = int64(x)
		return nil
	}
	var d decimal.Decimal
	if err := scan.Decimal(&d).Scan(v); err != nil {
		return err
	}
	if !d.IsInteger() || d.Cmp(decimal.NewFromInt(d.IntPart())) != 0 {
		return errNotInt(d)
	}
	*s.dst = d.IntPart()
	return nil
}

type timeScanner struct {
	dst     *time.Time
	dayOnly bool
}

func dateOf(dst *time.Time) sql.Scanner { return timeScanner{dst, true} }
func timeOf(dst *time.Time) sql.Scanner { return timeScanner{dst, false} }

func (s timeScanner) Scan(v any) error {
	t, ok := v.(time.Time)
	if !ok {
		return errType("a time", v)
	}
	t = t.UTC()
	if s.dayOnly {
		y, m, d := t.Date()
		t = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	*s.dst = t
	return nil
}

type boolScanner struct{ dst *bool }

func boolOf(dst *bool) sql.Scanner { return boolScanner{dst} }

func (s boolScanner) Scan(v any) error {
	switch x := v.(type) {
	case bool:
		*s.dst = x
	case string: // Snowflake's JSON result format
		*s.dst = x == "1" || x == "true" || x == "TRUE"
	default:
		return errType("a bool", v)
	}
	return nil
}
