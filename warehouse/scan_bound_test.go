package warehouse_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Every aggregate mart's incremental re-aggregation reads FCT_ORDERS within
// the new facts' range of a key: the date for the date-grained marts, the
// year for the year marts; only SALES_BY_CUSTOMER (lifetime totals)
// reads all of a touched customer's facts.
func TestIncrementalRefreshBoundsTheFactScan(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"DAILY_SALES":              `f."ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)`,
		"SALES_BY_REGION":          `f."ORDER_MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)`,
		"SALES_BY_PRODUCT":         `f."ORDER_MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)`,
		"SALES_BY_REP":             `f."ORDER_MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)`,
		"SALES_BY_CUSTOMER_YEAR":   `f."ORDER_YEAR" BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT)`,
		"SALES_BY_MONTH":           `f."ORDER_MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)`,
		"SALES_BY_CUSTOMER":        "",
		"SALES_BY_REGION_CATEGORY": `f."ORDER_MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)`,
		"SALES_BY_YEAR":            `f."ORDER_YEAR" BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT)`,
		"SALES_BY_REGION_YEAR":     `f."ORDER_YEAR" BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT)`,
		"SALES_BY_REP_YEAR":        `f."ORDER_YEAR" BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT)`,
		"SALES_BY_SEGMENT_YEAR":    `f."ORDER_YEAR" BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT)`,
		"SALES_BY_INDUSTRY_YEAR":   `f."ORDER_YEAR" BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT)`,
	}
	for _, m := range warehouse.AggregateMarts() {
		k, bounded := m.ScanBound()
		sql := m.IncrementalSelect(dialect.DuckDB, warehouse.Names{}, `"__NEW_FACTS"`)
		if !m.Windowed() {
			_, sql = m.ReplaceTouchedSQL(dialect.DuckDB, warehouse.Names{}, `"__NEW_FACTS"`)
		}
		w, ok := want[m.Table.Name]
		require.True(t, ok, "%s: a mart this test does not know", m.Table.Name)
		if w == "" {
			require.False(t, bounded, m.Table.Name)
			require.NotContains(t, sql, "BETWEEN", m.Table.Name)
			continue
		}
		require.True(t, bounded, m.Table.Name)
		require.Contains(t, w, `"`+k.Source+`"`, m.Table.Name)
		require.Contains(t, sql, w, m.Table.Name)
	}
}
