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
	// TopN is the length of the top-customer list; zero means the dashboard's TopN.
	TopN int
}

// Customers is the customer view: segments, industries, top customers with their
// lifetime figures, and new against returning customers per month.
type Customers struct {
	Meta
	Segments       []GroupRow      `json:"segments"`
	Industries     []GroupRow      `json:"industries"`
	Top            []TopCustomer   `json:"top"`
	NewVsReturning []CustomerMonth `json:"new_vs_returning"`
}

// GroupRow is one segment or industry over the period.
type GroupRow struct {
	Key                string              `json:"key"`
	Revenue            decimal.Decimal     `json:"revenue"`
	Customers          int64               `json:"customers"`
	RevenuePerCustomer decimal.NullDecimal `json:"revenue_per_customer"`
	Share              decimal.NullDecimal `json:"share"`
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
	return run[Customers](ctx, d, "customers", fmt.Sprint(n), f, CompareNone, func(e *env, m *Meta) (*Customers, error) {
		v := &Customers{}
		p := m.Period
		var all decimal.Decimal
		var customers int64
		for _, g := range []struct {
			table string
			dim   dim
			dst   *[]GroupRow
			key   func(aggRow) string
			drill func(string) Filter
		}{
			{TableSegments, dimSegment, &v.Segments, func(r aggRow) string { return r.Segment }, f.WithSegment},
			{TableIndustries, dimIndustry, &v.Industries, func(r aggRow) string { return r.Industry }, f.WithIndustry},
		} {
			rows, src, err := e.aggregate(aggReq{dims: []dim{g.dim}, measures: mRevenue | mCustomers, f: f, from: p.From, to: p.To})
			if err != nil {
				return nil, err
			}
			m.source(g.table, src)
			all, customers = total(rows), 0
			label := func(r aggRow) (string, string, int64) { return g.key(r), g.key(r), 0 }
			for _, r := range sortByRevenue(rows, label) {
				customers += r.Customers // each customer has one segment and one industry
				*g.dst = append(*g.dst, GroupRow{Key: g.key(r), Revenue: r.Revenue, Customers: r.Customers,
					RevenuePerCustomer: ratio(r.Revenue, decimal.NewFromInt(r.Customers), 2), Share: ratio(r.Revenue, all, 4), Drill: g.drill(g.key(r))})
			}
		}

		top, src, err := e.aggregate(aggReq{dims: []dim{dimCustomer}, measures: mRevenue | mOrders, f: f, from: p.From, to: p.To, top: n})
		if err != nil {
			return nil, err
		}
		m.source(TableTopCustomers, src)
		ids := make([]int64, len(top))
		for i, r := range top {
			ids[i] = r.ID
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
		rest := all
		for i, r := range sortByRevenue(top, idLabel) {
			rest = rest.Sub(r.Revenue)
			l := life[r.ID]
			v.Top = append(v.Top, TopCustomer{
				Share:   Share{Rank: i + 1, Key: fmt.Sprint(r.ID), ID: r.ID, Name: r.Name, Revenue: r.Revenue, Share: ratio(r.Revenue, all, 4), Drill: f.WithCustomer(r.ID)},
				Segment: l.Segment, Industry: l.Industry, Orders: r.Orders,
				Lifetime: &Lifetime{Revenue: l.LifetimeRevenue, Orders: l.Orders, FirstOrder: l.FirstOrderDate, LastOrder: l.LastOrderDate, AOV: l.AOV},
			})
		}
		if others := customers - int64(len(top)); others > 0 {
			v.Top = append(v.Top, TopCustomer{Share: Share{Key: "Other", Name: "Other", Revenue: rest, Share: ratio(rest, all, 4), Other: true, Count: int(others), Drill: f}})
		}

		nvr, err := e.newVsReturning(f, p)
		if err != nil {
			return nil, err
		}
		m.source(TableNewVsReturning, "MARTS.FCT_ORDERS + MARTS.SALES_BY_CUSTOMER")
		v.NewVsReturning = nvr
		return v, nil
	})
}
