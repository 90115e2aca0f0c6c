package querytest_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// TestCasesAreDistinctAndValid: every case has its own name (its golden file's)
// and plans against the sales model on both dialects, so a case that no longer
// means anything fails here and not as a missing golden.
func TestCasesAreDistinctAndValid(t *testing.T) {
	seen := map[string]bool{}
	for _, set := range [][]querytest.Case{querytest.All(), querytest.Layers(), querytest.MultiTable(), querytest.Planner()} {
		for _, c := range set {
			seen[c.Name] = true
		}
	}
	require.Greater(t, len(seen), 20, "cases")
	for _, d := range []dialect.Dialect{dialect.DuckDB, dialect.Snowflake} {
		comp, err := query.New(semantic.SalesModel(), query.Options{Dialect: d, Now: querytest.Now})
		require.NoError(t, err)
		for _, set := range [][]querytest.Case{querytest.All(), querytest.Layers(), querytest.MultiTable(), querytest.Planner()} {
			names := map[string]bool{}
			for _, c := range set {
				require.False(t, names[c.Name], "%s named twice", c.Name)
				names[c.Name] = true
				_, err := comp.Compile(c.Req)
				require.NoError(t, err, "%s on %s", c.Name, d)
			}
		}
	}
}

// TestRequestsAreNewValues: a caller changing a request it was given does not
// change the next caller's.
func TestRequestsAreNewValues(t *testing.T) {
	a := querytest.RegionKPIs2025()
	a.Metrics[0] = "changed"
	require.Equal(t, "revenue", querytest.RegionKPIs2025().Metrics[0])
}
