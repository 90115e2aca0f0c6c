package term

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// EmptyText is what a view prints when its filter selects no orders.
const EmptyText = "no orders in this range"

// The views, as [Page] names them to its command function.
const (
	ViewExecutive = "executive"
	ViewRegional  = "regional"
	ViewProduct   = "product"
	ViewReps      = "reps"
	ViewCustomers = "customers"
)

// Page writes dashboard views as text: a header (title, period, comparison,
// filter, data as of), aligned tables, bar charts, sparklines and a drill-down
// hint, as wide as the terminal it writes to (a pipe or a file gets 80
// columns and no colour). Its methods [Page.Executive], [Page.Regional],
// [Page.Product], [Page.Reps] and [Page.Customers] each write one view.
type Page struct {
	out     io.Writer
	ui      termui.Options
	command func(view string) string
}

// NewPage returns a page writing to w, with colour and width detected from w
// (colour only on a terminal, never with NO_COLOR set). command returns the
// command line that shows a view (one of the View names); the drill-down
// hints print it followed by the row's filter flags. Nil means
// [ExampleCommand].
func NewPage(w io.Writer, command func(view string) string) *Page {
	if command == nil {
		command = ExampleCommand
	}
	return &Page{out: w, ui: termui.Detect(w, os.Getenv), command: command}
}

// ExampleCommand names the example program that shows a view:
// "regional_analysis" for [ViewRegional], and so on.
func ExampleCommand(view string) string {
	switch view {
	case ViewExecutive:
		return "executive_dashboard"
	case ViewRegional:
		return "regional_analysis"
	case ViewProduct:
		return "product_analysis"
	case ViewReps:
		return "sales_rep_leaderboard"
	case ViewCustomers:
		return "customer_insights"
	}
	return view
}

// begin writes the header of a view and reports whether it has rows to show;
// for an empty view it writes [EmptyText] instead.
func (p *Page) begin(m dashboard.Meta, title string, empty bool) (bool, error) {
	p.header(m, title)
	if empty {
		_, err := fmt.Fprintln(p.out, EmptyText)
		return false, err
	}
	return true, nil
}

func (p *Page) header(m dashboard.Meta, title string) {
	termui.Section(p.out, p.ui, title)
	fmt.Fprintln(p.out, "period "+period(m.Period))
	if m.Comparison != nil {
		fmt.Fprintln(p.out, "vs "+compareName(m.Compare)+" "+period(*m.Comparison))
	}
	filter := "whole warehouse"
	if args := m.Filter.Args(); len(args) > 0 {
		filter = strings.Join(args, " ")
	}
	// "data as of 2026-01-01 00:00 UTC" is never broken: beside the filter
	// when both fit, else on its own line.
	asOf := "data as of " + m.AsOf.UTC().Format("2006-01-02 15:04 MST")
	if line := "filter " + filter + " · " + asOf; termui.Width(line) <= p.ui.Columns() {
		p.wrapped(line, "  ", termui.Tone(""))
		return
	}
	p.wrapped("filter "+filter, "  ", termui.Tone(""))
	p.wrapped(asOf, "  ", termui.Tone(""))
}

func compareName(c dashboard.Compare) string {
	if c == dashboard.CompareYear {
		return "a year earlier"
	}
	return "previous period"
}

// period renders a period as "2025-01-01 – 2025-12-31 (365 days)", flagged
// partial or without data.
func period(p dashboard.Period) string {
	days := termui.Int(int64(p.Days())) + " days"
	if p.Days() == 1 {
		days = "1 day"
	}
	s := fmt.Sprintf("%s – %s (%s)", p.From.Format(time.DateOnly), p.To.Format(time.DateOnly), days)
	switch {
	case p.Missing:
		s += ", no data"
	case p.Partial:
		s += ", partial"
	}
	return s
}

// month renders a trend month as "2025-03", with "*" when it is partial.
func month(m dashboard.MonthPoint) string {
	s := m.Month.Format("2006-01")
	if m.Partial {
		s += "*"
	}
	return s
}

// growth renders a change's Δ% painted by its sign (colour only on a terminal).
func (p *Page) growth(c dashboard.Change) string { return termui.PaintGrowth(p.ui, c.Pct) }

// share renders a share as a percentage, or n/a.
func share(d decimal.NullDecimal) string { return termui.NullPercent(d) }

// money renders an amount that may not exist.
func money(d decimal.NullDecimal) string {
	if !d.Valid {
		return termui.NotApplicable
	}
	return termui.Money(d.Decimal)
}

// compact renders an amount that may not exist compactly ("$4.6K").
func compact(d decimal.NullDecimal) string {
	if !d.Valid {
		return termui.NotApplicable
	}
	return termui.MoneyCompact(d.Decimal)
}

// moneyScale is the range label of a money sparkline block.
func moneyScale(d decimal.Decimal) string { return termui.MoneyCompact(d) }

// hint prints how to narrow to a row: the command line of view with the row's
// drill-down filter.
func (p *Page) hint(what, view string, drill dashboard.Filter) {
	args := append([]string{p.command(view)}, drill.Args()...)
	p.wrapped("→ "+what+": "+strings.Join(args, " "), "    ", termui.ToneDim)
}

// wrapped writes s in tone, broken at its spaces to fit the width (never
// inside a word or a flag), the lines after the first indented.
func (p *Page) wrapped(s, indent string, tone termui.Tone) {
	for _, line := range strings.Split(termui.Wrap(s, p.ui.Columns(), indent), "\n") {
		fmt.Fprintln(p.out, termui.Paint(p.ui, tone, line))
	}
}

// blank writes an empty line.
func (p *Page) blank() { fmt.Fprintln(p.out) }

// table writes a table.
func (p *Page) table(t termui.Table) error { return termui.RenderTable(p.out, p.ui, t) }

// bars writes a bar chart.
func (p *Page) bars(c termui.BarChart) error { return termui.RenderBars(p.out, p.ui, c) }

// sparks writes sparklines.
func (p *Page) sparks(sp termui.Sparklines) error { return termui.RenderSparklines(p.out, p.ui, sp) }

// title writes a section heading preceded by a blank line.
func (p *Page) title(t string) { p.blank(); termui.Section(p.out, p.ui, t) }

// shareTable lists the parts of a top-N list with their revenue and share, the
// Other row last as "Other (N)".
func shareTable(title, key string, rows []dashboard.Share) termui.Table {
	name, revenue := termui.TextColumn(key), termui.NumberColumn("revenue")
	name.Elastic = true
	t := termui.Table{Title: title}
	for _, r := range rows {
		rank, label, bar := fmt.Sprint(r.Rank), r.Name, ShareBar(r.Share)
		if r.Other { // the rest is a line of the table, not a bar beside the parts
			rank, label, bar = "", fmt.Sprintf("Other (%s)", termui.Int(int64(r.Count))), ""
		}
		t.Rows = append(t.Rows, []string{rank, label, termui.Money(r.Revenue), share(r.Share), bar})
		revenue.Short = append(revenue.Short, termui.MoneyCompact(r.Revenue))
	}
	t.Columns = []termui.Column{termui.NumberColumn("#"), name, revenue, termui.NumberColumn("share"), termui.TextColumn("")}
	return t
}

// shortBar draws a share as a bar of up to 10 cells.
func shortBar(d decimal.NullDecimal) string {
	if !d.Valid || d.Decimal.Sign() <= 0 {
		return ""
	}
	return ShareBar(decimal.NewNullDecimal(d.Decimal.Div(decimal.NewFromInt(2))))
}

// ShareBar draws a share (a fraction of 1) as a bar of up to 20 cells, to an
// eighth of a cell: a share that rounds to nothing still draws ▏, and no
// share or a share of zero or less draws nothing.
func ShareBar(d decimal.NullDecimal) string {
	if !d.Valid || d.Decimal.Sign() <= 0 {
		return ""
	}
	eighths := d.Decimal.Mul(decimal.NewFromInt(160)).Round(0).IntPart()
	if eighths == 0 {
		eighths = 1
	}
	return strings.Repeat("█", int(eighths/8)) + []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}[eighths%8]
}
