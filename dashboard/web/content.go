package web

import "html/template"

// Tile is one panel of a page: KPI cards, a chart, a table, or an empty or
// error state. Its ID is stable so that the script can reload it alone.
type Tile struct {
	ID    string
	Title string
	// Note is a short line under the title (the period, the comparison).
	Note string
	// Wide tiles span the whole row.
	Wide  bool
	KPIs  []KPI
	Chart template.HTML
	// Phone is the same chart on a phone's canvas, shown instead of Chart on a
	// narrow screen so that its text stays legible.
	Phone template.HTML
	Table *Table
	// Fold puts the table under the chart in a closed <details>.
	Fold bool
	// Side sets the chart and the table side by side in a wide tile (a short
	// breakdown that would leave half a tile empty), one above the other on a
	// narrow screen.
	Side bool
	// Empty, when set, replaces the body with this message (no rows is not an
	// error: "No orders in this range.").
	Empty string
	// Err is the readable message of a tile that failed.
	Err string
}

// KPI is one figure card: the value, its change against the comparison period
// and an optional sparkline. ID names it in the DOM (data-kpi) for tests.
type KPI struct {
	ID    string
	Label string
	// Value is the figure as the card shows it, compact for large amounts
	// ("$395.1M"); Exact is the exact figure and change, its tooltip.
	Value, Exact string
	// Delta and DeltaPct are the exact change; both empty means "no
	// comparison" (a zero or missing base), which the card says in words.
	Delta, DeltaPct string
	// Direction is +1 for a rise, -1 for a fall, 0 for none.
	Direction int
	// Compare names the comparison period ("vs 1 Jan – 31 Mar 2024").
	Compare string
	// Partial flags a range that runs past the last day of data.
	Partial bool
	// Plain is a figure that compares with nothing (a drill's rank): the card
	// has no change line.
	Plain bool
	Spark template.HTML
}

// Table is a table of figures with an optional CSV download of the same rows.
type Table struct {
	ID      string
	Caption string
	Cols    []Col
	Rows    []Row
	// CSV is the download link with the current filters, empty for none.
	CSV string
}

// Ranked reports whether the table's first column is a rank ("#"): then the
// rank and the name after it stay in view when the table scrolls sideways.
func (t *Table) Ranked() bool { return len(t.Cols) > 1 && t.Cols[0].Name == "#" }

// Col is a table column; Num right-aligns it.
type Col struct {
	Name string
	Num  bool
}

// Row is one table row; Total marks a total or "Other" row.
type Row struct {
	Cells []Cell
	Total bool
}

// Cell is one table cell; Href makes it a drill-down link. Direction colours
// a change: +1 a rise, -1 a fall.
type Cell struct {
	Text      string
	Href      string
	Direction int
}
