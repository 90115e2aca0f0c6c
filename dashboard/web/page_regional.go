package web

import (
	"context"
	"net/url"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web/svg"
)

func (s *site) regional(ctx context.Context, q url.Values) ([]Tile, error) {
	r, err := s.parse(ctx, q)
	if err != nil {
		return nil, err
	}
	v, err := s.d.Regional(ctx, r.f, dashboard.RegionalOptions{Compare: r.cmp})
	if err != nil {
		return nil, viewError(err)
	}
	regions := Tile{ID: dashboard.TableRegions, Title: "Regions compared", Wide: true, Note: periodNote(v.Meta)}
	if len(v.Regions) == 0 {
		regions.Empty = noOrders
		return []Tile{regions}, nil
	}
	tbl := &Table{ID: dashboard.TableRegions, CSV: r.csv("regional", dashboard.TableRegions), Cols: []Col{
		{Name: "Region"}, {Name: "Revenue", Num: true}, {Name: "Share", Num: true}, {Name: "Growth", Num: true},
		{Name: "Orders", Num: true}, {Name: "Customers", Num: true}, {Name: "Average order", Num: true}}}
	bars := svg.Bar{Title: "Revenue by region", Width: wideChart}
	for _, row := range v.Regions {
		href := r.link("regional", row.Drill)
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{
			{Text: row.Region, Href: href}, {Text: money(row.Revenue)}, {Text: nullPct(row.Share)}, changeCell(row.Growth),
			{Text: count(row.Orders)}, {Text: count(row.Customers)}, {Text: nullMoney(row.AOV)},
		}})
		bars.Bars = append(bars.Bars, svg.BarItem{Label: row.Region, Value: float(row.Revenue), Text: money(row.Revenue), Href: href, Color: r.color(row.Region)})
	}
	regions.Chart, regions.Phone, regions.Table = bars.SVG(), bars.PhoneSVG(), tbl
	tiles := []Tile{regions, regionTrendTile(r, v.Trend)}
	if d := v.Detail; d != nil {
		reps := Tile{ID: dashboard.TableRegionReps, Title: "Top reps in " + d.Region}
		reps.Table, reps.Chart, reps.Phone = shareTable(r, shareSpec{id: dashboard.TableRegionReps, name: "Rep", page: "regional", target: "reps"}, d.Reps)
		cats := Tile{ID: dashboard.TableRegionCategories, Title: "Top categories in " + d.Region}
		cats.Table, cats.Chart, cats.Phone = shareTable(r, shareSpec{id: dashboard.TableRegionCategories, name: "Category", page: "regional", target: "product"}, d.Categories)
		tiles = append(tiles, emptyIf(reps, len(d.Reps) == 0), emptyIf(cats, len(d.Categories) == 0))
	}
	return tiles, nil
}

// regionTrendTile draws one revenue line per region over the months.
func regionTrendTile(r request, rows []dashboard.RegionMonth) Tile {
	t := Tile{ID: dashboard.TableRegionTrend, Title: "Revenue by region and month", Wide: true, Fold: true}
	if len(rows) == 0 {
		t.Empty = noOrders
		return t
	}
	var labels []string
	month := map[string]int{}
	series := map[string]*svg.Series{}
	var order []string
	tbl := &Table{ID: dashboard.TableRegionTrend, CSV: r.csv("regional", dashboard.TableRegionTrend), Cols: []Col{
		{Name: "Region"}, {Name: "Month"}, {Name: "Revenue", Num: true}, {Name: "Orders", Num: true}, {Name: "Customers", Num: true}, {Name: "Average order", Num: true}}}
	for _, row := range rows {
		m := row.Month.Month.Format("Jan 06")
		if _, ok := month[m]; !ok {
			month[m] = len(labels)
			labels = append(labels, m)
		}
	}
	for _, row := range rows {
		s, ok := series[row.Region]
		if !ok {
			s = &svg.Series{Name: row.Region, Color: r.color(row.Region), Values: make([]float64, len(labels)), Texts: make([]string, len(labels)), Hrefs: make([]string, len(labels))}
			series[row.Region] = s
			order = append(order, row.Region)
		}
		i := month[row.Month.Month.Format("Jan 06")]
		href := r.link("regional", row.Month.Drill)
		s.Values[i], s.Texts[i], s.Hrefs[i] = float(row.Month.Revenue), money(row.Month.Revenue)+partialMark(row.Month.Partial), href
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{
			{Text: row.Region, Href: href}, {Text: row.Month.Month.Format("January 2006") + partialMark(row.Month.Partial)},
			{Text: money(row.Month.Revenue)}, {Text: count(row.Month.Orders)}, {Text: count(row.Customers)}, {Text: nullMoney(row.AOV)},
		}})
	}
	line := svg.Line{Title: "Revenue by region and month", Labels: labels, Axis: svg.Money, Width: wideChart, Height: 300}
	for _, name := range order {
		line.Series = append(line.Series, *series[name])
	}
	t.Chart, t.Phone, t.Table = line.SVG(), line.PhoneSVG(), tbl
	return t
}

// emptyIf sets the no-orders state when empty holds.
func emptyIf(t Tile, empty bool) Tile {
	if empty {
		t.Empty, t.Table, t.Chart, t.Phone = noOrders, nil, "", ""
	}
	return t
}
