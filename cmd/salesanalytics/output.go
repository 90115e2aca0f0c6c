package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
	"github.com/salesanalytics/salesanalytics/query"
)

// output is how a result prints: an aligned table, JSON or CSV.
type output struct{ json, csv bool }

func (o *output) register(fs *flag.FlagSet) {
	fs.BoolVar(&o.json, "json", false, "print JSON (decimals as strings)")
	fs.BoolVar(&o.csv, "csv", false, "print CSV")
}

func (o *output) check() error {
	if o.json && o.csv {
		return usagef("-json and -csv: choose one")
	}
	return nil
}

// cells renders a row as exact text: NULL as empty.
func cells(cols []query.Column, r query.Row) []string {
	out := make([]string, len(r))
	for j, v := range r {
		if v != nil {
			out[j] = fmt.Sprint(service.Value(cols[j], v))
		}
	}
	return out
}

func writeCSV(w io.Writer, res *query.Result) error {
	cw := csv.NewWriter(w)
	head := make([]string, len(res.Columns))
	for i, c := range res.Columns {
		head[i] = c.Name
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range res.Rows {
		if err := cw.Write(cells(res.Columns, r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(v)
}

// tables prints a view's tables aligned.
func tables(w io.Writer, ts []dashboard.Table) error {
	for i, t := range ts {
		if i > 0 {
			fmt.Fprintln(w)
		}
		tt := termui.Table{Title: t.Name}
		for _, c := range t.Columns {
			tt.Columns = append(tt.Columns, termui.TextColumn(c))
		}
		for _, r := range t.Rows {
			row := make([]string, len(r))
			for j, c := range r {
				row[j] = c.Text
			}
			tt.Rows = append(tt.Rows, row)
		}
		if err := termui.RenderTable(w, termui.Detect(w, os.Getenv), tt); err != nil {
			return err
		}
	}
	return nil
}
