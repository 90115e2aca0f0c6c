package evalset

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"time"

	"github.com/salesanalytics/salesanalytics/scan"
)

// Run runs an expected answer's complete query ([Set.Query]) on db and returns
// its result as exact text, as the golden files pin it: decimals at their
// column's scale, integers in full, dates YYYY-MM-DD. A float column is an
// error: no expected answer may pass through one.
func Run(ctx context.Context, db *sql.DB, query string) (Answer, error) {
	var a Answer
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return a, fmt.Errorf("evalset: %w", err)
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return a, fmt.Errorf("evalset: %w", err)
	}
	for _, ct := range types {
		a.Columns = append(a.Columns, AnswerColumn{Name: ct.Name(), Type: ct.DatabaseTypeName()})
	}
	for rows.Next() {
		vals := make([]any, len(types))
		ptrs := make([]any, len(types))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return a, fmt.Errorf("evalset: %w", err)
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			if row[i], err = render(types[i], v); err != nil {
				return a, err
			}
		}
		a.Rows = append(a.Rows, row)
	}
	return a, rows.Err()
}

// render turns one value into exact text.
func render(ct *sql.ColumnType, v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case time.Time:
		return x.Format(time.DateOnly), nil
	case int64, int32, int16, int8, uint64, uint32, uint16, uint8:
		return fmt.Sprint(x), nil
	case *big.Int:
		return x.String(), nil
	case float32, float64:
		return "", fmt.Errorf("evalset: column %s is a float (%v): compute it exactly", ct.Name(), v)
	}
	d, err := scan.ToDecimal(v)
	if err != nil {
		return "", fmt.Errorf("evalset: column %s: %w", ct.Name(), err)
	}
	if m := decimalType.FindStringSubmatch(ct.DatabaseTypeName()); m != nil {
		scale, err := strconv.Atoi(m[1])
		if err != nil {
			return "", fmt.Errorf("evalset: column %s: %w", ct.Name(), err)
		}
		return d.StringFixed(int32(scale)), nil
	}
	return d.String(), nil
}

// decimalType reads the scale of a DECIMAL(p,s) column type.
var decimalType = regexp.MustCompile(`^DECIMAL\(\d+,\s*(\d+)\)$`)
