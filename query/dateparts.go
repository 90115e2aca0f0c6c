package query

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Stored date parts: a time dimension may declare columns that already hold it
// truncated to a grain ([semantic.TimeDimension.DateParts]: FCT_ORDERS'
// ORDER_WEEK, ORDER_MONTH, ORDER_QUARTER). Grouping by that grain reads the
// column instead of truncating the date on every row; results are the same.

// useDateParts replaces a time dimension's truncations by its stored columns.
func (c *Compiler) useDateParts(f semantic.Field) error {
	for _, dp := range f.DateParts {
		sql, err := c.datePart(f, dp)
		if err != nil {
			return fmt.Errorf("query: model field %s: date part %s: %w", f.QualifiedName(), dp.Grain, err)
		}
		c.trunc[f.Index][dp.Grain] = sql
	}
	return nil
}

// datePart renders a stored date part's expression over its table.
func (c *Compiler) datePart(f semantic.Field, dp semantic.DatePart) (string, error) {
	n, err := sqlparse.ParseExpr(dp.Expr, sqlparse.Options{Dialect: dialect.Snowflake, Functions: c.allowed})
	if err != nil {
		return "", fmt.Errorf("expr %q: %w", dp.Expr, err)
	}
	r := &renderer{c: c, d: c.d, alias: c.aliasOf(f.Table), used: map[string]bool{}}
	sql, _, err := r.render(n)
	if err != nil {
		return "", err
	}
	for t := range r.used {
		if !strings.EqualFold(t, f.Table) {
			return "", fmt.Errorf("expr %q reads table %s, not %s", dp.Expr, t, f.Table)
		}
	}
	return sql, nil
}

// rollDateParts maps the stored date parts of the date a mart's key truncates
// to the mart's date key, truncated where the part is coarser: ORDER_MONTH is
// DAILY_SALES' SALES_DATE by month, and SALES_BY_REGION's MONTH itself.
func (c *Compiler) rollDateParts(ro *rollup) {
	for _, f := range c.model.Fields() {
		if col, ok := c.physicalColumn(f); !ok || col != ro.dateSrc || !strings.EqualFold(f.Table, ro.over) {
			continue
		}
		for _, dp := range f.DateParts {
			n, err := sqlparse.ParseExpr(dp.Expr, sqlparse.Options{Dialect: dialect.Snowflake, Functions: c.allowed})
			ref, isRef := n.(sqlparse.Ref)
			if err != nil || !isRef || ref.Table != "" || ro.cols[ref.Name] != "" || !derivable(dp.Grain, ro.grain) {
				continue
			}
			ro.cols[ref.Name] = ro.date
			if dp.Grain != ro.grain {
				ro.cols[ref.Name] = c.d.DateTrunc(dp.Grain, ro.date)
			}
		}
	}
}
