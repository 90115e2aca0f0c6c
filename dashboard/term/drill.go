package term

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// A drill-down (a view narrowed to one product or one customer) shows what
// the one row has: its figures in the period, its months as a table and a
// sparkline (every month with data, zero without orders) and, for a customer,
// its newest orders. The view's tables of the whole would repeat that row.

// drilledTo reports whether the filter names exactly the one id a drill
// details: then the view's tables of the whole hold that one row.
func drilledTo(ids []int64, id int64) bool { return len(ids) == 1 && ids[0] == id }

// drillMonths writes a drill's months: a sparkline of revenue from zero with
// the first and last months labelled, then the table of each month's revenue,
// orders, units and change on the month before.
func (p *Page) drillMonths(months []dashboard.DrillMonth, total decimal.Decimal) error {
	if len(months) == 0 {
		return nil
	}
	values := make([]decimal.Decimal, len(months))
	for i, m := range months {
		values[i] = m.Revenue
	}
	if err := p.sparks(termui.Sparklines{Lines: []termui.Spark{{Label: "revenue", Values: values, Text: termui.MoneyCompact(total) + " in the period"}},
		From: month(months[0].MonthPoint), To: month(months[len(months)-1].MonthPoint), Scale: moneyScale}); err != nil {
		return err
	}
	revenue, change := termui.NumberColumn("revenue"), termui.NumberColumn("vs prior month")
	change.ShortHeader = "vs prior"
	t := termui.Table{}
	for _, m := range months {
		t.Rows = append(t.Rows, []string{month(m.MonthPoint), termui.Money(m.Revenue), termui.Int(m.Orders), termui.Int(m.Units), p.monthChange(m.Change)})
		revenue.Short = append(revenue.Short, termui.MoneyCompact(m.Revenue))
		change.Short = append(change.Short, p.monthChange(m.Change))
	}
	t.Columns = []termui.Column{termui.TextColumn("month"), revenue, termui.NumberColumn("orders"), termui.NumberColumn("units"), change}
	p.blank()
	return p.table(t)
}

// monthChange is revenue's change on the month before: blank for the first
// month, "—" for nothing both months, "new" after a month of nothing.
func (p *Page) monthChange(c dashboard.Change) string {
	switch {
	case !c.Delta.Valid:
		return ""
	case c.Base.Decimal.IsZero() && c.Delta.Decimal.IsZero():
		return "—"
	case !c.Pct.Valid:
		return "new"
	}
	return p.growth(c)
}

// customerDrill writes one customer: who, the lifetime and the period's
// figures, the months and the newest orders ("showing 50 of 61").
func (p *Page) customerDrill(d *dashboard.CustomerDetail) error {
	p.title(fmt.Sprintf("%s (#%d) · %s · %s", d.Name, d.ID, d.Segment, d.Industry))
	if l := d.Lifetime; l != nil {
		p.wrapped(fmt.Sprintf("lifetime %s in %s since %s", termui.Money(l.Revenue), orders(l.Orders), l.FirstOrder.Format(time.DateOnly)), "  ", termui.Tone(""))
	}
	p.wrapped(fmt.Sprintf("this period %s in %s, %s", termui.Money(d.Revenue), orders(d.OrderCount), plural(d.Units, "unit", "units")), "  ", termui.Tone(""))
	if err := p.drillMonths(d.Months, d.Revenue); err != nil {
		return err
	}
	if len(d.Orders) == 0 {
		return nil
	}
	title := "Orders, newest first"
	if int64(len(d.Orders)) < d.OrderCount {
		title += fmt.Sprintf(" (showing %s of %s)", termui.Int(int64(len(d.Orders))), termui.Int(d.OrderCount))
	}
	p.title(title)
	product, revenue := termui.TextColumn("product"), termui.NumberColumn("revenue")
	product.Elastic = true
	t := termui.Table{}
	for _, o := range d.Orders {
		t.Rows = append(t.Rows, []string{o.Date.Format(time.DateOnly), fmt.Sprint(o.ID), o.Product.Name, termui.Int(o.Units), termui.Money(o.Revenue), o.Region, o.Channel})
		revenue.Short = append(revenue.Short, termui.MoneyCompact(o.Revenue))
	}
	t.Columns = []termui.Column{termui.TextColumn("date"), termui.NumberColumn("order"), product, termui.NumberColumn("units"), revenue,
		termui.TextColumn("region"), termui.TextColumn("channel")}
	return p.table(t)
}

// orders counts orders in words: "1 order", "12 orders".
func orders(n int64) string { return plural(n, "order", "orders") }

// plural is n and the noun that agrees with it.
func plural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return termui.Int(n) + " " + many
}
