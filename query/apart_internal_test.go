package query

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// A metric is classified by the distinct aggregates of its parsed expression,
// not by the text of its SQL.
func TestDistinctnessReadsTheParsedMetric(t *testing.T) {
	t.Parallel()
	c, err := New(semantic.SalesModel(), Options{Dialect: dialect.DuckDB})
	require.NoError(t, err)
	for name, want := range map[string]distinctness{
		"total_revenue":        noDistinct,
		"order_count":          noDistinct, // COUNT(DISTINCT order_id) of the table's key is a count
		"distinct_customers":   distinctCount,
		"new_customers":        distinctCount,
		"discounted_orders":    distinctCount,
		"revenue_per_customer": mixedDistinct,
	} {
		f, err := c.model.Lookup(name, semantic.KindMetric)
		require.NoError(t, err, name)
		require.Equal(t, want, c.distinctness(f), name)
	}
}
