package termui

import (
	"fmt"
	"io"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
)

// Align is how a column's cells line up.
type Align string

// The alignments. The zero Align is [AlignLeft].
const (
	AlignLeft  Align = "left"  // text
	AlignRight Align = "right" // numbers, so that their digits line up
)

// Aligns lists every [Align].
func Aligns() []Align { return []Align{AlignLeft, AlignRight} }

// Valid reports whether a is one of [Aligns] or empty (left).
func (a Align) Valid() bool { return a == "" || a == AlignLeft || a == AlignRight }

// Column is one column of a [Table]. A table wider than its [Options.Width]
// is narrowed by its columns' Short forms, then by cutting its Elastic ones;
// its rows are never wrapped.
type Column struct {
	Header string
	Align  Align
	// Short is a narrower form of the column's cells, one per row ("$4.6M"
	// for "$4,564,680.75"), used when the table does not fit; ShortHeader,
	// when set, replaces the header then.
	Short       []string
	ShortHeader string
	// Elastic lets the cells be cut short with "…" when the table still does
	// not fit: names, never figures.
	Elastic bool
}

// TextColumn is a left-aligned column.
func TextColumn(header string) Column { return Column{Header: header, Align: AlignLeft} }

// NumberColumn is a right-aligned column, for money, counts and percentages.
func NumberColumn(header string) Column { return Column{Header: header, Align: AlignRight} }

// Table is a titled grid of already formatted cells (see [Money], [Int],
// [Percent]) with an optional footer row of totals.
type Table struct {
	Title   string
	Columns []Column
	Rows    [][]string
	Footer  []string // empty for none; otherwise one cell per column
}

// tableStyle reads well on a terminal and in a pipe alike: no vertical rules, one
// rule under the header and one over the footer, headers as written, columns two
// spaces apart and no margin, so that a line of output is its cells.
var tableStyle = func() table.Style {
	s := table.StyleLight
	s.Name = "termui"
	s.Box.PaddingLeft = ""
	s.Box.PaddingRight = "  "
	s.Options.DrawBorder = false
	s.Options.SeparateColumns = false
	s.Options.SeparateHeader = true
	s.Options.SeparateFooter = true
	s.Options.SeparateRows = false
	s.Format.Header = text.FormatDefault
	s.Format.Footer = text.FormatDefault
	s.Format.Row = text.FormatDefault
	return s
}()

// RenderTable writes t to w: the title, the header, the rows and the footer, with
// numeric columns right-aligned and every cell [Clean]ed. On a colour terminal the
// title, header and footer are bold. It refuses, naming the row, a table without
// columns, a row or footer with another number of cells, and an unknown alignment.
func RenderTable(w io.Writer, o Options, t Table) error {
	if err := t.validate(); err != nil {
		return err
	}
	t = fit(t, o.width())
	tw := table.NewWriter()
	tw.SetStyle(tableStyle)
	tw.SuppressTrailingSpaces()
	if t.Title != "" {
		tw.SetTitle("%s", Paint(o, ToneBold, t.Title))
	}
	configs := make([]table.ColumnConfig, len(t.Columns))
	header := make(table.Row, len(t.Columns))
	for i, c := range t.Columns {
		align := text.AlignLeft
		if c.Align == AlignRight {
			align = text.AlignRight
		}
		configs[i] = table.ColumnConfig{Number: i + 1, Align: align, AlignHeader: align, AlignFooter: align}
		header[i] = Paint(o, ToneBold, c.Header)
	}
	tw.SetColumnConfigs(configs)
	tw.AppendHeader(header)
	for _, r := range t.Rows {
		tw.AppendRow(cells(r, o, ""))
	}
	if len(t.Footer) > 0 {
		tw.AppendFooter(cells(t.Footer, o, ToneBold))
	}
	_, err := io.WriteString(w, tw.Render()+"\n")
	return err
}

// cells cleans (and, for a tone, paints) one row.
func cells(r []string, o Options, tone Tone) table.Row {
	row := make(table.Row, len(r))
	for i, c := range r {
		if tone != "" {
			row[i] = Paint(o, tone, c)
		} else {
			row[i] = Clean(c)
		}
	}
	return row
}

func (t Table) validate() error {
	name := fmt.Sprintf("table %q", t.Title)
	if len(t.Columns) == 0 {
		return fmt.Errorf("%w: %s has no columns", ErrInvalid, name)
	}
	headers := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		headers[i] = c.Header
		if !c.Align.Valid() {
			return fmt.Errorf("%w: %s column %d %q: Align %q is not one of %v", ErrInvalid, name, i+1, c.Header, c.Align, Aligns())
		}
	}
	want := fmt.Sprintf("want %d (%s)", len(t.Columns), strings.Join(headers, ", "))
	for i, r := range t.Rows {
		if len(r) != len(t.Columns) {
			return fmt.Errorf("%w: %s row %d has %d cells, %s", ErrInvalid, name, i+1, len(r), want)
		}
	}
	for i, c := range t.Columns {
		if c.Short != nil && len(c.Short) != len(t.Rows) {
			return fmt.Errorf("%w: %s column %d %q has %d short cells for %d rows", ErrInvalid, name, i+1, c.Header, len(c.Short), len(t.Rows))
		}
	}
	if len(t.Footer) > 0 && len(t.Footer) != len(t.Columns) {
		return fmt.Errorf("%w: %s footer has %d cells, %s", ErrInvalid, name, len(t.Footer), want)
	}
	return nil
}
