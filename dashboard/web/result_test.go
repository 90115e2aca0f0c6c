package web

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

func TestResultTable(t *testing.T) {
	t.Parallel()
	res := &query.Result{
		Columns: []query.Column{
			{Name: "region", Kind: query.KindText},
			{Name: "order_date_month", Kind: query.KindDate},
			{Name: "total_revenue", Kind: query.KindDecimal, Scale: 2},
			{Name: "order_count", Kind: query.KindInt},
			{Name: "order_date_quarter", Kind: query.KindDate, Role: query.RoleTime},
		},
		Rows: []query.Row{
			{"West", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), decimal.RequireFromString("1234567.5"), int64(1200), time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)},
			{"East", nil, decimal.RequireFromString("-1234.5"), int64(-3), nil},
			{nil, nil, nil, nil, nil},
		},
	}
	tbl := ResultTable("answer", res)
	require.Equal(t, []Col{{Name: "region"}, {Name: "order date month"}, {Name: "total revenue", Num: true}, {Name: "order count", Num: true}, {Name: "order date quarter"}}, tbl.Cols)
	require.Equal(t, []Cell{{Text: "West"}, {Text: "2025-03-01"}, {Text: "$1,234,567.50"}, {Text: "1,200"}, {Text: "Q2 2025"}}, tbl.Rows[0].Cells)
	require.Equal(t, []Cell{{Text: "East"}, {Text: "—"}, {Text: "-$1,234.50"}, {Text: "-3"}, {Text: "—"}}, tbl.Rows[1].Cells)
	require.Equal(t, []Cell{{Text: "—"}, {Text: "—"}, {Text: "—"}, {Text: "—"}, {Text: "—"}}, tbl.Rows[2].Cells)
	require.Nil(t, ResultTable("x", nil))
}
