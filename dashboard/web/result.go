package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/internal/format"
	"github.com/salesanalytics/salesanalytics/query"
)

// ResultTable renders a query result (an analyst's answer) as a page table:
// money with its currency sign and thousands separators, shares as
// percentages, other decimals at their column's scale, counts grouped,
// periods of a time grain as the sentence names them ("January 2025", "Q1
// 2025"), other dates as YYYY-MM-DD, NULL as "—"; metric columns right-aligned.
func ResultTable(id string, res *query.Result) *Table {
	if res == nil {
		return nil
	}
	t := &Table{ID: id}
	for _, c := range res.Columns {
		num := c.Kind == query.KindDecimal || c.Kind == query.KindInt || c.Kind == query.KindFloat
		t.Cols = append(t.Cols, Col{Name: strings.ReplaceAll(c.Name, "_", " "), Num: num})
	}
	for _, r := range res.Rows {
		row := Row{}
		for j, v := range r {
			row.Cells = append(row.Cells, Cell{Text: resultText(res.Columns[j], v)})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// moneyColumn reports whether a column holds money: the model's money is
// DECIMAL(38,2) end to end, and the analyst's sentence says a decimal at two
// places with its currency sign too, so the table and the chart say the same.
func moneyColumn(c query.Column) bool {
	return c.Kind == query.KindDecimal && c.Scale == 2 && !share(c)
}

// share reports whether a column is a fraction the analyst names a share or a
// percentage ("revenue_share", "order_pct").
func share(c query.Column) bool {
	return c.Kind == query.KindDecimal && (strings.HasSuffix(c.Name, "_share") || strings.HasSuffix(c.Name, "_pct"))
}

func resultText(c query.Column, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case decimal.Decimal:
		switch {
		case share(c):
			return pct(x)
		case moneyColumn(c):
			return format.Money(x)
		}
		return x.StringFixed(int32(c.Scale))
	case int64:
		return count(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		if c.Role == query.RoleTime {
			return periodText(c.Name, x, false)
		}
		if c.Kind == query.KindDate {
			return x.Format(time.DateOnly)
		}
		return x.UTC().Format(time.RFC3339)
	case string:
		return x
	}
	return ""
}
