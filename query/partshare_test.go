package query_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
)

// A share of a part is the part's figure over the whole's, per group, in both
// dialects; a ratio's part, another layer or a part without a condition is
// refused naming why. (Its figures are checked against hand-written SQL over
// RAW by the analyst's evaluation set 2, shares class.)
func TestPartShare(t *testing.T) {
	t.Parallel()
	part := query.PartShare{Metric: "orders", Where: query.Eq("channel", "Online")}
	for _, d := range dialect.All() {
		c := compiler(t, d)
		req := query.Request{Metrics: []string{"orders"}, Dates: &query.DateFilter{Range: query.Year(2025)}}
		q, err := c.CompilePartShare(req, part)
		require.NoError(t, err, d)
		require.Equal(t, strings.Count(q.SQL, "?"), len(q.Args), "one argument per placeholder")
		require.Contains(t, q.Args, "Online")
		var names []string
		for _, col := range q.Columns {
			names = append(names, col.Name)
		}
		require.Equal(t, []string{"orders", "orders_whole", "orders_share"}, names)
		again, err := c.CompilePartShare(req, part)
		require.NoError(t, err)
		require.Equal(t, q.SQL, again.SQL, "deterministic")

		byYear := req
		byYear.Time = &query.TimeGrain{Dimension: "order_date", Grain: query.ByYear}
		q, err = c.CompilePartShare(byYear, query.PartShare{Metric: "revenue", Filters: []string{"online_orders"}, As: "online_share"})
		require.NoError(t, err)
		require.Contains(t, q.SQL, "IS NOT DISTINCT FROM", "groups join NULL-safe")
		require.Equal(t, "online_share", q.Columns[len(q.Columns)-1].Name)
	}
	c := compiler(t, dialect.DuckDB)
	_, err := c.CompilePartShare(query.Request{Metrics: []string{"aov"}}, query.PartShare{Metric: "aov", Where: query.Eq("channel", "Online")})
	require.True(t, errors.Is(err, query.ErrInexact), "a ratio's part: %v", err)
	_, err = c.CompilePartShare(query.Request{Metrics: []string{"orders"}, Shares: []query.Share{{Metric: "orders"}}}, part)
	require.ErrorContains(t, err, "no other analysis layer")
	_, err = c.CompilePartShare(query.Request{Metrics: []string{"orders"}}, query.PartShare{Metric: "orders"})
	require.ErrorContains(t, err, "needs a Where or a named filter")
}
