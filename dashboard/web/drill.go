package web

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web/svg"
)

// A drill-down page (a product or a customer row's link: the page narrowed to
// that one) shows what the one row has: its figures as cards, its months as a
// chart and a table (every month with data, zero without orders), and a
// customer's newest orders. The page's tiles of the whole would each repeat
// that row.

// drilledTo reports whether the filter names exactly the one id a drill
// details.
func drilledTo(ids []int64, id int64) bool { return len(ids) == 1 && ids[0] == id }

// figureCard is a KPI card of a drill: a figure without a comparison.
func figureCard(id, label, value, exact string) KPI {
	return KPI{ID: id, Label: label, Value: value, Exact: exact, Plain: true}
}

// productDrillTiles are one product's cards (revenue, orders, units, rank in
// its category) and its months.
func productDrillTiles(r request, v dashboard.Product, d *dashboard.ProductDetail) []Tile {
	cards := Tile{ID: "product_figures", Title: d.Product.Name + " · " + d.Product.Category, Wide: true, Note: periodNote(v.Meta)}
	rank := "—"
	if d.Rank > 0 {
		rank = itoa(d.Rank) + " of " + itoa(d.RankOf)
	}
	cards.KPIs = []KPI{figureCard("revenue", "Revenue", headline(d.Revenue), money(d.Revenue)),
		figureCard("orders", "Orders", count(d.Orders), count(d.Orders)), figureCard("units", "Units sold", count(d.Units), count(d.Units)),
		figureCard("rank", "Rank in "+d.Product.Category, rank, "by revenue among the category's products with sales")}
	months := drillMonthsTile(r, "product", dashboard.TableProductMonths, d.Product.Name+": months", d.Months)
	months.Note = "every month of the range, zero without orders · change on the month before"
	return []Tile{cards, months}
}

// drillMonthsTile is a drill's months: a revenue line and a table of revenue,
// orders, units and the change on the month before; each month links to the
// page narrowed to it.
func drillMonthsTile(r request, page, id, title string, months []dashboard.DrillMonth) Tile {
	t := Tile{ID: id, Title: title, Wide: true}
	if len(months) == 0 {
		t.Empty = noOrders
		return t
	}
	ser := svg.Series{Name: "Revenue"}
	labels := make([]string, len(months))
	tbl := &Table{ID: id, CSV: r.csv(page, id), Cols: []Col{{Name: "Month"}, {Name: "Revenue", Num: true}, {Name: "Orders", Num: true},
		{Name: "Units", Num: true}, {Name: "vs prior month", Num: true}}}
	for i, m := range months {
		labels[i] = m.Month.Format("Jan 06")
		href := r.link(page, m.Drill)
		ser.Values = append(ser.Values, float(m.Revenue))
		ser.Texts = append(ser.Texts, m.Month.Format("Jan 2006")+": "+money(m.Revenue)+partialMark(m.Partial))
		ser.Hrefs = append(ser.Hrefs, href)
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{{Text: m.Month.Format("January 2006") + partialMark(m.Partial), Href: href},
			{Text: money(m.Revenue)}, {Text: count(m.Orders)}, {Text: count(m.Units)}, monthChangeCell(m.Change)}})
	}
	line := svg.Line{Title: title, Labels: labels, Series: []svg.Series{ser}, Axis: svg.Money, Width: wideChart, Height: 260}
	t.Chart, t.Phone, t.Table = line.SVG(), line.PhoneSVG(), tbl
	return t
}

// monthChangeCell is revenue's change on the month before: blank for the
// first month, "—" for nothing both months, "new" after a month of nothing.
func monthChangeCell(c dashboard.Change) Cell {
	if !c.Delta.Valid {
		return Cell{}
	}
	return changeCell(c)
}

// customerDrillTiles are one customer's cards (the range's revenue and
// orders, lifetime revenue, customer since), months and newest orders.
func customerDrillTiles(r request, v dashboard.Customers, d *dashboard.CustomerDetail) []Tile {
	cards := Tile{ID: "customer_figures", Title: d.Name + " · " + d.Segment + " · " + d.Industry, Wide: true, Note: periodNote(v.Meta)}
	cards.KPIs = []KPI{figureCard("revenue", "Revenue", headline(d.Revenue), money(d.Revenue)),
		figureCard("orders", "Orders", count(d.OrderCount), count(d.OrderCount)), figureCard("units", "Units bought", count(d.Units), count(d.Units))}
	if l := d.Lifetime; l != nil {
		cards.KPIs = append(cards.KPIs, figureCard("lifetime", "Lifetime revenue", headline(l.Revenue),
			money(l.Revenue)+" in "+plural(l.Orders, "order", "orders")+" since "+l.FirstOrder.Format("2 Jan 2006")))
	}
	months := drillMonthsTile(r, "customers", dashboard.TableCustomerMonths, d.Name+": months", d.Months)
	months.Note = "every month of the range, zero without orders · change on the month before"
	return []Tile{cards, months, customerOrdersTile(r, d)}
}

// customerOrdersTile lists a customer's newest orders; a product links to the
// product page narrowed to it and to the customer.
func customerOrdersTile(r request, d *dashboard.CustomerDetail) Tile {
	t := Tile{ID: dashboard.TableCustomerOrders, Title: "Orders, newest first", Wide: true}
	if n := int64(len(d.Orders)); n < d.OrderCount {
		t.Note = "showing the newest " + count(n) + " of " + count(d.OrderCount)
	} else {
		t.Note = plural(d.OrderCount, "order", "orders") + " in the range"
	}
	tbl := &Table{ID: dashboard.TableCustomerOrders, CSV: r.csv("customers", dashboard.TableCustomerOrders), Cols: []Col{
		{Name: "Date"}, {Name: "Order", Num: true}, {Name: "Product"}, {Name: "Category"}, {Name: "Units", Num: true},
		{Name: "Revenue", Num: true}, {Name: "Region"}, {Name: "Channel"}, {Name: "Rep"}}}
	for _, o := range d.Orders {
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{{Text: o.Date.Format(time.DateOnly)}, {Text: strconv.FormatInt(o.ID, 10)},
			{Text: o.Product.Name, Href: r.link("product", o.Drill)}, {Text: o.Product.Category}, {Text: count(o.Units)},
			{Text: money(o.Revenue)}, {Text: o.Region}, {Text: o.Channel}, {Text: o.RepName}}})
	}
	t.Table = tbl
	return emptyIf(t, len(d.Orders) == 0)
}

// plural is n and the noun that agrees with it: "1 order", "12 orders".
func plural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return count(n) + " " + many
}

// tileSetHeader carries the tiles a page shows (their IDs, space-separated)
// with the script's request for one of them.
const tileSetHeader = "X-Tile-Set"

// changed reports whether a page's tiles under the new filter differ from
// the set the script sent (a drill-down replaces the page's tiles): the
// tile endpoint then answers 205 Reset Content and the script loads the
// whole page. No set sent (not the script) is no change.
func changed(sent string, tiles []Tile) bool {
	if sent == "" {
		return false
	}
	ids := make([]string, len(tiles))
	for i, t := range tiles {
		ids[i] = t.ID
	}
	got := strings.Fields(sent)
	slices.Sort(ids)
	slices.Sort(got)
	return !slices.Equal(ids, got)
}
