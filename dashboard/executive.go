package dashboard

import (
	"context"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/query"
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
		kpi, src, err := e.run(compared(ask(f, p.From, p.To, "revenue", "orders", "aov", "customers", "units_sold"), m))
		if err != nil {
			return nil, err
		}
		m.source(TableKPIs, src)
		v.Totals = totalsOf(kpi, "")
		if _, ok := kpi.idx["revenue_base"]; ok {
			base := totalsOf(kpi, "_base")
			v.Base = &base
		}
		v.KPIs = kpis(v.Totals, kpi)

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

		trend, src, err := e.run(monthly(ask(f, p.From, p.To, "revenue", "orders", "units_sold")))
		if err != nil {
			return nil, err
		}
		m.source(TableTrend, src)
		v.Trend = []MonthPoint{}
		for i := range trend.rows {
			v.Trend = append(v.Trend, trend.monthPoint(i, p, f, e.cat.bounds()))
		}

		regions, src, err := e.run(ranked(withShare(by(ask(f, p.From, p.To, "revenue"), "region")), 0))
		if err != nil {
			return nil, err
		}
		m.source(TableRegions, src)
		v.Regions = []Share{}
		for i := range regions.rows {
			r := regions.str(i, "region")
			v.Regions = append(v.Regions, regions.share(i, r, r, 0, f.WithRegion(r), f))
		}
		return v, nil
	})
}

// totalsOf reads the headline figures of the one row of t, suffix "" for the
// range and "_base" for the comparison period.
func totalsOf(t table, suffix string) Totals {
	out := Totals{Revenue: decimal.Zero}
	if len(t.rows) == 0 {
		return out
	}
	out.Revenue = t.dec(0, "revenue"+suffix)
	out.Orders = t.null(0, "orders"+suffix).Decimal.IntPart()
	out.Customers = t.null(0, "customers"+suffix).Decimal.IntPart()
	out.Units = t.null(0, "units_sold"+suffix).Decimal.IntPart()
	out.AOV = t.null(0, "aov"+suffix)
	return out
}

// kpis are the headline figures cur with their changes, read from the one row
// of t: no change for a figure without a value.
func kpis(cur Totals, t table) []KPI {
	figs := []struct {
		name, unit, col string
		val             func(Totals) decimal.NullDecimal
	}{
		{"revenue", "usd", "revenue", func(t Totals) decimal.NullDecimal { return valid(t.Revenue) }},
		{"orders", "count", "orders", func(t Totals) decimal.NullDecimal { return valid(decimal.NewFromInt(t.Orders)) }},
		{"aov", "usd", "aov", func(t Totals) decimal.NullDecimal { return t.AOV }},
		{"customers", "count", "customers", func(t Totals) decimal.NullDecimal { return valid(decimal.NewFromInt(t.Customers)) }},
		{"units", "count", "units_sold", func(t Totals) decimal.NullDecimal { return valid(decimal.NewFromInt(t.Units)) }},
	}
	out := make([]KPI, len(figs))
	for i, fg := range figs {
		out[i] = KPI{Name: fg.name, Unit: fg.unit, Value: fg.val(cur)}
		if out[i].Value.Valid && len(t.rows) > 0 {
			out[i].Change = t.change(0, fg.col)
		}
	}
	return out
}

// toDate computes revenue and orders for kind ending on end, against a year earlier.
func (e *env) toDate(f Filter, kind ToDate, end time.Time) (ToDateRow, string, error) {
	b := e.cat.bounds()
	start := kind.Start(end)
	row := ToDateRow{Kind: kind, Period: b.period(start, end, false), YearAgo: b.period(yearEarlier(start), yearEarlier(end), false), Drill: f.WithRange(start, end)}
	r := ask(f, start, end, "revenue", "orders")
	if !row.YearAgo.Missing {
		r.Compare = &query.Compare{To: query.CompareRange, Range: query.Dates(row.YearAgo.From, row.YearAgo.To)}
	}
	t, src, err := e.run(r)
	if err != nil || len(t.rows) == 0 {
		return row, src, err
	}
	row.Revenue, row.Orders = t.dec(0, "revenue"), t.count(0, "orders")
	row.RevenueChange, row.OrdersChange = t.change(0, "revenue"), t.change(0, "orders")
	return row, src, nil
}
