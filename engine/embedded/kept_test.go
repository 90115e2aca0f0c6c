package embedded_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// The reps kept by their attainment, and their number, over metrics of two
// tables (whose Having the planner refuses), equal the Go oracle: the reps of
// oracleQuota whose attainment is at least the threshold, by revenue.
func TestKeptRowsAndTheirCountEqualTheOracle(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(0.2, 0.01)
	mustSetup(t, eng, o)
	g := generator(t, o)
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: querytest.Now})
	require.NoError(t, err)
	req := query.Request{Metrics: []string{"total_revenue", "quota", "quota_attainment"}, Dimensions: []string{"rep_id"},
		Dates: &query.DateFilter{Dimension: "order_date", Range: query.Dates(from, to)}}
	for _, threshold := range []string{"0.2", "0.1782", "5"} {
		th := decimal.RequireFromString(threshold)
		var want [][]string // rep, revenue, quota, attainment: by revenue, descending (oracleQuota's order)
		for _, r := range oracleQuota(g, from, to, false, false) {
			if decimal.RequireFromString(r[3]).GreaterThanOrEqual(th) {
				want = append(want, r)
			}
		}
		listed := req
		listed.OrderBy = []query.Order{query.Desc("total_revenue")}
		keep := query.Cmp{Field: "quota_attainment", Op: query.OpGe, Values: []any{threshold}}
		q, err := c.CompileKept(listed, keep)
		require.NoError(t, err)
		require.Equal(t, want, rowsOf(t, q, eng.DB()), threshold)

		q, err = c.CompileCountGroups(req, keep, "reps_at_threshold")
		require.NoError(t, err)
		require.Equal(t, [][]string{{strconv.Itoa(len(want))}}, rowsOf(t, q, eng.DB()), threshold)
	}
	for _, bad := range []struct {
		req  query.Request
		keep query.Cmp
	}{
		{query.Request{Metrics: []string{"total_revenue"}}, query.Cmp{}},                                           // no groups to count
		{req, query.Cmp{Field: "rep_id", Op: query.OpGe, Values: []any{"1"}}},                                      // not a metric
		{req, query.Cmp{Field: "quota_attainment", Op: query.OpLike, Values: []any{"1"}}},                          // not a comparison
		{req, query.Cmp{Field: "quota_attainment", Op: query.OpGe, Values: []any{"1; DROP TABLE x"}}},              // not a number
		{query.Request{Metrics: []string{"total_revenue"}, Dimensions: []string{"region"}, Limit: 3}, query.Cmp{}}, // a limit
	} {
		_, err := c.CompileCountGroups(bad.req, bad.keep, "n")
		require.ErrorIs(t, err, query.ErrInvalidRequest)
	}
}

func rowsOf(t *testing.T, q *query.Query, db query.Querier) [][]string {
	t.Helper()
	res, err := q.Run(context.Background(), db)
	require.NoError(t, err)
	var rows [][]string
	for _, row := range res.Rows {
		var line []string
		for _, v := range row {
			if i, ok := v.(int64); ok {
				v = decimal.NewFromInt(i)
			}
			line = append(line, cellString(v))
		}
		rows = append(rows, line)
	}
	return rows
}
