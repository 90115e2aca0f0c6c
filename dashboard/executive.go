package dashboard

import (
	"context"
	"time"

	"github.com/shopspring/decimal"
)

// ExecutiveOptions tune [Dashboard.Executive].
type ExecutiveOptions struct {
	// Compare is the comparison of the KPIs; empty means ComparePrevious.
	Compare Compare
}

// Executive is the executive view: KPIs for the period with their change against
// the comparison period, month/quarter/year to date against a year earlier, the
// monthly revenue trend and revenue by region.
type Executive struct {
	Meta
	// Totals are the period's figures; Base the comparison period's (nil when
	// there is no comparison or it holds no data).
	Totals Totals  `json:"totals"`
	Base   *Totals `json:"base,omitempty"`
	// KPIs are revenue, orders, aov, customers and units, in that order.
	KPIs []KPI `json:"kpis"`
	// ToDate holds MTD, QTD and YTD as of the period's last day with data.
	ToDate []ToDateRow `json:"to_date"`
	// Trend is revenue per month over the period.
	Trend []MonthPoint `json:"trend"`
	// Regions is revenue by region with its share of the total.
	Regions []Share `json:"regions"`
}

// Totals are a period's headline figures.
type Totals struct {
	Revenue   decimal.Decimal     `json:"revenue"`
	Orders    int64               `json:"orders"`
	Customers int64               `json:"customers"`
	Units     int64               `json:"units"`
	AOV       decimal.NullDecimal `json:"aov"` // revenue per order, to the cent; null without orders
}

// KPI is one headline figure and its change.
type KPI struct {
	Name string `json:"name"`
	// Unit is "usd" for money, "count" for counts.
	Unit   string              `json:"unit"`
	Value  decimal.NullDecimal `json:"value"`
	Change Change              `json:"change"`
}

// ToDateRow is revenue and orders month, quarter or year to date, against the
// same days a year earlier.
type ToDateRow struct {
	Kind          ToDate          `json:"kind"`
	Period        Period          `json:"period"`
	Revenue       decimal.Decimal `json:"revenue"`
	Orders        int64           `json:"orders"`
	YearAgo       Period          `json:"year_ago"`
	RevenueChange Change          `json:"revenue_change"`
	OrdersChange  Change          `json:"orders_change"`
	Drill         Filter          `json:"drill"`
}

// The names of the executive view's tables, as in [Meta.Sources] and exports.
const (
	TableKPIs    = "kpis"
	TableToDate  = "to_date"
	TableTrend   = "trend"
	TableRegions = "regions"
)

// Executive computes the executive view of f.
func (d *Dashboard) Executive(ctx context.Context, f Filter, o ExecutiveOptions) (Executive, error) {
	return run[Executive](ctx, d, "executive", "", f, o.Compare, func(e *env, m *Meta) (*Executive, error) {
		v := &Executive{}
		p := m.Period
		cur, src, err := e.totals(f, p.From, p.To)
		if err != nil {
			return nil, err
		}
		m.source(TableKPIs, src)
		v.Totals = cur
		if c := m.Comparison; c != nil && !c.Missing {
			base, _, err := e.totals(f, c.From, c.To)
			if err != nil {
				return nil, err
			}
			v.Base = &base
		}
		v.KPIs = kpis(v.Totals, v.Base)

		end := p.To
		if end.After(e.cat.Last) {
			end = e.cat.Last
		}
		for _, k := range ToDates() {
			row, src, err := e.toDate(f, k, end)
			if err != nil {
				return nil, err
			}
			m.source(TableToDate, src)
			v.ToDate = append(v.ToDate, row)
		}

		trend, src, err := e.aggregate(aggReq{dims: []dim{dimMonth}, measures: mRevenue | mOrders | mUnits, f: f, from: p.From, to: p.To})
		if err != nil {
			return nil, err
		}
		m.source(TableTrend, src)
		v.Trend = monthPoints(trend, p, f, e.cat.bounds())

		regions, src, err := e.aggregate(aggReq{dims: []dim{dimRegion}, measures: mRevenue, f: f, from: p.From, to: p.To})
		if err != nil {
			return nil, err
		}
		m.source(TableRegions, src)
		v.Regions = shares(regions, 0, regionLabel, func(r aggRow) Filter { return f.WithRegion(r.Region) }, f)
		return v, nil
	})
}

func regionLabel(r aggRow) (string, string, int64) { return r.Region, r.Region, 0 }

// totals computes the headline figures of f over [from, to].
func (e *env) totals(f Filter, from, to time.Time) (Totals, string, error) {
	rows, src, err := e.aggregate(aggReq{measures: mRevenue | mOrders | mUnits | mCustomers, f: f, from: from, to: to})
	if err != nil || len(rows) == 0 {
		return Totals{Revenue: decimal.Zero}, src, err
	}
	r := rows[0]
	return Totals{Revenue: r.Revenue, Orders: r.Orders, Customers: r.Customers, Units: r.Units, AOV: ratio(r.Revenue, decimal.NewFromInt(r.Orders), 2)}, src, nil
}

func kpis(cur Totals, base *Totals) []KPI {
	type fig struct {
		name, unit string
		val        func(Totals) decimal.NullDecimal
	}
	figs := []fig{
		{"revenue", "usd", func(t Totals) decimal.NullDecimal { return valid(t.Revenue) }},
		{"orders", "count", func(t Totals) decimal.NullDecimal { return valid(decimal.NewFromInt(t.Orders)) }},
		{"aov", "usd", func(t Totals) decimal.NullDecimal { return t.AOV }},
		{"customers", "count", func(t Totals) decimal.NullDecimal { return valid(decimal.NewFromInt(t.Customers)) }},
		{"units", "count", func(t Totals) decimal.NullDecimal { return valid(decimal.NewFromInt(t.Units)) }},
	}
	out := make([]KPI, len(figs))
	for i, fg := range figs {
		k := KPI{Name: fg.name, Unit: fg.unit, Value: fg.val(cur)}
		if base != nil && k.Value.Valid {
			k.Change = changeOf(k.Value.Decimal, fg.val(*base))
		}
		out[i] = k
	}
	return out
}

// toDate computes revenue and orders for kind ending on end, against a year earlier.
func (e *env) toDate(f Filter, kind ToDate, end time.Time) (ToDateRow, string, error) {
	b := e.cat.bounds()
	start := kind.Start(end)
	row := ToDateRow{Kind: kind, Period: b.period(start, end, false), YearAgo: b.period(yearEarlier(start), yearEarlier(end), false), Drill: f.WithRange(start, end)}
	cur, src, err := e.aggregate(aggReq{measures: mRevenue | mOrders, f: f, from: start, to: end})
	if err != nil {
		return row, src, err
	}
	row.Revenue = decimal.Zero
	if len(cur) > 0 {
		row.Revenue, row.Orders = cur[0].Revenue, cur[0].Orders
	}
	if row.YearAgo.Missing {
		return row, src, nil
	}
	base, _, err := e.aggregate(aggReq{measures: mRevenue | mOrders, f: f, from: row.YearAgo.From, to: row.YearAgo.To})
	if err != nil {
		return row, src, err
	}
	br, bo := decimal.Zero, int64(0)
	if len(base) > 0 {
		br, bo = base[0].Revenue, base[0].Orders
	}
	row.RevenueChange = changeOf(row.Revenue, valid(br))
	row.OrdersChange = changeOf(decimal.NewFromInt(row.Orders), valid(decimal.NewFromInt(bo)))
	return row, src, nil
}
