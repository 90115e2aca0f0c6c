package main

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/termui"
	"github.com/salesanalytics/salesanalytics/query"
)

// compared is a result of one dimension and two metrics compared with a base
// period, as the planner returns it, its values written out by hand.
func compared(region string) *query.Result {
	d := decimal.RequireFromString
	return &query.Result{
		Columns: []query.Column{
			{Name: "region", Kind: query.KindText, Role: query.RoleDimension, Field: "orders.region"},
			{Name: "revenue", Kind: query.KindDecimal, Scale: 2, Role: query.RoleMetric, Field: "orders.total_revenue"},
			{Name: "revenue_base", Kind: query.KindDecimal, Scale: 2, Role: query.RoleBase, Field: "orders.total_revenue"},
			{Name: "revenue_pct", Kind: query.KindDecimal, Scale: 4, Role: query.RolePct, Field: "orders.total_revenue"},
			{Name: "order_count", Kind: query.KindInt, Role: query.RoleMetric, Field: "orders.order_count"},
			{Name: "order_count_base", Kind: query.KindInt, Role: query.RoleBase, Field: "orders.order_count"},
			{Name: "partial", Kind: query.KindBool, Role: query.RoleFlag},
		},
		Rows: []query.Row{{region, d("1234567.5"), d("1000000"), d("0.2346"), int64(62), int64(53), true}},
	}
}

func TestRecordsPutCompanionsBesideTheirMetric(t *testing.T) {
	var b strings.Builder
	records(&b, compared("East"), 80)
	require.Equal(t, `row 1 · region East
                  value        base     pct
revenue      1234567.50  1000000.00  0.2346
order_count          62          53
partial      true
`, b.String())
}

func TestRecordsFallBackToALinePerColumn(t *testing.T) {
	var b strings.Builder
	records(&b, compared("East"), 40)
	require.Equal(t, `row 1 · region East
revenue           1234567.50
revenue_base      1000000.00
revenue_pct       0.2346
order_count       62
order_count_base  53
partial           true
`, b.String())
}

func TestRecordsCleanValuesAndWrapTheHeadingAtSpaces(t *testing.T) {
	var b strings.Builder
	region := "North \x1b]0;pwned\x07" + strings.Repeat("very long name ", 4)
	records(&b, compared(region), 40)
	require.NotContains(t, b.String(), "\x1b")
	require.NotContains(t, b.String(), "\x07")
	for _, line := range strings.Split(b.String(), "\n") {
		require.LessOrEqual(t, termui.Width(line), 40, line)
	}
}

func TestWrapSQLBreaksOnlyBetweenTokens(t *testing.T) {
	sql := `SELECT "order date" AS "a b c", 'it''s a  long literal with spaces' AS "x", SUM("t"."NET_AMOUNT") FROM "MARTS"."FCT_ORDERS" AS "t" WHERE "t"."SEGMENT" = ? AND "t"."REGION" IN (?, ?, ?) GROUP BY 1, 2 ORDER BY 3 DESC`
	got := wrapSQL(sql, 30)
	require.Equal(t, sql, strings.ReplaceAll(got, "\n"+sqlIndent, " "), "only spaces between tokens became breaks")
	require.Contains(t, got, `'it''s a  long literal with spaces'`, "a literal is never broken")
	require.Contains(t, got, `"a b c"`, "nor a quoted identifier")
	for _, line := range strings.Split(got, "\n") {
		if termui.Width(line) > 30 {
			require.Len(t, splitOutsideQuotes(strings.TrimPrefix(line, sqlIndent)), 1, "a line wider than 30 is one token: %q", line)
		}
	}
	require.Equal(t, "SELECT 1", wrapSQL("SELECT 1", 80))
}
