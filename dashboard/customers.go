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
	return run[Customers](ctx, d, "customers", fmt.Sprint(n), f, o.Compare, func(e *env, m *Meta) (*Customers, error) {
		v := &Customers{}
		p := m.Period
		pairs, top, base, life, src, err := e.customersInPeriod(f, m, n)
		if err != nil {
			return nil, err
		}
		for _, t := range []string{TableSegments, TableIndustries, TableTopCustomers} {
			m.source(t, src)
		}
		all := total(pairs)
		var customers int64
		for _, r := range pairs {
			customers += r.Customers
		}
		segment, industry := func(r aggRow) string { return r.Segment }, func(r aggRow) string { return r.Industry }
		v.Segments = groupRows(pairs, base, base != nil, all, segment, f.WithSegment)
		v.Industries = groupRows(pairs, base, base != nil, all, industry, f.WithIndustry)

		rest := all
		for i, r := range sortByRevenue(top, idLabel) {
			rest = rest.Sub(r.Revenue)
			l := life[r.ID]
			v.Top = append(v.Top, TopCustomer{
				Share:   Share{Rank: i + 1, Key: fmt.Sprint(r.ID), ID: r.ID, Name: l.CustomerName, Revenue: r.Revenue, Share: ratio(r.Revenue, all, 4), Drill: f.WithCustomer(r.ID)},
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

// customersInPeriod returns revenue and distinct customers by segment and
// industry (every customer has one segment and one industry, so distinct
// customers add up over the other key), the top n customers by revenue with
// their orders, and, when m compares with a period, that period's revenue by
// segment and industry (nil otherwise), and the top customers' lifetime rows.
// SALES_BY_CUSTOMER answers the first two when it covers the request, the
// semantic layer on [PathFacts]; otherwise one statement over FCT_ORDERS grouped
// by customer ([env.customerPeriod]) answers all of it.
func (e *env) customersInPeriod(f Filter, m *Meta, n int) (pairs, top, base []aggRow, life map[int64]marts.SalesByCustomer, src string, err error) {
	p := m.Period
	req := aggReq{dims: []dim{dimSegment, dimIndustry}, measures: mRevenue | mCustomers, f: f, from: p.From, to: p.To}
	if _, ok := e.martFor(req); !ok && e.d.opts.Path != PathFacts {
		cmp := m.Comparison
		if cmp != nil && cmp.Missing {
			cmp = nil
		}
		pairs, top, base, life, err := e.customerPeriod(f, p, cmp, n)
		return pairs, top, base, life, "MARTS.FCT_ORDERS by customer + MARTS.SALES_BY_CUSTOMER", err
	}
	fail := func(err error) ([]aggRow, []aggRow, []aggRow, map[int64]marts.SalesByCustomer, string, error) {
		return nil, nil, nil, nil, "", err
	}
	if pairs, src, err = e.aggregate(req); err != nil {
		return fail(err)
	}
	if top, _, err = e.aggregate(aggReq{dims: []dim{dimCustomer}, measures: mRevenue | mOrders, f: f, from: p.From, to: p.To, top: n}); err != nil {
		return fail(err)
	}
	byPair, err := e.baseRevenue(m, f, dimSegment, dimIndustry)
	if err != nil {
		return fail(err)
	}
	if byPair != nil {
		base = make([]aggRow, 0, len(byPair))
		for _, r := range byPair {
			base = append(base, r)
		}
	}
	ids := make([]int64, len(top))
	for i, r := range top {
		ids[i] = r.ID
	}
	life = map[int64]marts.SalesByCustomer{}
	if len(ids) > 0 {
		rows, err := e.q.SalesByCustomer(e.ctx, marts.SalesByCustomerParams{CustomerIDs: ids})
		if err != nil {
			return fail(fmt.Errorf("dashboard: %w", err))
		}
		for _, r := range rows {
			life[r.CustomerID] = r
		}
	}
	return pairs, top, base, life, src, nil
}

// groupRows rolls segment × industry rows up by key, with each key's growth
// against the base rows when compared (a key absent from the base had zero).
func groupRows(pairs, base []aggRow, compared bool, all decimal.Decimal, key func(aggRow) string, drill func(string) Filter) []GroupRow {
	roll := func(rows []aggRow) map[string]aggRow {
		sums := map[string]aggRow{}
		for _, r := range rows {
			g := sums[key(r)]
			g.Region = key(r) // the rolled-up key, for sorting
			g.Revenue = g.Revenue.Add(r.Revenue)
			g.Customers += r.Customers
			sums[key(r)] = g
		}
		return sums
	}
	sums, bases := roll(pairs), roll(base)
	rows := make([]aggRow, 0, len(sums))
	for _, g := range sums {
		rows = append(rows, g)
	}
	out := make([]GroupRow, 0, len(rows))
	for _, r := range sortByRevenue(rows, regionLabel) {
		g := GroupRow{Key: r.Region, Revenue: r.Revenue, Customers: r.Customers,
			RevenuePerCustomer: ratio(r.Revenue, decimal.NewFromInt(r.Customers), 2), Share: ratio(r.Revenue, all, 4), Drill: drill(r.Region)}
		if compared {
			g.Growth = changeOf(r.Revenue, valid(bases[r.Region].Revenue))
		}
		out = append(out, g)
	}
	return out
}
