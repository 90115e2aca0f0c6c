package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/internal/termui"
	"github.com/salesanalytics/salesanalytics/query"
)

// result prints a query's answer: JSON, CSV, or for a person an aligned
// table that fits the terminal's width (termui.Detect: COLUMNS, the tty, 80
// in a pipe): with its full headers, else with short ones, else, too wide
// even so, as records, one block per row (see records). A row is never
// wrapped.
func (o *output) result(w io.Writer, a *service.Answer) error {
	switch {
	case o.json:
		return writeJSON(w, a.Wire())
	case o.csv:
		return writeCSV(w, a.Result)
	}
	ui := termui.Detect(w, os.Getenv)
	var b bytes.Buffer
	for _, short := range []bool{false, true} {
		b.Reset()
		if err := termui.RenderTable(&b, ui, answerTable(a.Result, short)); err != nil {
			return err
		}
		if widest(b.String()) <= ui.Columns() {
			break
		}
	}
	if widest(b.String()) > ui.Columns() {
		b.Reset()
		records(&b, a.Result, ui.Columns())
	}
	if a.Truncated {
		fmt.Fprintf(&b, "… only the first %d rows\n", len(a.Result.Rows))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// answerTable is the result as a table of exact cells; with short, every
// header is short: a comparison's columns by their role (base, delta, pct)
// after the metric they follow, a time dimension by its grain.
func answerTable(res *query.Result, short bool) termui.Table {
	t := termui.Table{}
	for j, c := range res.Columns {
		h := c.Name
		if short {
			h = shortHeader(res.Columns, j)
		}
		if numeric(c) {
			t.Columns = append(t.Columns, termui.NumberColumn(h))
		} else {
			t.Columns = append(t.Columns, termui.TextColumn(h))
		}
	}
	for _, r := range res.Rows {
		t.Rows = append(t.Rows, cells(res.Columns, r))
	}
	return t
}

func numeric(c query.Column) bool {
	return c.Kind == query.KindDecimal || c.Kind == query.KindInt || c.Kind == query.KindFloat
}

// shortHeader is column j's header in the narrow table: the suffix of a
// metric's companion column (revenue_base → base), the grain of a time
// dimension (order_date_month → month), else the name.
func shortHeader(cols []query.Column, j int) string {
	c := cols[j]
	if c.Role == query.RoleTime {
		if i := strings.LastIndexByte(c.Name, '_'); i > 0 {
			return c.Name[i+1:]
		}
	}
	if m := metricOf(cols, j); m >= 0 {
		return strings.TrimPrefix(c.Name, cols[m].Name+"_")
	}
	return c.Name
}

// metricOf is the index of the metric column j belongs to (revenue_base,
// revenue_delta … follow revenue and share its field), or -1.
func metricOf(cols []query.Column, j int) int {
	c := cols[j]
	switch c.Role {
	case query.RoleDimension, query.RoleTime, query.RoleMetric, query.RoleFlag:
		return -1
	}
	for m := j - 1; m >= 0; m-- {
		if cols[m].Role == query.RoleMetric {
			if cols[m].Field == c.Field && strings.HasPrefix(c.Name, cols[m].Name+"_") {
				return m
			}
			return -1
		}
	}
	return -1
}

// widest is the width of s's widest line in terminal columns.
func widest(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n = max(n, termui.Width(line))
	}
	return n
}
