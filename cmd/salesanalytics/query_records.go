package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/internal/termui"
	"github.com/salesanalytics/salesanalytics/query"
)

// records writes each row of res as a block, as psql's \x does for a table
// too wide for the screen: a heading with the row's number and dimensions,
// then a line per metric. A metric's companion columns (base, delta, pct …)
// stand beside it under a header that names them, when that fits width;
// otherwise each column is a `name  value` line of its own. Other columns
// (flags) are lines of their own. Blocks are aligned alike and separated by
// a blank line; values are the table's exact cells.
func records(w io.Writer, res *query.Result, width int) {
	l := layoutOf(res, width)
	for i, r := range res.Rows {
		if i > 0 {
			fmt.Fprintln(w)
		}
		row := cells(res.Columns, r)
		for j, v := range row {
			row[j] = termui.Clean(v)
		}
		heading := []string{fmt.Sprintf("row %d", i+1)}
		for _, d := range l.dims {
			heading = append(heading, res.Columns[d].Name+" "+row[d])
		}
		fmt.Fprintln(w, joinFit(heading, " · ", width, "  "))
		if len(l.suffixes) > 0 {
			fmt.Fprintln(w, l.line("", append([]string{"value"}, l.suffixes...)))
		}
		for _, m := range l.metrics {
			vals := []string{row[m]}
			for _, s := range l.suffixes {
				v := ""
				if c, ok := l.companions[m][s]; ok {
					v = row[c]
				}
				vals = append(vals, v)
			}
			fmt.Fprintln(w, l.line(res.Columns[m].Name, vals))
		}
		for _, o := range l.others {
			fmt.Fprintln(w, strings.TrimRight(pad(res.Columns[o].Name, l.name, false)+"  "+row[o], " "))
		}
	}
}

// layout is where the columns of a record go.
type layout struct {
	dims, metrics, others []int
	suffixes              []string               // the companions' headers, in order
	companions            map[int]map[string]int // metric → suffix → column
	name                  int                    // the width of the names
	widths                []int                  // of value and each suffix
}

// layoutOf sorts res's columns into dimensions, metrics with their
// companions, and others; and falls back to a line per column when the
// metrics' lines would be wider than width.
func layoutOf(res *query.Result, width int) layout {
	cols := res.Columns
	l := layout{companions: map[int]map[string]int{}}
	for j, c := range cols {
		switch m := metricOf(cols, j); {
		case c.Role == query.RoleDimension || c.Role == query.RoleTime:
			l.dims = append(l.dims, j)
		case c.Role == query.RoleMetric:
			l.metrics = append(l.metrics, j)
			l.companions[j] = map[string]int{}
		case m >= 0:
			s := shortHeader(cols, j)
			l.companions[m][s] = j
			if !slices.Contains(l.suffixes, s) {
				l.suffixes = append(l.suffixes, s)
			}
		default:
			l.others = append(l.others, j)
		}
	}
	l.measure(res)
	if len(l.suffixes) > 0 && l.gridWidth() > width {
		// One line per column: every metric's companions become others.
		l.others = nil
		l.metrics = nil
		l.suffixes = nil
		for j, c := range cols {
			if c.Role != query.RoleDimension && c.Role != query.RoleTime {
				l.others = append(l.others, j)
			}
		}
		l.measure(res)
	}
	return l
}

// measure sets the widths of the names and of the value columns.
func (l *layout) measure(res *query.Result) {
	l.name = 0
	for _, j := range append(slices.Clone(l.metrics), l.others...) {
		l.name = max(l.name, termui.Width(res.Columns[j].Name))
	}
	l.widths = make([]int, 1+len(l.suffixes))
	if len(l.suffixes) > 0 {
		l.widths[0] = termui.Width("value")
		for i, s := range l.suffixes {
			l.widths[i+1] = termui.Width(s)
		}
	}
	for _, r := range res.Rows {
		row := cells(res.Columns, r)
		for _, m := range l.metrics {
			l.widths[0] = max(l.widths[0], termui.Width(row[m]))
			for i, s := range l.suffixes {
				if c, ok := l.companions[m][s]; ok {
					l.widths[i+1] = max(l.widths[i+1], termui.Width(row[c]))
				}
			}
		}
	}
}

// gridWidth is the width of a metric's line with its companions.
func (l layout) gridWidth() int {
	n := l.name
	for _, w := range l.widths {
		n += 2 + w
	}
	return n
}

// line is a metric's line: its name, then its values right-aligned.
func (l layout) line(name string, vals []string) string {
	var b strings.Builder
	b.WriteString(pad(name, l.name, false))
	for i, v := range vals {
		b.WriteString("  ")
		b.WriteString(pad(v, l.widths[i], true))
	}
	return strings.TrimRight(b.String(), " ")
}

// pad pads s with spaces to n columns, on the left when right is set.
func pad(s string, n int, right bool) string {
	gap := strings.Repeat(" ", max(n-termui.Width(s), 0))
	if right {
		return gap + s
	}
	return s + gap
}

// joinFit joins parts with sep into lines of at most width columns, breaking
// only between parts (a dimension's name and value stay on one line); a part
// wider than a line of its own is wrapped at its spaces. The lines after the
// first start with indent.
func joinFit(parts []string, sep string, width int, indent string) string {
	var lines []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case termui.Width(line+sep+p) <= width:
			line += sep + p
		default:
			lines = append(lines, line)
			line = indent + p
		}
		if termui.Width(line) > width {
			wrapped := strings.Split(termui.Wrap(line, width, indent+"  "), "\n")
			lines = append(lines, wrapped[:len(wrapped)-1]...)
			line = wrapped[len(wrapped)-1]
		}
	}
	return strings.Join(append(lines, line), "\n")
}
