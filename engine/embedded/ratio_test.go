package embedded_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// recorder is a Querier that notes the statement it was given.
type recorder struct {
	db   *sql.DB
	stmt string
}

func (r *recorder) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	r.stmt = q
	return r.db.QueryContext(ctx, q, args...)
}

// Run may execute a statement other than Query.SQL: without a ratio of two
// metrics it also returns (AOV beside revenue and orders), which it divides in
// Go, and, over a mart, without the casts that change nothing on DuckDB. Every
// golden query's rows from Run equal those of its SQL run as it is, which
// divides and casts in the engine.
func TestRunDividesRatiosAsItsSQLDoes(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	mustSetup(t, eng, options(0.2, 0.01))
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: func() time.Time { return querytest.Now() }})
	require.NoError(t, err)
	ctx := context.Background()
	divided, lean := 0, 0
	for _, tc := range append(querytest.All(), querytest.Planner()...) {
		q, err := c.Compile(tc.Req)
		require.NoError(t, err, tc.Name)
		rec := &recorder{db: eng.DB()}
		res, err := q.Run(ctx, rec)
		require.NoError(t, err, tc.Name)
		switch {
		case strings.Count(rec.stmt, ` AS "`) < strings.Count(q.SQL, ` AS "`): // a column fewer
			divided++
		case rec.stmt != q.SQL:
			require.True(t, q.Route.Rollup, tc.Name)
			lean++
		}
		var got [][]string
		for _, row := range res.Rows {
			line := make([]string, len(row))
			for i, v := range row {
				line[i] = cellString(v)
			}
			got = append(got, line)
		}
		require.Equal(t, sqlRows(t, eng.DB(), q), got, tc.Name)
	}
	require.GreaterOrEqual(t, divided, 3, "the KPI queries divide their AOV in Go")
	require.GreaterOrEqual(t, lean, 3, "routed queries run without the casts that change nothing")
}

// sqlRows runs a query's SQL itself and renders its cells as cellString does.
func sqlRows(t *testing.T, db *sql.DB, q *query.Query) [][]string {
	rows, err := db.Query(q.SQL, q.Args...)
	require.NoError(t, err)
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(q.Columns))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		require.NoError(t, rows.Scan(ptrs...))
		line := make([]string, len(vals))
		for i, v := range vals {
			switch {
			case v == nil:
				line[i] = "NULL"
			case q.Columns[i].Kind == query.KindDecimal || q.Columns[i].Kind == query.KindInt:
				d, err := scan.ToDecimal(v)
				require.NoError(t, err)
				line[i] = d.String()
			default:
				line[i] = cellString(v)
			}
		}
		out = append(out, line)
	}
	require.NoError(t, rows.Err())
	return out
}
