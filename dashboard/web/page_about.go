package web

import (
	"context"
	"net/url"
	"strings"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// exports lists each page's tables that every range has, for the About page's
// downloads (a drill-down's own tables appear on its page).
var exports = []struct{ page, table, title string }{
	{"executive", dashboard.TableKPIs, "Key figures"},
	{"executive", dashboard.TableTrend, "Monthly revenue"},
	{"executive", dashboard.TableRegions, "Revenue by region"},
	{"executive", dashboard.TableToDate, "Month, quarter and year to date"},
	{"regional", dashboard.TableRegionTrend, "Revenue by region and month"},
	{"product", dashboard.TableCategories, "Category performance"},
	{"product", dashboard.TableTopProducts, "Top products"},
	{"product", dashboard.TableBottomProduct, "Bottom products"},
	{"reps", dashboard.TableLeaderboard, "Sales rep leaderboard"},
	{"customers", dashboard.TableSegments, "Segments"},
	{"customers", dashboard.TableIndustries, "Industries"},
	{"customers", dashboard.TableTopCustomers, "Top customers"},
	{"customers", dashboard.TableNewVsReturning, "New and returning customers"},
}

// about is the About page: what the data is and how fresh, the model its
// figures come from, the CSV downloads and the analyst.
func (s *site) about(ctx context.Context, q url.Values) ([]Tile, error) {
	cat, err := s.catalog(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.parse(ctx, url.Values{})
	if err != nil {
		return nil, err
	}
	data := Tile{ID: "data", Title: "The data", Note: "the orders of the sales warehouse, read through its marts"}
	facts := &Table{ID: "data", Cols: []Col{{Name: "What"}, {Name: "Value"}}}
	add := func(what, value string) {
		facts.Rows = append(facts.Rows, Row{Cells: []Cell{{Text: what}, {Text: value}}})
	}
	if cat.First.IsZero() {
		add("Orders", "none yet")
	} else {
		all, err := s.d.Executive(ctx, dashboard.Filter{}, dashboard.ExecutiveOptions{Compare: dashboard.CompareNone})
		if err != nil {
			return nil, viewError(err)
		}
		add("Days of data", days(cat.First, cat.Last))
		add("Orders", count(all.Totals.Orders))
		add("Revenue", money(all.Totals.Revenue))
		add("Customers who ordered", count(all.Totals.Customers))
		add("Products", itoa(len(cat.Products)))
		add("Sales reps", itoa(len(cat.Reps)))
		add("Regions", strings.Join(cat.Regions, ", "))
		add("Channels", strings.Join(cat.Channels, ", "))
	}
	add("As of", cat.AsOf.UTC().Format("2 Jan 2006 15:04 MST"))
	add("Data version", cat.Version)
	add("Pages open on", r.sp.from+" to "+r.sp.to+", the last complete year, compared with the period before")
	data.Table = facts

	model := semantic.SalesModel()
	mt := Tile{ID: "model", Title: "The model", Wide: true, Fold: true,
		Note: "every figure is a metric of the semantic model " + model.Name + ", cut by its dimensions; money is exact to the cent"}
	fields := &Table{ID: "model", Cols: []Col{{Name: "Name"}, {Name: "Kind"}, {Name: "Table"}, {Name: "Meaning"}}}
	for _, f := range model.Fields() {
		if f.Kind == semantic.KindFilter {
			continue
		}
		fields.Rows = append(fields.Rows, Row{Cells: []Cell{{Text: f.Name}, {Text: string(f.Kind)}, {Text: f.Table}, {Text: f.Description}}})
	}
	mt.Table = fields

	dl := Tile{ID: "downloads", Title: "Downloads", Note: "CSV with exact decimals, for the last complete year; each page's CSV links follow its filter"}
	files := &Table{ID: "downloads", Cols: []Col{{Name: "Table"}, {Name: "CSV file"}}}
	for _, e := range exports {
		files.Rows = append(files.Rows, Row{Cells: []Cell{{Text: e.title, Href: "/" + e.page},
			{Text: dashboard.ExportName(e.page, e.table, r.f), Href: r.csv(e.page, e.table)}}})
	}
	dl.Table = files

	ask := Tile{ID: "ask", Title: "Ask the analyst", Wide: true,
		Note: "questions in plain words (\"revenue by region in 2025\") answered from the same model, with the SQL it ran"}
	ask.Table = &Table{ID: "ask", Cols: []Col{{Name: "Try"}}, Rows: []Row{
		{Cells: []Cell{{Text: "Open the analyst", Href: "/" + analystKey}}},
		{Cells: []Cell{{Text: "revenue by region in 2025", Href: "/" + analystKey + "?" + url.Values{"q": {"revenue by region in 2025"}}.Encode()}}},
	}}
	return []Tile{data, dl, mt, ask}, nil
}
