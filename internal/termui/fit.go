package termui

import "strings"

// fit narrows t until its lines take at most w columns, in the order a reader
// loses least: first the columns that have a [Column.Short] form switch to it,
// from the last column to the first; then the [Column.Elastic] columns (names,
// never figures) are cut short with "…", the widest first, down to
// minElastic columns each. A table that still does not fit is left so: its
// rows are never wrapped.
func fit(t Table, w int) Table {
	if t.width() <= w {
		return t
	}
	t.Columns = append([]Column(nil), t.Columns...)
	t.Rows = cloneRows(t.Rows)
	for i := len(t.Columns) - 1; i >= 0 && t.width() > w; i-- {
		c := &t.Columns[i]
		if c.Short == nil {
			continue
		}
		for r := range t.Rows {
			if r < len(c.Short) {
				t.Rows[r][i] = c.Short[r]
			}
		}
		if c.ShortHeader != "" {
			c.Header = c.ShortHeader
		}
	}
	for t.width() > w {
		i, cw := -1, 0
		for j, c := range t.Columns {
			if c.Elastic && t.columnWidth(j) > max(cw, minElastic) {
				i, cw = j, t.columnWidth(j)
			}
		}
		if i < 0 {
			break
		}
		limit := max(cw-(t.width()-w), minElastic)
		for _, r := range t.Rows {
			r[i] = Truncate(r[i], limit)
		}
		if len(t.Footer) > 0 {
			t.Footer = append([]string(nil), t.Footer...)
			t.Footer[i] = Truncate(t.Footer[i], limit)
		}
	}
	return t
}

// minElastic is the narrowest an elastic column is cut to.
const minElastic = 8

// width is the number of columns the table's lines take: each column's widest
// cell and two spaces after it.
func (t Table) width() int {
	n := 0
	for i := range t.Columns {
		n += t.columnWidth(i) + 2
	}
	return n
}

func (t Table) columnWidth(i int) int {
	n := width(t.Columns[i].Header)
	for _, r := range t.Rows {
		n = max(n, width(r[i]))
	}
	if len(t.Footer) > 0 {
		n = max(n, width(t.Footer[i]))
	}
	return n
}

func cloneRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append([]string(nil), r...)
	}
	return out
}

// Truncate cuts s to at most n columns, ending it with "…" when it was cut.
func Truncate(s string, n int) string {
	if width(s) <= n {
		return s
	}
	var b strings.Builder
	for _, r := range Clean(s) {
		if width(b.String()+string(r)) > n-1 {
			break
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

// Wrap breaks s into lines of at most w columns at its spaces, never inside a
// word; the lines after the first start with indent. A word longer than a
// line stands on a line of its own.
func Wrap(s string, w int, indent string) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case width(line)+1+width(word) <= w:
			line += " " + word
		default:
			lines = append(lines, line)
			line = indent + word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
