package embedded_test

import (
	"sort"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// regionFigures is the Go oracle of revenue, orders, distinct customers and
// AOV by the reps' region over [from, to] (all regions as one when whole), from
// the generator's valid orders, ordered by revenue descending.
func regionFigures(g *datagen.Generator, from, to time.Time, whole bool) [][]string {
	rev, orders, customers := map[string]datagen.Cents{}, map[string]int64{}, map[string]map[int64]bool{}
	for _, o := range validOrders(g) {
		if o.OrderDate.Before(from) || o.OrderDate.After(to) {
			continue
		}
		k := ""
		if !whole {
			k = g.Reps()[o.RepID-1].Region
		}
		rev[k] += o.NetAmount()
		orders[k]++
		if customers[k] == nil {
			customers[k] = map[int64]bool{}
		}
		customers[k][o.CustomerID] = true
	}
	keys := make([]string, 0, len(rev))
	for k := range rev {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return rev[keys[i]] > rev[keys[j]] })
	var out [][]string
	for _, k := range keys {
		aov := rev[k].Decimal().DivRound(decimal.NewFromInt(orders[k]), 2)
		row := []string{rev[k].Decimal().String(), decimal.NewFromInt(orders[k]).String(), decimal.NewFromInt(int64(len(customers[k]))).String(), aov.String()}
		if !whole {
			row = append([]string{k}, row...)
		}
		out = append(out, row)
	}
	return out
}

// A request with a distinct count beside sums is computed in two parts (the
// sums from a mart, the distinct count from FCT_ORDERS, joined on the groups)
// and equals the Go oracle: by region and in total, ordered, with the AOV Run
// divides in Go, with rollups on and off; and its comparison's base equals the
// oracle of the half year before. (Over a whole year the year marts answer it
// whole: they store each year's distinct customers.)
func TestDistinctCountsApartEqualTheOracle(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(0.2, 0.01)
	mustSetup(t, eng, o)
	g := generator(t, o)
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	y25, y25end, y24, y24end := d("2025-01-01"), d("2025-06-30"), d("2024-07-01"), d("2024-12-31")
	metrics := []string{"revenue", "orders", "customers", "aov"}
	half := query.Dates(y25, y25end)
	byRegion := query.Request{Metrics: metrics, Dimensions: []string{"region"}, Dates: &query.DateFilter{Range: half},
		OrderBy: []query.Order{query.Desc("revenue")}}
	total := query.Request{Metrics: metrics, Dates: &query.DateFilter{Range: half}}
	compared := byRegion
	compared.Compare = &query.Compare{To: query.ComparePrevious, Metrics: []string{"revenue", "customers"}}
	for _, noRollups := range []bool{false, true} {
		c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: func() time.Time { return querytest.Now() }, NoRollups: noRollups})
		require.NoError(t, err)
		q, err := c.Compile(byRegion)
		require.NoError(t, err)
		require.Equal(t, "FCT_ORDERS", q.Route.Distinct, "the distinct count is computed apart")
		require.Equal(t, regionFigures(g, y25, y25end, false), runRows(t, c, eng.DB(), byRegion), "rollups off: %v", noRollups)
		require.Equal(t, regionFigures(g, y25, y25end, true), runRows(t, c, eng.DB(), total), "rollups off: %v", noRollups)

		cur, prev := regionFigures(g, y25, y25end, false), regionFigures(g, y24, y24end, false)
		base := map[string][]string{}
		for _, r := range prev {
			base[r[0]] = r
		}
		got := runRows(t, c, eng.DB(), compared)
		require.Len(t, got, len(cur))
		for i, r := range got {
			// region, revenue, its base, delta, pct, orders, customers, its base, delta, pct, aov, partial flags
			require.Equal(t, cur[i][0], r[0])
			require.Equal(t, []string{cur[i][1], base[r[0]][1]}, []string{r[1], r[2]}, "revenue of %s", r[0])
			require.Equal(t, cur[i][2], r[5], "orders of %s", r[0])
			require.Equal(t, []string{cur[i][3], base[r[0]][3]}, []string{r[6], r[7]}, "customers of %s", r[0])
			require.Equal(t, cur[i][4], r[10], "aov of %s", r[0])
		}
	}
}
