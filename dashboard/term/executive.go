package term

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// Executive writes the executive view: the KPIs against the comparison
// period, month, quarter and year to date, the monthly revenue trend and
// revenue by region.
func (p *Page) Executive(v dashboard.Executive) error {
	if ok, err := p.begin(v.Meta, "Executive dashboard", v.Totals.Orders == 0); !ok {
		return err
	}
	value, base := termui.NumberColumn("value"), termui.NumberColumn("comparison")
	kpis := termui.Table{}
	for _, k := range v.KPIs {
		kpis.Rows = append(kpis.Rows, []string{k.Name, kpi(k.Unit, k.Value), kpi(k.Unit, k.Change.Base), delta(k.Unit, k.Change.Delta), p.growth(k.Change)})
		value.Short = append(value.Short, shortKPI(k.Unit, k.Value))
		base.Short = append(base.Short, shortKPI(k.Unit, k.Change.Base))
	}
	kpis.Columns = []termui.Column{termui.TextColumn("KPI"), value, base, termui.NumberColumn("Δ"), termui.NumberColumn("Δ%")}
	p.blank()
	if err := p.table(kpis); err != nil {
		return err
	}

	dates := termui.TextColumn("period")
	toDate := termui.Table{Title: "To date, against the same days a year earlier"}
	for _, r := range v.ToDate {
		toDate.Rows = append(toDate.Rows, []string{string(r.Kind), period(r.Period), termui.Money(r.Revenue), p.growth(r.RevenueChange), termui.Int(r.Orders), p.growth(r.OrdersChange)})
		dates.Short = append(dates.Short, r.Period.From.Format(time.DateOnly)+" – "+r.Period.To.Format(time.DateOnly))
	}
	toDate.Columns = []termui.Column{termui.TextColumn(""), dates, termui.NumberColumn("revenue"), termui.NumberColumn("Δ%"),
		termui.NumberColumn("orders"), termui.NumberColumn("Δ%")}
	p.blank()
	if err := p.table(toDate); err != nil {
		return err
	}

	p.title("Monthly revenue")
	var months []decimal.Decimal
	for _, m := range v.Trend {
		months = append(months, m.Revenue)
	}
	first, last := v.Trend[0], v.Trend[len(v.Trend)-1]
	if err := p.sparks(termui.Sparklines{Lines: []termui.Spark{{Label: "revenue", Values: months,
		Text: termui.MoneyCompact(last.Revenue) + " last month"}}, From: month(first), To: month(last), Scale: moneyScale}); err != nil {
		return err
	}

	p.title("Revenue by region")
	chart := termui.BarChart{}
	for _, r := range v.Regions {
		chart.Bars = append(chart.Bars, termui.Bar{Label: r.Name, Value: r.Revenue, Text: termui.Money(r.Revenue) + "  " + share(r.Share)})
	}
	if err := p.bars(chart); err != nil {
		return err
	}
	p.blank()
	p.hint("a region's page", ViewRegional, v.Regions[0].Drill)
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

// shortKPI renders a KPI value compactly: money as "$4.6M".
func shortKPI(unit string, d decimal.NullDecimal) string {
	if unit == "usd" && d.Valid {
		return termui.MoneyCompact(d.Decimal)
	}
	return kpi(unit, d)
}

func delta(unit string, d decimal.NullDecimal) string {
	if unit == "usd" || !d.Valid {
		return termui.MoneyDelta(d)
	}
	return termui.IntDelta(d.Decimal.IntPart())
}
