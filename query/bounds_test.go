package query_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// TestHostileNumbersAreRefused: a bound number with more decimal places than a
// DECIMAL(38, s) cast can hold, a float where an exact value is due, and a
// rank cut beyond int32 are refused with an error naming the problem, before
// any SQL exists.
func TestHostileNumbersAreRefused(t *testing.T) {
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB})
	require.NoError(t, err)
	byRegion := query.Request{Metrics: []string{"total_revenue"}, Dimensions: []string{"region"}}
	for _, tc := range []struct {
		name string
		run  func() error
		want string
	}{
		{"where scale", func() error {
			_, err := c.Compile(query.Request{Metrics: []string{"total_revenue"}, Where: query.Ge("net_amount", "1e-50")})
			return err
		}, "decimal places"},
		{"kept scale", func() error {
			_, err := c.CompileKept(byRegion, query.Cmp{Field: "revenue", Op: query.OpGe, Values: []any{"0.0000000000000000000001"}})
			return err
		}, "decimal places"},
		{"kept float", func() error {
			_, err := c.CompileKept(byRegion, query.Cmp{Field: "revenue", Op: query.OpGe, Values: []any{1.5}})
			return err
		}, "not exact"},
		{"rank top", func() error {
			_, err := c.Compile(query.Request{Metrics: []string{"total_revenue"}, Dimensions: []string{"region"},
				Rank: &query.Rank{By: "total_revenue", Top: 1, Other: true, MinOther: math.MaxInt32 + 1}})
			return err
		}, "at most"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
		})
	}
}
