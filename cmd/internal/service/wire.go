package service

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/query"
)

// QueryResult is a query's answer as JSON: the `query -json` output and the
// MCP query tool's structured result.
type QueryResult struct {
	Columns   []query.Column   `json:"columns" jsonschema:"the output columns in order: name, kind (text, int, decimal, date, …), scale of decimals, the model field, role"`
	Rows      []map[string]any `json:"rows" jsonschema:"one object per row keyed by column name: decimals as exact strings (\"1234.50\"), counts as integers, dates as YYYY-MM-DD, null for NULL"`
	SQL       string           `json:"sql" jsonschema:"the statement that ran, with ? placeholders"`
	Args      []string         `json:"args,omitempty" jsonschema:"the bound values of the placeholders, in order"`
	Tables    []string         `json:"tables" jsonschema:"the physical tables that answered"`
	Truncated bool             `json:"truncated,omitempty" jsonschema:"more rows matched than were returned"`
}

// Wire returns the answer as JSON values.
func (a *Answer) Wire() QueryResult {
	out := QueryResult{SQL: a.SQL, Tables: a.Tables, Truncated: a.Truncated, Columns: []query.Column{}, Rows: []map[string]any{}}
	for _, v := range a.Args {
		out.Args = append(out.Args, Arg(v))
	}
	if a.Result == nil {
		return out
	}
	out.Columns = a.Result.Columns
	for _, r := range a.Result.Rows {
		m := make(map[string]any, len(r))
		for j, c := range a.Result.Columns {
			m[c.Name] = Value(c, r[j])
		}
		out.Rows = append(out.Rows, m)
	}
	return out
}

// Value is one result value as JSON holds it exactly: a decimal as a string at
// its column's scale, a date as YYYY-MM-DD, a timestamp as RFC 3339; other
// values as they are.
func Value(c query.Column, v any) any {
	switch x := v.(type) {
	case decimal.Decimal:
		return x.StringFixed(int32(c.Scale))
	case time.Time:
		if c.Kind == query.KindDate {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.RFC3339Nano)
	}
	return v
}
