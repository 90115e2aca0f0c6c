package term

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// Product writes the product view: category performance and the top and
// bottom products; narrowed to one product (its drill-down), that product's
// figures, its months and its rank in its category instead.
func (p *Page) Product(v dashboard.Product) error {
	if ok, err := p.begin(v.Meta, "Product analysis", len(v.Categories) == 0); !ok {
		return err
	}
	d := v.Detail
	if d != nil && drilledTo(v.Filter.Products, d.Product.ID) {
		return p.productDrill(d)
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
	if d != nil {
		return p.productDrill(d)
	}
	p.blank()
	p.hint("the top product's months and rank", ViewProduct, v.Top[0].Drill)
	return nil
}

// productDrill writes one product: its figures and rank in its category,
// its months, and the hint to its category.
func (p *Page) productDrill(d *dashboard.ProductDetail) error {
	p.title(fmt.Sprintf("%s (#%d) · %s", d.Product.Name, d.Product.ID, d.Product.Category))
	rank := "no sales in its category this period"
	if d.Rank > 0 {
		rank = fmt.Sprintf("rank %d of %d in its category", d.Rank, d.RankOf)
	}
	p.wrapped(fmt.Sprintf("%s in %s, %s · %s", termui.Money(d.Revenue), orders(d.Orders), plural(d.Units, "unit", "units"), rank), "  ", termui.Tone(""))
	if err := p.drillMonths(d.Months, d.Revenue); err != nil {
		return err
	}
	p.blank()
	p.hint("its category", ViewProduct, d.Category)
	return nil
}
