package query

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// ErrTooManyRows is returned (wrapped) by RunSQL when a result exceeds its cap.
var ErrTooManyRows = errors.New("query: too many rows")

// RunSQL runs SQL that did not come from a Compiler (such as an analyst's answer)
// and returns typed rows, the kind of each column read from the driver's column
// types: NUMBER/DECIMAL with a scale as decimal.Decimal, whole numbers as int64,
// dates as time.Time. More than maxRows rows is an error, not a silent cut; zero
// means no cap. The caller is responsible for what the SQL does.
func RunSQL(ctx context.Context, db Querier, sqlText string, maxRows int) (*Result, error) {
	rows, err := db.QueryContext(ctx, sqlText)
	if err != nil {
		return nil, fmt.Errorf("query: run: %w", err)
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, fmt.Errorf("query: column types: %w", err)
	}
	cols := make([]Column, len(types))
	for i, t := range types {
		cols[i] = columnOf(t)
	}
	res := &Result{Columns: cols}
	dst := make([]any, len(cols))
	for rows.Next() {
		if maxRows > 0 && len(res.Rows) == maxRows {
			return nil, fmt.Errorf("%w: more than %d", ErrTooManyRows, maxRows)
		}
		row := make(Row, len(cols))
		for i := range cols {
			dst[i] = &cell{col: &cols[i], out: &row[i]}
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, fmt.Errorf("query: scan: %w", err)
		}
		res.Rows = append(res.Rows, row)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query: read rows: %w", err)
	}
	return res, nil
}

// columnOf maps a driver column type to a result column.
func columnOf(t *sql.ColumnType) Column {
	name := strings.ToUpper(t.DatabaseTypeName())
	col := Column{Name: t.Name(), Kind: KindText}
	if name == "FIXED" { // gosnowflake's NUMBER
		name = "NUMBER"
	}
	if p, s, ok := t.DecimalSize(); ok && (name == "NUMBER" || name == "DECIMAL") {
		name = fmt.Sprintf("NUMBER(%d,%d)", p, s)
	}
	tt := typeOf(semantic.DataType(name))
	col.Kind, col.Scale = tt.kind, tt.scale
	switch name {
	case "REAL", "FLOAT", "DOUBLE":
		col.Kind = KindFloat
	case "NUMBER", "DECIMAL", "HUGEINT", "BIGINT", "INTEGER", "SMALLINT", "TINYINT",
		"UHUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT":
		col.Kind = KindInt
	}
	if col.Kind == "" {
		col.Kind = KindText
	}
	return col
}
