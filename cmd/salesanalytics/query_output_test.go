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

// TestRecordsHeadingBreaksBetweenDimensions: a heading too wide for a line
// breaks between two dimensions, never inside a name ("rep_name Olga" then
// "Wood" on the next line was the old wrap).
func TestRecordsHeadingBreaksBetweenDimensions(t *testing.T) {
	res := compared("East")
	res.Columns = append([]query.Column{
		{Name: "customer_name", Kind: query.KindText, Role: query.RoleDimension},
		{Name: "rep_name", Kind: query.KindText, Role: query.RoleDimension},
	}, res.Columns...)
	res.Rows[0] = append(query.Row{"Austin Hudson", "Olga Wood"}, res.Rows[0]...)
	var b strings.Builder
	records(&b, res, 50)
	head, _, _ := strings.Cut(b.String(), "\n                  value")
	require.Equal(t, "row 1 · customer_name Austin Hudson\n  rep_name Olga Wood · region East", head)
}
