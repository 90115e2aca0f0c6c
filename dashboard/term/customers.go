package term

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// Customers writes the customer view: segments and industries, the top
// customers with their lifetime figures, and new against returning customers
// per month.
func (p *Page) Customers(v dashboard.Customers) error {
	if ok, err := p.begin(v.Meta, "Customer insights", len(v.Segments) == 0); !ok {
		return err
	}
	for _, g := range []struct {
		name string
		rows []dashboard.GroupRow
	}{{"segment", v.Segments}, {"industry", v.Industries}} {
		t := termui.Table{Columns: []termui.Column{termui.TextColumn(g.name), termui.NumberColumn("revenue"), termui.NumberColumn("customers"),
			termui.NumberColumn("per customer"), termui.NumberColumn("share"), termui.NumberColumn("growth"), termui.TextColumn("")}}
		for _, r := range g.rows {
			t.Rows = append(t.Rows, []string{r.Key, termui.Money(r.Revenue), termui.Int(r.Customers), money(r.RevenuePerCustomer), share(r.Share),
				p.growth(r.Growth), ShareBar(r.Share)})
		}
		p.blank()
		if err := p.table(t); err != nil {
			return err
		}
	}

	p.title("Top customers (lifetime: every order, whatever the filter)")
	t := termui.Table{Columns: []termui.Column{termui.NumberColumn("#"), termui.TextColumn("customer"), termui.TextColumn("segment"),
		termui.NumberColumn("revenue"), termui.NumberColumn("share"), termui.NumberColumn("lifetime"), termui.NumberColumn("orders"), termui.TextColumn("since")}}
	for _, c := range v.Top {
		row := []string{fmt.Sprint(c.Rank), c.Name, c.Segment, termui.Money(c.Revenue), share(c.Share.Share), "", "", ""}
		if c.Other {
			row[0], row[1] = "", fmt.Sprintf("Other (%s)", termui.Int(int64(c.Count)))
		}
		if l := c.Lifetime; l != nil {
			row[5], row[6], row[7] = termui.Money(l.Revenue), termui.Int(l.Orders), l.FirstOrder.Format("2006-01-02")
		}
		t.Rows = append(t.Rows, row)
	}
	if err := p.table(t); err != nil {
		return err
	}

	p.title("New and returning customers per month")
	var active, fresh []decimal.Decimal
	var newTotal int64
	for _, m := range v.NewVsReturning {
		active = append(active, decimal.NewFromInt(m.Active))
		fresh = append(fresh, decimal.NewFromInt(m.New))
		newTotal += m.New
	}
	last := v.NewVsReturning[len(v.NewVsReturning)-1]
	if err := p.sparks(termui.Sparklines{Lines: []termui.Spark{
		{Label: "active", Values: active, Text: termui.Int(last.Active) + " in " + last.Month.Format("2006-01")},
		{Label: "new", Values: fresh, Text: termui.Int(newTotal) + " first orders in the period"},
	}}); err != nil {
		return err
	}
	p.blank()
	p.hint("a segment", ViewCustomers, v.Segments[0].Drill)
	return nil
}
