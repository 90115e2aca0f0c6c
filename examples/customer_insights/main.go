// Command customer_insights prints the customer view: segments and industries
// (revenue, customers, revenue per customer, share, growth), the top customers with
// their lifetime figures, and new against returning customers per month.
//
//	go run ./examples/customer_insights -from 2025-01-01 -segment Enterprise -top 10
package main

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/dashcli"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

func main() {
	p := dashcli.New("customer_insights", "segments, industries, top customers, new against returning customers")
	top := p.Flags.Int("top", 10, "customers in the top list")
	p.Run(func(ctx context.Context, s *dashcli.Session) error {
		v, err := s.Dashboard.Customers(ctx, s.Filter, dashboard.CustomersOptions{Compare: s.Compare, TopN: *top})
		if err != nil {
			return err
		}
		return s.Show(v, v.Meta, "Customer insights", len(v.Segments) == 0, func() error { return render(s, v) })
	})
}

func render(s *dashcli.Session, v dashboard.Customers) error {
	for _, g := range []struct {
		name string
		rows []dashboard.GroupRow
	}{{"segment", v.Segments}, {"industry", v.Industries}} {
		t := termui.Table{Columns: []termui.Column{termui.TextColumn(g.name), termui.NumberColumn("revenue"), termui.NumberColumn("customers"),
			termui.NumberColumn("per customer"), termui.NumberColumn("share"), termui.NumberColumn("growth"), termui.TextColumn("")}}
		for _, r := range g.rows {
			t.Rows = append(t.Rows, []string{r.Key, termui.Money(r.Revenue), termui.Int(r.Customers), dashcli.Money(r.RevenuePerCustomer), dashcli.Share(r.Share),
				s.Growth(r.Growth), dashcli.ShareBar(r.Share)})
		}
		s.Blank()
		if err := s.Render(t); err != nil {
			return err
		}
	}

	s.Title("Top customers (lifetime: every order, whatever the filter)")
	t := termui.Table{Columns: []termui.Column{termui.NumberColumn("#"), termui.TextColumn("customer"), termui.TextColumn("segment"),
		termui.NumberColumn("revenue"), termui.NumberColumn("share"), termui.NumberColumn("lifetime"), termui.NumberColumn("orders"), termui.TextColumn("since")}}
	for _, c := range v.Top {
		row := []string{fmt.Sprint(c.Rank), c.Name, c.Segment, termui.Money(c.Revenue), dashcli.Share(c.Share.Share), "", "", ""}
		if c.Other {
			row[0], row[1] = "", fmt.Sprintf("Other (%s)", termui.Int(int64(c.Count)))
		}
		if l := c.Lifetime; l != nil {
			row[5], row[6], row[7] = termui.Money(l.Revenue), termui.Int(l.Orders), l.FirstOrder.Format("2006-01-02")
		}
		t.Rows = append(t.Rows, row)
	}
	if err := s.Render(t); err != nil {
		return err
	}

	s.Title("New and returning customers per month")
	var active, fresh []decimal.Decimal
	var newTotal int64
	for _, m := range v.NewVsReturning {
		active = append(active, decimal.NewFromInt(m.Active))
		fresh = append(fresh, decimal.NewFromInt(m.New))
		newTotal += m.New
	}
	last := v.NewVsReturning[len(v.NewVsReturning)-1]
	if err := s.Sparks(termui.Sparklines{Lines: []termui.Spark{
		{Label: "active", Values: active, Text: termui.Int(last.Active) + " in " + last.Month.Format("2006-01")},
		{Label: "new", Values: fresh, Text: termui.Int(newTotal) + " first orders in the period"},
	}}); err != nil {
		return err
	}
	s.Blank()
	s.Hint("a segment", "", v.Segments[0].Drill)
	return nil
}
