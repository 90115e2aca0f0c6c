package web

import (
	"context"
	"net/url"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web/svg"
)

func (s *site) product(ctx context.Context, q url.Values) ([]Tile, error) {
	r, err := s.parse(ctx, q)
	if err != nil {
		return nil, err
	}
	v, err := s.d.Product(ctx, r.f, dashboard.ProductOptions{Compare: r.cmp})
	if err != nil {
		return nil, viewError(err)
	}
	if d := v.Detail; d != nil && drilledTo(r.f.Products, d.Product.ID) && len(v.Categories) > 0 {
		return productDrillTiles(r, v, d), nil
	}
	cats := Tile{ID: dashboard.TableCategories, Title: "Category performance", Wide: true, Note: periodNote(v.Meta)}
	tbl := &Table{ID: dashboard.TableCategories, CSV: r.csv("product", dashboard.TableCategories), Cols: []Col{
		{Name: "Category"}, {Name: "Revenue", Num: true}, {Name: "Units", Num: true}, {Name: "Share", Num: true}, {Name: "Growth", Num: true}}}
	bars := svg.Bar{Title: "Revenue by category", Width: wideChart}
	for _, c := range v.Categories {
		href := r.link("product", c.Drill)
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{
			{Text: c.Category, Href: href}, {Text: money(c.Revenue)}, {Text: count(c.Units)}, {Text: nullPct(c.Share)}, changeCell(c.Growth)}})
		bars.Bars = append(bars.Bars, svg.BarItem{Label: c.Category, Value: float(c.Revenue), Text: money(c.Revenue), Href: href})
	}
	cats.Table, cats.Chart, cats.Phone = tbl, bars.SVG(), bars.PhoneSVG()
	cats = emptyIf(cats, len(v.Categories) == 0)

	top := Tile{ID: dashboard.TableTopProducts, Title: "Top products", Note: "by revenue, with the rest as Other"}
	top.Table, _, _ = shareTable(r, shareSpec{id: dashboard.TableTopProducts, name: "Product", page: "product", target: "product"}, v.Top)
	bottom := Tile{ID: dashboard.TableBottomProduct, Title: "Bottom products", Note: "lowest revenue with sales in the range"}
	bottom.Table, _, _ = shareTable(r, shareSpec{id: dashboard.TableBottomProduct, name: "Product", page: "product", target: "product"}, v.Bottom)
	tiles := []Tile{cats}
	if d := v.Detail; d != nil {
		tiles = append(tiles, productDrillTiles(r, v, d)...)
	}
	return append(tiles, emptyIf(top, len(v.Top) == 0), emptyIf(bottom, len(v.Bottom) == 0)), nil
}
