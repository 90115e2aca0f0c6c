// Command product_analysis prints category performance (revenue, units,
// share, growth), the top and bottom products and, for one product
// (-product ID), its monthly trend and rank within its category.
//
//	go run ./examples/product_analysis -from 2025-01-01 -top 5 -product 239
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
	p := dashcli.New("product_analysis", "category performance, top and bottom products, one product's months and rank")
	top := p.Flags.Int("top", 5, "products in the top and bottom lists")
	p.Run(func(ctx context.Context, s *dashcli.Session) error {
		v, err := s.Dashboard.Product(ctx, s.Filter, dashboard.ProductOptions{Compare: s.Compare, TopN: *top})
		if err != nil {
			return err
		}
		return s.Show(v, v.Meta, "Product analysis", len(v.Categories) == 0, func() error { return render(s, v) })
	})
}

func render(s *dashcli.Session, v dashboard.Product) error {
	t := termui.Table{Columns: []termui.Column{termui.TextColumn("category"), termui.NumberColumn("revenue"), termui.NumberColumn("units"),
		termui.NumberColumn("share"), termui.NumberColumn("growth"), termui.TextColumn("")}}
	for _, c := range v.Categories {
		t.Rows = append(t.Rows, []string{c.Category, termui.Money(c.Revenue), termui.Int(c.Units), dashcli.Share(c.Share), s.Growth(c.Growth), dashcli.ShareBar(c.Share)})
	}
	s.Blank()
	if err := s.Render(t); err != nil {
		return err
	}
	s.Blank()
	if err := s.Render(dashcli.ShareTable("Top products", "product", v.Top)); err != nil {
		return err
	}
	s.Blank()
	if err := s.Render(dashcli.ShareTable("Bottom products", "product", v.Bottom)); err != nil {
		return err
	}

	if d := v.Detail; d != nil {
		s.Title(fmt.Sprintf("%s (%s): rank %d of %d in its category", d.Product.Name, d.Product.Category, d.Rank, d.RankOf))
		var months []decimal.Decimal
		for _, m := range d.Months {
			months = append(months, m.Revenue)
		}
		if err := s.Sparks(termui.Sparklines{Lines: []termui.Spark{{Label: "monthly revenue", Values: months, Text: termui.Money(d.Revenue) + " in the period"}}}); err != nil {
			return err
		}
		s.Blank()
		s.Hint("its category", "", d.Category)
		return nil
	}
	s.Blank()
	s.Hint("the top product's months and rank", "", v.Top[0].Drill)
	return nil
}
