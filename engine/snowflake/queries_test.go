package snowflake_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// requireGoldenQueriesEqual compiles every golden query (internal/querycases,
// the planner's included: marts, several tables, stored date parts)
// for DuckDB and for Snowflake, runs each on its engine — the Snowflake one
// through the real driver and the loopback server — and requires the same
// column names and kinds and the same values, decimals compared by value.
func requireGoldenQueriesEqual(tb testing.TB, duck, sf *sql.DB) {
	tb.Helper()
	m := semantic.SalesModel()
	now := func() time.Time { return querytest.Now() }
	compilers := map[dialect.Dialect]*query.Compiler{}
	for _, d := range dialect.All() {
		c, err := query.New(m, query.Options{Dialect: d, Now: now})
		require.NoError(tb, err)
		compilers[d] = c
	}
	nonEmpty := 0
	planner := append(querytest.Planner(), querytest.MultiTable()...)
	cases := append(append(querytest.All(), querytest.Layers()...), planner...)
	for _, tc := range cases {
		run := func(d dialect.Dialect, db *sql.DB) ([]string, [][]string) {
			q, err := compilers[d].Compile(tc.Req)
			require.NoError(tb, err, "%s (%s)", tc.Name, d)
			res, err := q.Run(context.Background(), db)
			require.NoError(tb, err, "%s (%s)", tc.Name, d)
			var cols []string
			for _, c := range res.Columns {
				cols = append(cols, fmt.Sprintf("%s:%s", c.Name, c.Kind))
			}
			var rows [][]string
			for _, r := range res.Rows {
				var line []string
				for _, v := range r {
					line = append(line, valueString(v))
				}
				rows = append(rows, line)
			}
			return cols, rows
		}
		dc, dr := run(dialect.DuckDB, duck)
		sc, sr := run(dialect.Snowflake, sf)
		require.Equal(tb, dc, sc, "%s: columns", tc.Name)
		require.Equal(tb, dr, sr, "%s: rows differ between the embedded engine and Snowflake", tc.Name)
		if len(dr) > 0 {
			nonEmpty++
		}
	}
	// At this small scale a HAVING threshold may leave a case empty too, besides
	// the one that is empty by design; the rest must have rows to compare.
	require.GreaterOrEqual(tb, nonEmpty, len(cases)-3, "golden queries with rows")
}

func valueString(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case decimal.Decimal:
		return v.String() // by value: 10.50 and 10.5 alike
	case int64:
		return decimal.NewFromInt(v).String()
	case time.Time:
		return v.UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprintf("%T %v", v, v)
}
