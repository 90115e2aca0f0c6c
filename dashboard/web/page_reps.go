package web

import (
	"context"
	"net/url"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web/svg"
)

// leaderChart is how many reps the leaderboard's chart shows.
const leaderChart = 10

func (s *site) reps(ctx context.Context, q url.Values) ([]Tile, error) {
	r, err := s.parse(ctx, q)
	if err != nil {
		return nil, err
	}
	v, err := s.d.Reps(ctx, r.f, dashboard.RepsOptions{Compare: r.cmp})
	if err != nil {
		return nil, viewError(err)
	}
	board := Tile{ID: dashboard.TableLeaderboard, Title: "Leaderboard", Wide: true, Note: periodNote(v.Meta) + " · bars in the colour of the rep's region"}
	tbl := &Table{ID: dashboard.TableLeaderboard, CSV: r.csv("reps", dashboard.TableLeaderboard), Cols: []Col{
		{Name: "#", Num: true}, {Name: "Rep"}, {Name: "Region"}, {Name: "Revenue", Num: true}, {Name: "Orders", Num: true},
		{Name: "Customers", Num: true}, {Name: "Average order", Num: true}, {Name: "Quota", Num: true},
		{Name: "Attainment", Num: true}, {Name: "Growth", Num: true}}}
	bars := svg.Bar{Title: "Top 10 reps by revenue", Width: wideChart}
	for i, row := range v.Leaderboard {
		href := r.link("reps", row.Drill)
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{
			{Text: itoa(row.Rank)}, {Text: row.Rep.Name, Href: href}, {Text: row.Rep.Region, Href: r.link("regional", r.f.WithRegion(row.Rep.Region))},
			{Text: money(row.Revenue)}, {Text: count(row.Orders)}, {Text: count(row.Customers)}, {Text: nullMoney(row.AOV)},
			{Text: money(row.Quota)}, {Text: nullPct(row.Attainment)}, changeCell(row.Growth),
		}})
		if i < leaderChart {
			bars.Bars = append(bars.Bars, svg.BarItem{Label: row.Rep.Name, Value: float(row.Revenue),
				Text: money(row.Revenue), Href: href, Color: r.color(row.Rep.Region)})
		}
	}
	board.Table, board.Chart, board.Phone = tbl, bars.SVG(), bars.PhoneSVG()
	board = emptyIf(board, len(v.Leaderboard) == 0)
	tiles := []Tile{board}
	if d := v.Detail; d != nil {
		t := Tile{ID: dashboard.TableRepMonths, Title: d.Rep.Name + ": months against quota", Wide: true, Fold: true,
			Note: d.Rep.Region + " · monthly quota " + money(d.Rep.MonthlyQuota)}
		mt := &Table{ID: dashboard.TableRepMonths, CSV: r.csv("reps", dashboard.TableRepMonths), Cols: []Col{
			{Name: "Month"}, {Name: "Revenue", Num: true}, {Name: "Quota", Num: true}, {Name: "Attainment", Num: true},
			{Name: "Orders", Num: true}, {Name: "Customers", Num: true}}}
		rev, quota := svg.Series{Name: "Revenue"}, svg.Series{Name: "Quota", Dashed: true}
		var labels []string
		for _, m := range d.Months {
			labels = append(labels, m.Month.Month.Format("Jan 06"))
			rev.Values, rev.Texts = append(rev.Values, float(m.Month.Revenue)), append(rev.Texts, money(m.Month.Revenue))
			quota.Values, quota.Texts = append(quota.Values, float(m.Quota)), append(quota.Texts, money(m.Quota))
			mt.Rows = append(mt.Rows, Row{Cells: []Cell{
				{Text: m.Month.Month.Format("January 2006") + partialMark(m.Month.Partial), Href: r.link("reps", m.Month.Drill)},
				{Text: money(m.Month.Revenue)}, {Text: money(m.Quota)}, {Text: nullPct(m.Attainment)},
				{Text: count(m.Month.Orders)}, {Text: count(m.Customers)},
			}})
		}
		t.Table = mt
		line := svg.Line{Title: "Revenue against quota", Labels: labels, Series: []svg.Series{rev, quota}, Axis: svg.Money, Width: wideChart, Height: 280}
		t.Chart, t.Phone = line.SVG(), line.PhoneSVG()
		tiles = append(tiles, emptyIf(t, len(d.Months) == 0))
	}
	return tiles, nil
}
