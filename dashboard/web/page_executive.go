package web

import (
	"context"
	"html/template"
	"net/url"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web/svg"
)

// Chart widths in the viewBox, close to the pixels a tile gives them, so that
// the labels print near their size: between the tile of a 1024 px screen
// (text at 10–11 px) and of a wide one (13–14 px). A phone gets its own
// canvas (svg.PhoneWidth).
const (
	wideChart = 1060
	halfChart = 480
)

// noOrders is the empty state of a tile whose range holds no orders.
const noOrders = "No orders in this range."

// kpiLabels names the executive KPIs for a person.
var kpiLabels = map[string]string{
	"revenue": "Revenue", "orders": "Orders", "aov": "Average order value", "customers": "Customers", "units": "Units sold",
}

func (s *site) executive(ctx context.Context, q url.Values) ([]Tile, error) {
	r, err := s.parse(ctx, q)
	if err != nil {
		return nil, err
	}
	v, err := s.d.Executive(ctx, r.f, dashboard.ExecutiveOptions{Compare: r.cmp})
	if err != nil {
		return nil, viewError(err)
	}
	kpis := Tile{ID: "kpis", Title: "Key figures", Wide: true, Note: periodNote(v.Meta)}
	revenue, orders := make([]float64, len(v.Trend)), make([]float64, len(v.Trend))
	for i, m := range v.Trend {
		revenue[i], orders[i] = float(m.Revenue), float64(m.Orders)
	}
	for _, k := range v.KPIs {
		card := kpiCard(k, v.Meta)
		switch k.Name {
		case "revenue":
			card.Spark = svg.Spark{Label: "Monthly revenue", Values: revenue}.SVG()
		case "orders":
			card.Spark = svg.Spark{Label: "Monthly orders", Values: orders}.SVG()
		}
		kpis.KPIs = append(kpis.KPIs, card)
	}
	if v.Totals.Orders == 0 {
		kpis.Empty = noOrders
	}
	return []Tile{kpis, trendTile(r, v.Trend, "executive"), regionsTile(r, v.Regions), toDateTile(r, v.ToDate)}, nil
}

// kpiCard formats one KPI and its change.
func kpiCard(k dashboard.KPI, m dashboard.Meta) KPI {
	format := func(d decimal.Decimal) string { return count(d.IntPart()) }
	exact := format
	if k.Unit == "usd" {
		format, exact = headline, money
	}
	c := KPI{ID: k.Name, Label: kpiLabels[k.Name], Value: "—", Partial: m.Period.Partial}
	if c.Label == "" {
		c.Label = k.Name
	}
	if k.Value.Valid {
		c.Value, c.Exact = format(k.Value.Decimal), exact(k.Value.Decimal)
	}
	if k.Change.Delta.Valid {
		c.Delta = signed(k.Change.Delta.Decimal, format)
		c.Exact += " (" + signed(k.Change.Delta.Decimal, exact) + ")"
		c.Direction = k.Change.Delta.Decimal.Sign()
	}
	if k.Change.Pct.Valid {
		c.DeltaPct = signed(k.Change.Pct.Decimal, pct)
	}
	if p := m.Comparison; p != nil && k.Change.Comparable() {
		c.Compare = "vs " + days(p.From, p.To)
	}
	return c
}

// periodNote says which days a page covers and what it compares with.
func periodNote(m dashboard.Meta) string {
	n := days(m.Period.From, m.Period.To)
	if m.Period.Partial {
		n += " (partial: runs past the data)"
	}
	switch c := m.Comparison; {
	case c == nil:
		n += " · no comparison"
	case c.Missing:
		n += " · no data to compare with"
	default:
		n += " · compared with " + days(c.From, c.To)
	}
	return n
}

// trendTile is a monthly revenue line with its table; each month links to the
// page narrowed to that month.
func trendTile(r request, pts []dashboard.MonthPoint, page string) Tile {
	t := Tile{ID: "trend", Title: "Monthly revenue", Wide: true}
	if len(pts) == 0 {
		t.Empty = noOrders
		return t
	}
	ser := svg.Series{Name: "Revenue"}
	labels := make([]string, len(pts))
	tbl := &Table{ID: "trend", CSV: r.csv(page, dashboard.TableTrend),
		Cols: []Col{{Name: "Month"}, {Name: "Revenue", Num: true}, {Name: "Orders", Num: true}, {Name: "Units", Num: true}}}
	for i, m := range pts {
		labels[i] = m.Month.Format("Jan 06")
		href := r.link(page, m.Drill)
		ser.Values = append(ser.Values, float(m.Revenue))
		ser.Texts = append(ser.Texts, money(m.Revenue)+partialMark(m.Partial))
		ser.Hrefs = append(ser.Hrefs, href)
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{
			{Text: m.Month.Format("January 2006") + partialMark(m.Partial), Href: href},
			{Text: money(m.Revenue)}, {Text: count(m.Orders)}, {Text: count(m.Units)},
		}})
	}
	line := svg.Line{Title: "Monthly revenue", Labels: labels, Series: []svg.Series{ser}, Axis: svg.Money, Width: wideChart, Height: 280}
	t.Chart, t.Phone = line.SVG(), line.PhoneSVG()
	t.Table = tbl
	t.Fold = true
	return t
}

func partialMark(p bool) string {
	if p {
		return " (partial)"
	}
	return ""
}

// regionsTile is revenue by region with shares; a region links to its page.
func regionsTile(r request, rows []dashboard.Share) Tile {
	t := Tile{ID: dashboard.TableRegions, Title: "Revenue by region"}
	t.Table, t.Chart, t.Phone = shareTable(r, shareSpec{id: dashboard.TableRegions, name: "Region", page: "executive", target: "regional"}, rows)
	return emptyIf(t, len(rows) == 0)
}

// shareSpec names a share table: its ID (the view's table name), the first
// column, the page it is on and the page its rows drill into.
type shareSpec struct{ id, name, page, target string }

// shareTable renders shares as a bar chart and a table; each row links to the
// target page narrowed to it, and the Other row says how many parts it holds
// (a line of the table, drawn as no bar).
func shareTable(r request, sp shareSpec, rows []dashboard.Share) (*Table, template.HTML, template.HTML) {
	tbl := &Table{ID: sp.id, CSV: r.csv(sp.page, sp.id), Cols: []Col{{Name: "#", Num: true}, {Name: sp.name}, {Name: "Revenue", Num: true}, {Name: "Share", Num: true}}}
	bars := svg.Bar{Title: "Revenue by " + lowerFirst(sp.name), Width: halfChart}
	for _, s := range rows {
		href, label, rank := "", s.Name, ""
		if s.Other {
			label = "Other (" + count(int64(s.Count)) + ")"
		} else {
			href, rank = r.link(sp.target, s.Drill), itoa(s.Rank)
		}
		tbl.Rows = append(tbl.Rows, Row{Total: s.Other, Cells: []Cell{{Text: rank}, {Text: label, Href: href}, {Text: money(s.Revenue)}, {Text: nullPct(s.Share)}}})
		if s.Other { // the rest is the table's last line, not a bar longer than the parts
			continue
		}
		item := svg.BarItem{Label: label, Value: float(s.Revenue), Text: money(s.Revenue), Href: href}
		if sp.target == "regional" {
			item.Color = r.color(s.Name)
		}
		bars.Bars = append(bars.Bars, item)
	}
	return tbl, bars.SVG(), bars.PhoneSVG()
}

// toDateTile is MTD, QTD and YTD against a year earlier.
func toDateTile(r request, rows []dashboard.ToDateRow) Tile {
	t := Tile{ID: dashboard.TableToDate, Title: "Month, quarter and year to date"}
	tbl := &Table{ID: dashboard.TableToDate, CSV: r.csv("executive", dashboard.TableToDate), Cols: []Col{
		{Name: "Period"}, {Name: "Days"}, {Name: "Revenue", Num: true}, {Name: "Change", Num: true}, {Name: "Orders", Num: true}, {Name: "Change", Num: true}}}
	for _, row := range rows {
		t.Note = "to " + row.Period.To.Format("2 Jan 2006") + ", against the same days a year earlier"
		tbl.Rows = append(tbl.Rows, Row{Cells: []Cell{
			{Text: string(row.Kind), Href: r.link("executive", row.Drill)},
			{Text: row.Period.From.Format("2 Jan") + " – " + row.Period.To.Format("2 Jan")},
			{Text: money(row.Revenue)}, changeCell(row.RevenueChange),
			{Text: count(row.Orders)}, changeCell(row.OrdersChange),
		}})
	}
	t.Table = tbl
	return emptyIf(t, len(rows) == 0)
}

// change prints a change as a signed percentage, or says there is none: "new"
// for something that had nothing to compare with, "—" for nothing both times.
func change(c dashboard.Change) string {
	switch {
	case !c.Comparable():
		return "no comparison"
	case c.Base.Decimal.IsZero() && c.Delta.Decimal.IsZero():
		return "—"
	case !c.Pct.Valid:
		return "new"
	}
	return signed(c.Pct.Decimal, pct)
}

// changeCell is a change in a table, coloured as on the cards: up green, down
// red.
func changeCell(c dashboard.Change) Cell {
	cell := Cell{Text: change(c)}
	if c.Delta.Valid {
		cell.Direction = c.Delta.Decimal.Sign()
	}
	return cell
}
