package dashboard

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/marts"
)

// CustomersOptions tune [Dashboard.Customers].
type CustomersOptions struct {
	// Compare chooses the period the segments' and industries' growth is
	// measured against; empty means ComparePrevious.
	Compare Compare
	// TopN is the length of the top-customer list; zero means the dashboard's TopN.
	TopN int
	// Customer, when set, adds that customer's months and newest orders; when
	// the filter names exactly one customer, that one is detailed.
	Customer int64
	// Orders is how many of the detailed customer's orders to list, newest
	// first: 1 to MaxCustomerOrders; zero means MaxCustomerOrders.
	Orders int
}

// Customers is the customer view: segments, industries, top customers with their
// lifetime figures, and new against returning customers per month.
type Customers struct {
	Meta
	Segments       []GroupRow      `json:"segments"`
	Industries     []GroupRow      `json:"industries"`
	Top            []TopCustomer   `json:"top"`
	NewVsReturning []CustomerMonth `json:"new_vs_returning"`
	Detail         *CustomerDetail `json:"detail,omitempty"`
}

// GroupRow is one segment or industry over the period.
type GroupRow struct {
	Key                string              `json:"key"`
	Revenue            decimal.Decimal     `json:"revenue"`
	Customers          int64               `json:"customers"`
	RevenuePerCustomer decimal.NullDecimal `json:"revenue_per_customer"`
	Share              decimal.NullDecimal `json:"share"`
	Growth             Change              `json:"growth"` // revenue against the comparison period
	Drill              Filter              `json:"drill"`
}

// TopCustomer is one of the top customers by revenue in the period, with the
// customer's lifetime figures (all orders, whatever the filter); the Other row has
// no lifetime.
type TopCustomer struct {
	Share
	Segment  string    `json:"segment,omitempty"`
	Industry string    `json:"industry,omitempty"`
	Orders   int64     `json:"orders"`
	Lifetime *Lifetime `json:"lifetime,omitempty"`
}

// Lifetime is a customer's figures over every order.
type Lifetime struct {
	Revenue    decimal.Decimal     `json:"revenue"`
	Orders     int64               `json:"orders"`
	FirstOrder time.Time           `json:"first_order"`
	LastOrder  time.Time           `json:"last_order"`
	AOV        decimal.NullDecimal `json:"aov"`
}

// CustomerMonth counts the customers who ordered in a month (within the filter):
// New placed their first order ever that month; the rest are Returning.
type CustomerMonth struct {
	Month     time.Time `json:"month"`
	Active    int64     `json:"active"`
	New       int64     `json:"new"`
	Returning int64     `json:"returning"`
	Partial   bool      `json:"partial"`
	Drill     Filter    `json:"drill"`
}

// The names of the customer view's tables.
const (
	TableSegments       = "segments"
	TableIndustries     = "industries"
	TableTopCustomers   = "top_customers"
	TableNewVsReturning = "new_vs_returning"
)

// Customers computes the customer view of f.
func (d *Dashboard) Customers(ctx context.Context, f Filter, o CustomersOptions) (Customers, error) {
	n, err := d.topN(o.TopN)
	if err != nil {
		return Customers{}, err
	}
	lim, err := orderLimit(o.Orders)
	if err != nil {
		return Customers{}, err
	}
	return run[Customers](ctx, d, "customers", fmt.Sprintf("%d/%d/%d", n, o.Customer, lim), f, o.Compare, func(e *env, m *Meta) (*Customers, error) {
		v := &Customers{}
		p := m.Period
		var err error
		if v.Segments, err = e.groupRows(m, f, TableSegments, "segment", f.WithSegment); err != nil {
			return nil, err
		}
		if v.Industries, err = e.groupRows(m, f, TableIndustries, "industry", f.WithIndustry); err != nil {
			return nil, err
		}
		if v.Top, err = e.topCustomers(m, f, n); err != nil {
			return nil, err
		}
		// Every customer who orders in a month placed a first order that month
		// (new) or before (returning): the returning are the active less the
		// new, which costs less than a third distinct count (the
		// returning_customers metric, which a test holds equal).
		nvr, src, err := e.run(monthly(ask(f, p.From, p.To, "customers", "new_customers")))
		if err != nil {
			return nil, err
		}
		m.source(TableNewVsReturning, src)
		for i := range nvr.rows {
			c := CustomerMonth{Month: nvr.month(i, "order_date_month"), Active: nvr.count(i, "customers"), New: nvr.count(i, "new_customers")}
			c.Returning = c.Active - c.New
			from, to := clip(c.Month, p)
			c.Partial, c.Drill = partialMonth(c.Month, p, e.cat.bounds()), f.WithRange(from, to)
			v.NewVsReturning = append(v.NewVsReturning, c)
		}
		if id := drilled(o.Customer, f.Customers); id != 0 {
			if v.Detail, err = e.customerDetail(m, f, id, lim); err != nil {
				return nil, err
			}
		}
		return v, nil
	})
}

// groupRows is revenue and customers by dim (segment or industry) over the
// view's period, with each group's share and growth.
func (e *env) groupRows(m *Meta, f Filter, name, dim string, drill func(string) Filter) ([]GroupRow, error) {
	p := m.Period
	t, src, err := e.run(e.allTime(byRevenue(withShare(compared(by(ask(f, p.From, p.To, "revenue", "customers", "orders"), dim), m, "revenue")))))
	if err != nil {
		return nil, err
	}
	m.source(name, src)
	out := make([]GroupRow, 0, len(t.rows))
	for i := range t.rows {
		k := t.str(i, dim)
		// Revenue per customer is the model's revenue_per_customer, divided
		// here: the planner computes a distinct count apart from the sums
		// only when no metric combines them.
		rev, n := t.dec(i, "revenue"), t.count(i, "customers")
		out = append(out, GroupRow{Key: k, Revenue: rev, Customers: n, RevenuePerCustomer: ratio(rev, decimal.NewFromInt(n), 2),
			Share: t.null(i, "revenue_share"), Growth: t.change(i, "revenue"), Drill: drill(k)})
	}
	return out, nil
}

// topCustomers is the top n customers by revenue over the view's period, with
// their lifetime figures (SALES_BY_CUSTOMER), and an Other row for the rest.
func (e *env) topCustomers(m *Meta, f Filter, n int) ([]TopCustomer, error) {
	p := m.Period
	t, src, err := e.run(e.allTime(ranked(withShare(by(ask(f, p.From, p.To, "revenue", "orders"), "customer_id")), n)))
	if err != nil {
		return nil, err
	}
	m.source(TableTopCustomers, src)
	var ids []int64
	for i := range t.rows {
		if !t.flag(i, "other") {
			ids = append(ids, t.count(i, "customer_id"))
		}
	}
	life := map[int64]marts.SalesByCustomer{}
	if len(ids) > 0 {
		rows, err := e.q.SalesByCustomer(e.ctx, marts.SalesByCustomerParams{CustomerIDs: ids})
		if err != nil {
			return nil, fmt.Errorf("dashboard: %w", err)
		}
		for _, r := range rows {
			life[r.CustomerID] = r
		}
	}
	var out []TopCustomer
	for i := range t.rows {
		id := t.count(i, "customer_id")
		l := life[id]
		c := TopCustomer{Share: t.share(i, fmt.Sprint(id), l.CustomerName, id, f.WithCustomer(id), f), Orders: t.count(i, "orders")}
		if !c.Other {
			c.Segment, c.Industry = l.Segment, l.Industry
			c.Lifetime = &Lifetime{Revenue: l.LifetimeRevenue, Orders: l.Orders, FirstOrder: l.FirstOrderDate, LastOrder: l.LastOrderDate, AOV: l.AOV}
		} else {
			c.Orders = 0
		}
		out = append(out, c)
	}
	return out, nil
}
