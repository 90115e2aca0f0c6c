package query

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"iter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Querier is what Run needs: a *sql.DB, *sql.Conn or *sql.Tx.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Row is one result row, in column order. Each value has its column's Go type —
// string, int64, decimal.Decimal, float64, bool or time.Time — or is nil for NULL.
type Row []any

// Result is a query's columns and rows.
type Result struct {
	Columns []Column
	Rows    []Row

	model *semantic.Model // the compiler's, for ScanAll's synonyms
}

// Run executes the query and returns every row, typed by column: money and other
// decimals as decimal.Decimal (exact), counts as int64, dates as time.Time.
func (q *Query) Run(ctx context.Context, db Querier) (*Result, error) {
	res := &Result{Columns: q.Columns, model: q.model}
	for row, err := range q.Stream(ctx, db) {
		if err != nil {
			return nil, err
		}
		res.Rows = append(res.Rows, row)
	}
	return res, nil
}

// Stream executes the query and yields its rows one at a time, each a fresh Row.
// Stopping the loop early closes the rows.
func (q *Query) Stream(ctx context.Context, db Querier) iter.Seq2[Row, error] {
	return func(yield func(Row, error) bool) {
		stmt := q.SQL
		if q.run != "" {
			stmt = q.run // without the columns of q.post, computed here, or casts that change nothing
		}
		rows, err := db.QueryContext(ctx, stmt, q.Args...)
		if err != nil {
			yield(nil, fmt.Errorf("query: run: %w", err))
			return
		}
		defer rows.Close()
		// One scanner per read column, made once: each row only points them at
		// its cells.
		cells := make([]cell, 0, len(q.Columns))
		at := make([]int, 0, len(q.Columns))
		for i := range q.Columns {
			if q.run == "" || !computed(q.post, i) {
				cells, at = append(cells, cell{col: &q.Columns[i]}), append(at, i)
			}
		}
		dst := make([]any, len(cells))
		for i := range cells {
			dst[i] = &cells[i]
		}
		for rows.Next() {
			row := make(Row, len(q.Columns))
			for i, j := range at {
				cells[i].out = &row[j]
			}
			if err := rows.Scan(dst...); err != nil {
				yield(nil, fmt.Errorf("query: scan: %w", err))
				return
			}
			for _, d := range q.post {
				d.divide(row)
			}
			if !yield(row, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(nil, fmt.Errorf("query: read rows: %w", err))
		}
	}
}

// cell scans one value into its column's Go type.
type cell struct {
	col *Column
	out *any
}

func (c *cell) Scan(v any) error {
	if v == nil {
		*c.out = nil
		return nil
	}
	if x, ok := v.(int64); ok && c.col.Kind == KindInt {
		*c.out = x // a BIGINT as it is
		return nil
	}
	var err error
	switch c.col.Kind {
	case KindDecimal:
		var d decimal.Decimal
		if d, err = scan.ToDecimal(v); err == nil {
			*c.out = d
		}
	case KindInt:
		var d decimal.Decimal
		if d, err = scan.ToDecimal(v); err == nil {
			if !d.IsInteger() {
				return fmt.Errorf("column %s: %s is not a whole number", c.col.Name, d)
			}
			if !d.Equal(decimal.NewFromInt(d.IntPart())) {
				return fmt.Errorf("column %s: %s does not fit a 64-bit integer", c.col.Name, d)
			}
			*c.out = d.IntPart()
		}
	case KindDate, KindTimestamp:
		t, ok := v.(time.Time)
		if !ok {
			return fmt.Errorf("column %s: got %T, want a time", c.col.Name, v)
		}
		*c.out = t.UTC()
	case KindBool:
		switch x := v.(type) {
		case bool:
			*c.out = x
		case string: // Snowflake's JSON results
			*c.out = x == "1" || x == "true" || x == "TRUE"
		default:
			return fmt.Errorf("column %s: got %T, want a bool", c.col.Name, v)
		}
	case KindFloat:
		var f sql.NullFloat64
		if err = f.Scan(v); err == nil {
			*c.out = f.Float64
		}
	default:
		switch x := v.(type) {
		case string:
			*c.out = x
		case []byte:
			*c.out = string(x)
		default:
			*c.out = fmt.Sprint(x)
		}
	}
	if err != nil {
		return fmt.Errorf("column %s: %w", c.col.Name, err)
	}
	return nil
}

// Map returns row i as column name → value.
func (r *Result) Map(i int) map[string]any {
	m := make(map[string]any, len(r.Columns))
	for j, c := range r.Columns {
		m[c.Name] = r.Rows[i][j]
	}
	return m
}

// MarshalJSON writes {"columns": [...], "rows": [{name: value}, …]} with decimals
// as strings ("1234.50", never a float), dates as YYYY-MM-DD and columns in order.
func (r *Result) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"columns":`)
	cols, err := json.Marshal(r.Columns)
	if err != nil {
		return nil, err
	}
	b.Write(cols)
	b.WriteString(`,"rows":[`)
	for i, row := range r.Rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		for j, c := range r.Columns {
			if j > 0 {
				b.WriteByte(',')
			}
			name, _ := json.Marshal(c.Name)
			b.Write(name)
			b.WriteByte(':')
			v, err := c.MarshalValue(row[j])
			if err != nil {
				return nil, err
			}
			b.Write(v)
		}
		b.WriteByte('}')
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// MarshalValue writes one value of the column as JSON: decimals as strings at the
// column's scale ("1234.50"), dates as "YYYY-MM-DD", timestamps as RFC 3339,
// counts as numbers, NULL as null.
func (c Column) MarshalValue(v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return []byte("null"), nil
	case decimal.Decimal:
		return json.Marshal(x.StringFixed(int32(c.Scale)))
	case time.Time:
		if c.Kind == KindDate {
			return json.Marshal(x.Format(time.DateOnly))
		}
		return json.Marshal(x.Format(time.RFC3339Nano))
	}
	return json.Marshal(v)
}
