package dashboard

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Table is one table of a view, flattened for export: column names and rows of
// exact text cells (money to the cent, ratios to 4 places, dates YYYY-MM-DD).
type Table struct {
	Name    string   `json:"name"`
	Columns []string `json:"columns"`
	Rows    [][]Cell `json:"rows"`
}

// Cell is one exported value; Null marks a missing one (an empty CSV field, a JSON null).
type Cell struct {
	Text string
	Null bool
}

// MarshalJSON writes the cell as a JSON string, or null.
func (c Cell) MarshalJSON() ([]byte, error) {
	if c.Null {
		return []byte("null"), nil
	}
	return json.Marshal(c.Text)
}

// WriteCSV writes t with a header row. Nulls are empty fields. A text cell a
// spreadsheet would run as a formula (see [SafeCSVField]) is written with a
// leading single quote; numbers are written as they are.
func WriteCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = SafeCSVField(c)
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range t.Rows {
		for i, c := range r {
			rec[i] = SafeCSVField(c.Text)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// plainNumber is a decimal number as the exports write them: -12.50, 3, 0.1234.
var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// SafeCSVField returns s as a CSV field no spreadsheet runs: text starting with
// '=', '+', '-', '@', a tab or a carriage return gets a leading single quote, as
// OWASP's CSV-injection advice says ("=HYPERLINK(…)" becomes "'=HYPERLINK(…)").
// A plain number (-12.50) is left as it is, so it stays a number: no
// spreadsheet reads one as a formula.
func SafeCSVField(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || plainNumber.MatchString(s) {
		return s
	}
	return "'" + s
}

// WriteJSON writes tables as {"tables": [{"name", "columns", "rows": [{column: "text"|null}]}]};
// every value is a string, so decimals keep every digit.
func WriteJSON(w io.Writer, tables []Table) error {
	type wire struct {
		Name    string            `json:"name"`
		Columns []string          `json:"columns"`
		Rows    []json.RawMessage `json:"rows"`
	}
	out := struct {
		Tables []wire `json:"tables"`
	}{Tables: make([]wire, 0, len(tables))}
	for _, t := range tables {
		wt := wire{Name: t.Name, Columns: t.Columns, Rows: make([]json.RawMessage, 0, len(t.Rows))}
		for _, r := range t.Rows {
			b := []byte{'{'}
			for i, c := range r {
				if i > 0 {
					b = append(b, ',')
				}
				k, _ := json.Marshal(t.Columns[i])
				v, _ := c.MarshalJSON()
				b = append(append(append(b, k...), ':'), v...)
			}
			wt.Rows = append(wt.Rows, append(b, '}'))
		}
		out.Tables = append(out.Tables, wt)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// Exporter is what every view is: a set of tables to export.
type Exporter interface {
	Tables() []Table
}

// cell constructors

func txt(s string) Cell          { return Cell{Text: s} }
func usd(d decimal.Decimal) Cell { return Cell{Text: d.StringFixed(2)} }
func num(n int64) Cell           { return Cell{Text: strconv.FormatInt(n, 10)} }
func dateCell(t time.Time) Cell  { return Cell{Text: t.Format(time.DateOnly), Null: t.IsZero()} }
func boolCell(b bool) Cell       { return Cell{Text: strconv.FormatBool(b)} }
func filterCell(f Filter) Cell   { return Cell{Text: f.String()} }
func nullFixed(d decimal.NullDecimal, places int32) Cell {
	if !d.Valid {
		return Cell{Null: true}
	}
	return Cell{Text: d.Decimal.StringFixed(places)}
}
func nullUSD(d decimal.NullDecimal) Cell   { return nullFixed(d, 2) }
func nullRatio(d decimal.NullDecimal) Cell { return nullFixed(d, 4) }

// changeCells exports a Change as base, delta, pct, with the figure's places.
func changeCells(c Change, places int32) []Cell {
	return []Cell{nullFixed(c.Base, places), nullFixed(c.Delta, places), nullRatio(c.Pct)}
}

func sharesTable(name string, rows []Share) Table {
	t := Table{Name: name, Columns: []string{"rank", "key", "name", "revenue", "share", "other", "count", "drill"}}
	for _, s := range rows {
		t.Rows = append(t.Rows, []Cell{num(int64(s.Rank)), txt(s.Key), txt(s.Name), usd(s.Revenue), nullRatio(s.Share), boolCell(s.Other), num(int64(s.Count)), filterCell(s.Drill)})
	}
	return t
}

func monthsTable(name string, rows []MonthPoint) Table {
	t := Table{Name: name, Columns: []string{"month", "revenue", "orders", "units", "partial", "drill"}}
	for _, m := range rows {
		t.Rows = append(t.Rows, []Cell{dateCell(m.Month), usd(m.Revenue), num(m.Orders), num(m.Units), boolCell(m.Partial), filterCell(m.Drill)})
	}
	return t
}

func withCols(cols []string, more ...string) []string {
	return append(append([]string{}, cols...), more...)
}
