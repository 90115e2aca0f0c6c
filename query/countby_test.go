package query_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// TestCountGroupsByRefusesWhatItCannotCount: the groups counted per a further
// group must leave something to count, and the further group must be one of
// the request's; with none it is CompileCountGroups. (Its answers are checked
// against SQL over RAW in analyst/offline's TestCountOfGroupsPerGroup.)
func TestCountGroupsByRefusesWhatItCannotCount(t *testing.T) {
	t.Parallel()
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: querytest.Now})
	require.NoError(t, err)
	req := query.Request{Metrics: []string{"order_count"}, Dimensions: []string{"rep_name", "region"}}
	q, err := c.CompileCountGroupsBy(req, query.Cmp{}, "reps", []string{"region"})
	require.NoError(t, err)
	require.Equal(t, []string{"region", "reps"}, []string{q.Columns[0].Name, q.Columns[1].Name})
	require.Contains(t, q.SQL, `GROUP BY "kept"."region" ORDER BY "kept"."region"`)
	whole, err := c.CompileCountGroupsBy(req, query.Cmp{}, "reps", nil)
	require.NoError(t, err)
	same, err := c.CompileCountGroups(req, query.Cmp{}, "reps")
	require.NoError(t, err)
	require.Equal(t, same.SQL, whole.SQL)
	for name, by := range map[string][]string{
		"every group":      {"rep_name", "region"},
		"not a dimension":  {"channel"},
		"an injected name": {`region" ; DROP TABLE x --`},
	} {
		_, err := c.CompileCountGroupsBy(req, query.Cmp{}, "reps", by)
		require.ErrorIs(t, err, query.ErrInvalidRequest, name)
	}
	limited := req
	limited.Limit = 3
	_, err = c.CompileCountGroupsBy(limited, query.Cmp{}, "reps", []string{"region"})
	require.ErrorIs(t, err, query.ErrInvalidRequest)
}
