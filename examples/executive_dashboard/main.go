// Command executive_dashboard prints the executive view of the sales
// warehouse: the KPIs against a comparison period, month/quarter/year to date,
// the monthly revenue trend and revenue by region.
//
//	go run ./examples/executive_dashboard -from 2025-01-01 -to 2025-12-31 -compare year
package main

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/dashcli"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

func main() {
	p := dashcli.New("executive_dashboard", "KPIs, to-date figures, the revenue trend and revenue by region")
	p.Run(func(ctx context.Context, s *dashcli.Session) error {
		v, err := s.Dashboard.Executive(ctx, s.Filter, dashboard.ExecutiveOptions{Compare: s.Compare})
		if err != nil {
			return err
		}
		return s.Show(v, v.Meta, "Executive dashboard", v.Totals.Orders == 0, func() error { return render(s, v) })
	})
}

func render(s *dashcli.Session, v dashboard.Executive) error {
	kpis := termui.Table{Columns: []termui.Column{termui.TextColumn("KPI"), termui.NumberColumn("value"),
		termui.NumberColumn("comparison"), termui.NumberColumn("Δ"), termui.NumberColumn("Δ%")}}
	for _, k := range v.KPIs {
		kpis.Rows = append(kpis.Rows, []string{k.Name, kpi(k.Unit, k.Value), kpi(k.Unit, k.Change.Base), delta(k.Unit, k.Change.Delta), s.Growth(k.Change)})
	}
	s.Blank()
	if err := s.Render(kpis); err != nil {
		return err
	}

	toDate := termui.Table{Title: "To date, against the same days a year earlier", Columns: []termui.Column{termui.TextColumn(""),
		termui.TextColumn("period"), termui.NumberColumn("revenue"), termui.NumberColumn("Δ%"), termui.NumberColumn("orders"), termui.NumberColumn("Δ%")}}
	for _, r := range v.ToDate {
		toDate.Rows = append(toDate.Rows, []string{string(r.Kind), dashcli.Period(r.Period), termui.Money(r.Revenue), s.Growth(r.RevenueChange), termui.Int(r.Orders), s.Growth(r.OrdersChange)})
	}
	s.Blank()
	if err := s.Render(toDate); err != nil {
		return err
	}

	s.Title("Monthly revenue")
	var months []decimal.Decimal
	for _, m := range v.Trend {
		months = append(months, m.Revenue)
	}
	first, last := v.Trend[0], v.Trend[len(v.Trend)-1]
	if err := s.Sparks(termui.Sparklines{Lines: []termui.Spark{{Label: dashcli.Month(first) + " … " + dashcli.Month(last), Values: months,
		Text: termui.MoneyCompact(last.Revenue) + " last month"}}}); err != nil {
		return err
	}

	s.Title("Revenue by region")
	chart := termui.BarChart{}
	for _, r := range v.Regions {
		chart.Bars = append(chart.Bars, termui.Bar{Label: r.Name, Value: r.Revenue, Text: termui.Money(r.Revenue) + "  " + dashcli.Share(r.Share)})
	}
	if err := s.Bars(chart); err != nil {
		return err
	}
	s.Blank()
	s.Hint("a region's page", "regional_analysis", v.Regions[0].Drill)
	return nil
}

// kpi renders a KPI value in its unit.
func kpi(unit string, d decimal.NullDecimal) string {
	switch {
	case !d.Valid:
		return termui.NoComparison
	case unit == "usd":
		return termui.Money(d.Decimal)
	}
	return termui.Int(d.Decimal.IntPart())
}

func delta(unit string, d decimal.NullDecimal) string {
	if unit == "usd" || !d.Valid {
		return termui.MoneyDelta(d)
	}
	return termui.IntDelta(d.Decimal.IntPart())
}
