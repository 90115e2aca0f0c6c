package dashboard

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/marts"
	"github.com/salesanalytics/salesanalytics/query"
)

// MaxCustomerOrders is how many of a customer's orders the customer drill
// lists at most (and by default), newest first; [CustomerDetail.OrderCount]
// says how many there are.
const MaxCustomerOrders = 50

// orderLimit validates [CustomersOptions.Orders].
func orderLimit(n int) (int, error) {
	switch {
	case n == 0:
		return MaxCustomerOrders, nil
	case n < 0 || n > MaxCustomerOrders:
		return 0, fmt.Errorf("%w: orders %d: list 1 to %d of a customer's orders", ErrInvalidFilter, n, MaxCustomerOrders)
	}
	return n, nil
}

// CustomerDetail is one customer over the view's period: who the customer is
// (with the lifetime figures, whatever the filter), the period's figures, its
// months (every month of the period with data, zero without orders, each with
// its change on the month before) and its newest orders.
type CustomerDetail struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	Segment  string    `json:"segment"`
	Industry string    `json:"industry"`
	Lifetime *Lifetime `json:"lifetime,omitempty"`
	// Revenue and Units are the period's; OrderCount is the number of its
	// orders, of which Orders lists the newest MaxCustomerOrders.
	Revenue    decimal.Decimal `json:"revenue"`
	Units      int64           `json:"units"`
	OrderCount int64           `json:"order_count"`
	Months     []DrillMonth    `json:"months"`
	Orders     []CustomerOrder `json:"orders"`
}

// CustomerOrder is one order of a customer: one product, with its units and
// net revenue, sold by a rep of a region through a channel.
type CustomerOrder struct {
	ID      int64           `json:"id"`
	Date    time.Time       `json:"date"`
	Product ProductInfo     `json:"product"`
	Units   int64           `json:"units"`
	Revenue decimal.Decimal `json:"revenue"`
	Region  string          `json:"region"`
	Channel string          `json:"channel"`
	RepID   int64           `json:"rep_id"`
	RepName string          `json:"rep_name"`
	Drill   Filter          `json:"drill"` // the product's drill, in the customer's filter
}

// The names of the customer drill's tables.
const (
	TableCustomerMonths = "customer_months"
	TableCustomerOrders = "customer_orders"
)

// customerDetail is customer id's figures, months and newest orders over the
// view's period within f (its other filters still apply), listing the newest
// limit orders. The orders are a
// request grouped by order (and the order's one date, product, rep, region
// and channel), newest first, with a limit.
func (e *env) customerDetail(m *Meta, f Filter, id int64, limit int) (*CustomerDetail, error) {
	p := m.Period
	rows, err := e.q.SalesByCustomer(e.ctx, marts.SalesByCustomerParams{CustomerIDs: []int64{id}})
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	if len(rows) != 1 {
		return nil, fmt.Errorf("%w: unknown customer %d", ErrInvalidFilter, id)
	}
	l := rows[0]
	cf := f.WithCustomer(id)
	det := &CustomerDetail{ID: id, Name: l.CustomerName, Segment: l.Segment, Industry: l.Industry, Revenue: decimal.Zero,
		Lifetime: &Lifetime{Revenue: l.LifetimeRevenue, Orders: l.Orders, FirstOrder: l.FirstOrderDate, LastOrder: l.LastOrderDate, AOV: l.AOV},
		Orders:   []CustomerOrder{}}
	months, src, err := e.run(monthly(ask(cf, p.From, p.To, "revenue", "orders", "units_sold")))
	if err != nil {
		return nil, err
	}
	m.source(TableCustomerMonths, src)
	det.Months = e.drillMonths(months, p, cf)
	for _, x := range det.Months {
		det.Revenue, det.Units, det.OrderCount = det.Revenue.Add(x.Revenue), det.Units+x.Units, det.OrderCount+x.Orders
	}
	orders, src, err := e.run(newestOrders(cf, p, limit))
	if err != nil {
		return nil, err
	}
	m.source(TableCustomerOrders, src)
	for i := range orders.rows {
		pid, rep := orders.count(i, "product_id"), orders.count(i, "rep_id")
		det.Orders = append(det.Orders, CustomerOrder{ID: orders.count(i, "order_id"), Date: orders.month(i, "order_date_day"),
			Product: e.cat.Products[pid], Units: orders.count(i, "units_sold"), Revenue: orders.dec(i, "revenue"),
			Region: orders.str(i, "region"), Channel: orders.str(i, "channel"), RepID: rep, RepName: e.cat.Reps[rep].Name,
			Drill: cf.WithProduct(pid)})
	}
	return det, nil
}

// newestOrders asks for the newest n orders of f in p, one row per order
// (an order is one product sold by one rep), newest first.
func newestOrders(f Filter, p Period, n int) query.Request {
	r := by(ask(f, p.From, p.To, "revenue", "units_sold"), "order_id", "product_id", "rep_id", "region", "channel")
	r.Time = &query.TimeGrain{Dimension: "order_date", Grain: dialect.Day}
	r.OrderBy = []query.Order{query.Desc("order_date_day"), query.Desc("order_id")}
	r.Limit = n
	return r
}

// tables exports a customer drill: its months and its orders.
func (d *CustomerDetail) tables() []Table {
	o := Table{Name: TableCustomerOrders, Columns: []string{"date", "order_id", "product_id", "product", "category", "units", "revenue", "region", "channel", "rep"}}
	for _, x := range d.Orders {
		o.Rows = append(o.Rows, []Cell{dateCell(x.Date), num(x.ID), num(x.Product.ID), txt(x.Product.Name), txt(x.Product.Category), num(x.Units),
			usd(x.Revenue), txt(x.Region), txt(x.Channel), txt(x.RepName)})
	}
	return []Table{drillMonthsTable(TableCustomerMonths, d.Months), o}
}
