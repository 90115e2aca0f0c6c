package web

import (
	"context"
	"net/url"
	"slices"
	"time"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web/svg"
)

func (s *site) customers(ctx context.Context, q url.Values) ([]Tile, error) {
	r, err := s.parse(ctx, q)
	if err != nil {
		return nil, err
	}
	v, err := s.d.Customers(ctx, r.f, dashboard.CustomersOptions{Compare: r.cmp})
	if err != nil {
		return nil, viewError(err)
	}
	if d := v.Detail; d != nil && drilledTo(r.f.Customers, d.ID) && len(v.Segments) > 0 {
		return customerDrillTiles(r, v, d), nil
	}
	segs := groupTile(r, dashboard.TableSegments, "Segments", "Segment", v.Segments)
	segs.Note = periodNote(v.Meta)
	tiles := []Tile{segs, groupTile(r, dashboard.TableIndustries, "Industries", "Industry", v.Industries)}

	top := Tile{ID: dashboard.TableTopCustomers, Title: "Top customers", Wide: true, Note: "by revenue in the range, with lifetime figures over every order"}
	tbl := &Table{ID: dashboard.TableTopCustomers, CSV: r.csv("customers", dashboard.TableTopCustomers), Cols: []Col{
		{Name: "#", Num: true}, {Name: "Customer"}, {Name: "Segment"}, {Name: "Industry"}, {Name: "Revenue", Num: true},
		{Name: "Share", Num: true}, {Name: "Orders", Num: true}, {Name: "Lifetime revenue", Num: true},
		{Name: "Lifetime orders", Num: true}, {Name: "First order"}, {Name: "Last order"}}}
	for _, c := range v.Top {
		row := Row{Total: c.Other}
		if c.Other {
			row.Cells = []Cell{{}, {Text: "Other (" + count(int64(c.Count)) + ")"}, {}, {}, {Text: money(c.Revenue)}, {Text: nullPct(c.Share.Share)}, {}, {}, {}, {}, {}}
		} else {
			row.Cells = []Cell{{Text: itoa(c.Rank)}, {Text: c.Name, Href: r.link("customers", c.Drill)},
				{Text: c.Segment, Href: r.link("customers", r.f.WithSegment(c.Segment))}, {Text: c.Industry, Href: r.link("customers", r.f.WithIndustry(c.Industry))},
				{Text: money(c.Revenue)}, {Text: nullPct(c.Share.Share)}, {Text: count(c.Orders)}}
			if l := c.Lifetime; l != nil {
				row.Cells = append(row.Cells, Cell{Text: money(l.Revenue)}, Cell{Text: count(l.Orders)},
					Cell{Text: l.FirstOrder.Format(time.DateOnly)}, Cell{Text: l.LastOrder.Format(time.DateOnly)})
			} else {
				row.Cells = append(row.Cells, Cell{}, Cell{}, Cell{}, Cell{})
			}
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	top.Table = tbl
	tiles = append(tiles, emptyIf(top, len(v.Top) == 0), newReturningTile(r, v.NewVsReturning))
	return tiles, nil
}

// groupTile is a segment or industry breakdown: bars and a table, with a growth
// column when the page compares with another period (the tile's note says
// when there is nothing to compare with).
func groupTile(r request, id, title, name string, rows []dashboard.GroupRow) Tile {
	t := Tile{ID: id, Title: title, Wide: true, Side: true}
	growth := slices.ContainsFunc(rows, func(g dashboard.GroupRow) bool { return g.Growth.Comparable() })
	tbl := &Table{ID: id, CSV: r.csv("customers", id), Cols: []Col{{Name: name}, {Name: "Revenue", Num: true},
		{Name: "Customers", Num: true}, {Name: "Per customer", Num: true}, {Name: "Share", Num: true}}}
	if growth {
		tbl.Cols = append(tbl.Cols, Col{Name: "Growth", Num: true})
	}
	bars := svg.Bar{Title: "Revenue by " + lowerFirst(name), Width: halfChart}
	for _, g := range rows {
		href := r.link("customers", g.Drill)
		cells := []Cell{{Text: g.Key, Href: href}, {Text: money(g.Revenue)},
			{Text: count(g.Customers)}, {Text: nullMoney(g.RevenuePerCustomer)}, {Text: nullPct(g.Share)}}
		if growth {
			cells = append(cells, changeCell(g.Growth))
		}
		tbl.Rows = append(tbl.Rows, Row{Cells: cells})
		bars.Bars = append(bars.Bars, svg.BarItem{Label: g.Key, Value: float(g.Revenue), Text: money(g.Revenue), Href: href})
	}
	t.Table, t.Chart, t.Phone = tbl, bars.SVG(), bars.PhoneSVG()
	return emptyIf(t, len(rows) == 0)
}

// newReturningTile stacks new against returning customers per month.
func newReturningTile(r request, rows []dashboard.CustomerMonth) Tile {
	t := Tile{ID: dashboard.TableNewVsReturning, Title: "New and returning customers", Wide: true, Fold: true,
		Note: "customers who ordered each month; new placed their first order ever"}
	tbl := &Table{ID: dashboard.TableNewVsReturning, CSV: r.csv("customers", dashboard.TableNewVsReturning), Cols: []Col{
		{Name: "Month"}, {Name: "Active", Num: true}, {Name: "New", Num: true}, {Name: "Returning", Num: true}}}
	chart := svg.Stacked{Title: "New and returning customers per month", Width: wideChart, Height: 280,
		Series: []svg.Series{{Name: "New"}, {Name: "Returning"}}}
	for _, m := range rows {
		href := r.link("customers", m.Drill)
		chart.Labels = append(chart.Labels, m.Month.Format("Jan 06"))
		chart.Series[0].Values = append(chart.Series[0].Values, float64(m.New))
		chart.Series[0].Texts = append(chart.Series[0].Texts, count(m.New)+" of "+count(m.Active))
		chart.Series[0].Hrefs = append(chart.Series[0].Hrefs, href)
		chart.Series[1].Values = append(chart.Series[1].Values, float64(m.Returning))
		chart.Series[1].Texts = append(chart.Series[1].Texts, count(m.Returning)+" of "+count(m.Active))
		chart.Series[1].Hrefs = append(chart.Series[1].Hrefs, href)
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{{Text: m.Month.Format("January 2006") + partialMark(m.Partial), Href: href},
			{Text: count(m.Active)}, {Text: count(m.New)}, {Text: count(m.Returning)}}})
	}
	t.Table, t.Chart, t.Phone = tbl, chart.SVG(), chart.PhoneSVG()
	return emptyIf(t, len(rows) == 0)
}
