package dashcli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// EmptyText is what a view prints when its filter selects no orders.
const EmptyText = "no orders in this range"

// Show prints v: as JSON or CSV when asked, as EmptyText when empty is set,
// and otherwise the header (title, period, comparison, data as of) followed by
// what render prints.
func (s *Session) Show(v dashboard.Exporter, m dashboard.Meta, title string, empty bool, render func() error) error {
	if s.p.json || s.p.csv {
		return s.export(v.Tables())
	}
	s.header(m, title)
	if empty {
		_, err := fmt.Fprintln(s.Out, EmptyText)
		return err
	}
	return render()
}

func (s *Session) export(tables []dashboard.Table) error {
	if s.p.table != "" {
		names := make([]string, len(tables))
		for i, t := range tables {
			names[i] = t.Name
		}
		i := slices.Index(names, s.p.table)
		if i < 0 {
			return fmt.Errorf("%w: unknown -table %q (valid: %s)", ErrUsage, s.p.table, strings.Join(names, ", "))
		}
		tables = tables[i : i+1]
	}
	if s.p.json {
		return dashboard.WriteJSON(s.Out, tables)
	}
	for i, t := range tables {
		if len(tables) > 1 {
			if i > 0 {
				fmt.Fprintln(s.Out)
			}
			fmt.Fprintf(s.Out, "# %s\n", t.Name)
		}
		if err := dashboard.WriteCSV(s.Out, t); err != nil {
			return err
		}
	}
	return nil
}

func (s *Session) header(m dashboard.Meta, title string) {
	termui.Section(s.Out, s.UI, title)
	line := "period " + Period(m.Period)
	if m.Comparison != nil {
		line += "  ·  vs " + compareName(m.Compare) + " " + Period(*m.Comparison)
	}
	fmt.Fprintln(s.Out, line)
	filter := "whole warehouse"
	if args := m.Filter.Args(); len(args) > 0 {
		filter = strings.Join(args, " ")
	}
	fmt.Fprintf(s.Out, "filter %s  ·  data as of %s\n", filter, m.AsOf.UTC().Format("2006-01-02 15:04 MST"))
}

func compareName(c dashboard.Compare) string {
	if c == dashboard.CompareYear {
		return "a year earlier"
	}
	return "previous period"
}

// Period renders a period as "2025-01-01 – 2025-12-31 (365 days)", flagged
// partial or without data.
func Period(p dashboard.Period) string {
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

// Month renders a trend month as "2025-03", with "*" when it is partial.
func Month(m dashboard.MonthPoint) string {
	s := m.Month.Format("2006-01")
	if m.Partial {
		s += "*"
	}
	return s
}

// Growth renders a change's Δ% painted by its sign (colour only on a terminal).
func (s *Session) Growth(c dashboard.Change) string { return termui.PaintGrowth(s.UI, c.Pct) }

// Share renders a share as a percentage, or n/a.
func Share(d decimal.NullDecimal) string { return termui.NullPercent(d) }

// Money renders an amount that may not exist.
func Money(d decimal.NullDecimal) string {
	if !d.Valid {
		return termui.NotApplicable
	}
	return termui.Money(d.Decimal)
}

// Hint prints how to narrow to a row: the command line of program (empty for
// this one) with the row's drill-down filter.
func (s *Session) Hint(what, program string, drill dashboard.Filter) {
	if program == "" {
		program = s.p.Name
	}
	args := append([]string{program}, drill.Args()...)
	fmt.Fprintln(s.Out, termui.Paint(s.UI, termui.ToneDim, "→ "+what+": "+strings.Join(args, " ")))
}

// Blank writes an empty line.
func (s *Session) Blank() { fmt.Fprintln(s.Out) }

// Render writes a table; Bars and Sparks write charts.
func (s *Session) Render(t termui.Table) error { return termui.RenderTable(s.Out, s.UI, t) }

// Bars writes a bar chart.
func (s *Session) Bars(c termui.BarChart) error { return termui.RenderBars(s.Out, s.UI, c) }

// Sparks writes sparklines.
func (s *Session) Sparks(sp termui.Sparklines) error { return termui.RenderSparklines(s.Out, s.UI, sp) }

// Title writes a section heading preceded by a blank line.
func (s *Session) Title(t string) { s.Blank(); termui.Section(s.Out, s.UI, t) }

// ShareTable lists the parts of a top-N list with their revenue and share, the
// Other row last as "Other (N)".
func ShareTable(title, key string, rows []dashboard.Share) termui.Table {
	t := termui.Table{Title: title, Columns: []termui.Column{termui.NumberColumn("#"), termui.TextColumn(key),
		termui.NumberColumn("revenue"), termui.NumberColumn("share"), termui.TextColumn("")}}
	for _, r := range rows {
		rank, name := fmt.Sprint(r.Rank), r.Name
		if r.Other {
			rank, name = "", fmt.Sprintf("Other (%s)", termui.Int(int64(r.Count)))
		}
		t.Rows = append(t.Rows, []string{rank, name, termui.Money(r.Revenue), Share(r.Share), ShareBar(r.Share)})
	}
	return t
}

// ShareBar draws a share as a bar of up to 20 cells, to an eighth of a cell.
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
