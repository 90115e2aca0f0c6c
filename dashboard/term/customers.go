package term

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// Customers writes the customer view: segments and industries, the top
// customers with their lifetime figures, and new against returning customers
// per month; narrowed to one customer (its drill-down), that customer's
// figures, months and newest orders instead.
func (p *Page) Customers(v dashboard.Customers) error {
	if ok, err := p.begin(v.Meta, "Customer insights", len(v.Segments) == 0); !ok {
		return err
	}
	if d := v.Detail; d != nil && drilledTo(v.Filter.Customers, d.ID) {
		return p.customerDrill(d)
	}
	for _, g := range []struct {
		name string
		rows []dashboard.GroupRow
	}{{"segment", v.Segments}, {"industry", v.Industries}} {
		revenue, per, bar := termui.NumberColumn("revenue"), termui.NumberColumn("per customer"), termui.TextColumn("")
		per.ShortHeader = "per cust."
		t := termui.Table{}
		for _, r := range g.rows {
			t.Rows = append(t.Rows, []string{r.Key, termui.Money(r.Revenue), termui.Int(r.Customers), money(r.RevenuePerCustomer), share(r.Share),
				p.growth(r.Growth), ShareBar(r.Share)})
			revenue.Short = append(revenue.Short, termui.MoneyCompact(r.Revenue))
			per.Short = append(per.Short, compact(r.RevenuePerCustomer))
			bar.Short = append(bar.Short, shortBar(r.Share))
		}
		t.Columns = []termui.Column{termui.TextColumn(g.name), revenue, termui.NumberColumn("customers"), per, termui.NumberColumn("share"),
			termui.NumberColumn("growth"), bar}
		p.blank()
		if err := p.table(t); err != nil {
			return err
		}
	}

	p.title("Top customers (lifetime: every order, whatever the filter)")
	customer, revenue, lifetime := termui.TextColumn("customer"), termui.NumberColumn("revenue"), termui.NumberColumn("lifetime")
	customer.Elastic = true
	t := termui.Table{}
	for _, c := range v.Top {
		row := []string{fmt.Sprint(c.Rank), c.Name, c.Segment, termui.Money(c.Revenue), share(c.Share.Share), "", "", ""}
		if c.Other {
			row[0], row[1] = "", fmt.Sprintf("Other (%s)", termui.Int(int64(c.Count)))
		}
		life := ""
		if l := c.Lifetime; l != nil {
			row[5], row[6], row[7] = termui.Money(l.Revenue), termui.Int(l.Orders), l.FirstOrder.Format("2006-01-02")
			life = termui.MoneyCompact(l.Revenue)
		}
		t.Rows = append(t.Rows, row)
		revenue.Short = append(revenue.Short, termui.MoneyCompact(c.Revenue))
		lifetime.Short = append(lifetime.Short, life)
	}
	t.Columns = []termui.Column{termui.NumberColumn("#"), customer, termui.TextColumn("segment"), revenue, termui.NumberColumn("share"),
		lifetime, termui.NumberColumn("orders"), termui.TextColumn("since")}
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
	// Two blocks, each on its own scale from zero: active customers number
	// thousands a month, first orders tens.
	from, to := v.NewVsReturning[0].Month.Format("2006-01"), last.Month.Format("2006-01")
	count := func(d decimal.Decimal) string { return termui.Int(d.IntPart()) }
	if err := p.sparks(termui.Sparklines{Lines: []termui.Spark{
		{Label: "active", Values: active, Text: termui.Int(last.Active) + " in " + last.Month.Format("2006-01")}}, Scale: count}); err != nil {
		return err
	}
	if err := p.sparks(termui.Sparklines{Lines: []termui.Spark{
		{Label: "new   ", Values: fresh, Text: plural(newTotal, "first order", "first orders") + " in the period"}}, From: from, To: to, Scale: count}); err != nil {
		return err
	}
	if d := v.Detail; d != nil {
		return p.customerDrill(d)
	}
	p.blank()
	p.hint("a segment", ViewCustomers, v.Segments[0].Drill)
	return nil
}
