package embedded_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Every golden query gives the same rows with aggregate awareness on (answered
// from a pre-aggregated mart where one covers it) and off (FCT_ORDERS): the
// marts' grains and measures are declared truthfully and the planner only
// re-aggregates what adds up.
func TestGoldenQueriesEqualWithAndWithoutRollups(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	mustSetup(t, eng, options(0.2, 0.01))
	now := func() time.Time { return querytest.Now() }
	on, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: now})
	require.NoError(t, err)
	off, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: now, NoRollups: true})
	require.NoError(t, err)
	run := func(c *query.Compiler, req query.Request) (query.Route, [][]string) {
		q, err := c.Compile(req)
		require.NoError(t, err)
		return q.Route, rowsOf(t, q, eng.DB())
	}
	routed := map[string]bool{}
	cases := append(append(querytest.All(), querytest.Planner()...), querytest.Layers()...)
	for _, tc := range cases { // the analysis layers too: their aggregate is routed
		route, got := run(on, tc.Req)
		base, want := run(off, tc.Req)
		require.False(t, base.Rollup, tc.Name)
		require.Equal(t, want, got, "%s: answered by %s", tc.Name, route.Table)
		if route.Rollup {
			routed[route.Table] = true
		}
	}
	require.Len(t, routed, len(warehouse.Rollups()), "every mart answers some golden query: %v", routed)
}
