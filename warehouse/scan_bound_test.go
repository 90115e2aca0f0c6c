package warehouse_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// An incremental refresh's cost follows the batch: no mart's refresh reads
// FCT_ORDERS (but the window stage's first day or month of the data, a MIN of
// one column); the distinct counts read the earlier facts of the batch's
// customers, which the refresh collects once (PriorFactsSQL) from FCT_ORDERS
// within the batch's years, joined to the batch's customers, without the
// batch's own facts. That year bound is exact only because every mart with a
// distinct count has a date or a year in its key. Before, each year mart
// recounted the distinct customers of the whole current year from FCT_ORDERS
// on every refresh.
func TestIncrementalRefreshReadsFactsOfTheBatchsCustomersOnly(t *testing.T) {
	t.Parallel()
	d, n := dialect.DuckDB, warehouse.Names{}
	fct := regexp.MustCompile(`"MARTS"\."FCT_ORDERS"`)
	firstPeriod := regexp.MustCompile(`\(SELECT MIN\(f\."ORDER_(?:DATE|MONTH)"\) AS "FIRST_PERIOD" FROM "MARTS"\."FCT_ORDERS" f\) d0`)
	for _, m := range warehouse.AggregateMarts() {
		name := m.Table.Name
		for _, s := range m.RefreshSteps(d, n, `"__NEW_FACTS"`, `"__PRIOR_FACTS"`, `"__REFRESH"`) {
			require.NotRegexp(t, fct, firstPeriod.ReplaceAllString(s, ""), "%s re-reads FCT_ORDERS:\n%s", name, s)
			require.NotContains(t, s, "?", name)
		}
		distinct := false
		for _, ms := range m.Measures() {
			distinct = distinct || ms.Agg == warehouse.AggCountDistinct
		}
		if distinct {
			k, ok := m.ScanBound()
			require.True(t, ok, "%s counts distinct customers without a date or year key", name)
			require.Contains(t, []string{"ORDER_DATE", "ORDER_MONTH", "ORDER_YEAR"}, k.Source, name)
		}
	}
	prior := warehouse.PriorFactsSQL(d, n, `"__NEW_FACTS"`)
	require.Len(t, fct.FindAllString(prior, -1), 1, prior)
	for _, want := range []string{
		`JOIN (SELECT DISTINCT nw."CUSTOMER_ID" FROM "__NEW_FACTS" nw) nw ON nw."CUSTOMER_ID" = f."CUSTOMER_ID"`,
		`LEFT JOIN "__NEW_FACTS" x ON x."ORDER_ID" = f."ORDER_ID"`,
		`WHERE f."ORDER_YEAR" BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT) AND x."ORDER_ID" IS NULL`,
	} {
		require.Contains(t, prior, want)
	}
	require.Equal(t, 2, strings.Count(prior, "?"), prior)
}
