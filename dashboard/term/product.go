package term

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// Product writes the product view: category performance, the top and bottom
// products and, when the filter names one product, its months and its rank in
// its category.
func (p *Page) Product(v dashboard.Product) error {
	if ok, err := p.begin(v.Meta, "Product analysis", len(v.Categories) == 0); !ok {
		return err
	}
	t := termui.Table{Columns: []termui.Column{termui.TextColumn("category"), termui.NumberColumn("revenue"), termui.NumberColumn("units"),
		termui.NumberColumn("share"), termui.NumberColumn("growth"), termui.TextColumn("")}}
	for _, c := range v.Categories {
		t.Rows = append(t.Rows, []string{c.Category, termui.Money(c.Revenue), termui.Int(c.Units), share(c.Share), p.growth(c.Growth), ShareBar(c.Share)})
	}
	p.blank()
	if err := p.table(t); err != nil {
		return err
	}
	p.blank()
	if err := p.table(shareTable("Top products", "product", v.Top)); err != nil {
		return err
	}
	p.blank()
	if err := p.table(shareTable("Bottom products", "product", v.Bottom)); err != nil {
		return err
	}

	if d := v.Detail; d != nil {
		p.title(fmt.Sprintf("%s (%s): rank %d of %d in its category", d.Product.Name, d.Product.Category, d.Rank, d.RankOf))
		var months []decimal.Decimal
		for _, m := range d.Months {
			months = append(months, m.Revenue)
		}
		if err := p.sparks(termui.Sparklines{Lines: []termui.Spark{{Label: "monthly revenue", Values: months, Text: termui.Money(d.Revenue) + " in the period"}},
			From: month(d.Months[0]), To: month(d.Months[len(d.Months)-1]), Scale: moneyScale}); err != nil {
			return err
		}
		p.blank()
		p.hint("its category", ViewProduct, d.Category)
		return nil
	}
	p.blank()
	p.hint("the top product's months and rank", ViewProduct, v.Top[0].Drill)
	return nil
}
