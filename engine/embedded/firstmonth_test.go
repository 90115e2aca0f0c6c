package embedded_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// New customers per month read from SALES_BY_CUSTOMER alone (query's
// firstmonth.go) equal the Go oracle and the join of every order to the
// customers, with rollups on and off — over a warehouse so small that most of
// its customers placed their first order in 2024, so that 2025 has months with
// orders and no new customer (a 0 the customers mart has no row for).
func TestNewCustomersFromTheCustomersMartEqualTheOracle(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	o := options(0.01, 0)
	mustSetup(t, eng, o)
	g := generator(t, o)
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	monthly := func(from, to string) query.Request {
		return query.Request{Metrics: []string{"customers", "new_customers"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month},
			Dates: &query.DateFilter{Dimension: "order_date", Range: query.Dates(d(from), d(to))}}
	}
	zeroMonths := 0
	for _, noRollups := range []bool{false, true} {
		c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: querytest.Now, NoRollups: noRollups})
		require.NoError(t, err)
		for _, r := range [][2]string{{"2025-01-01", "2025-12-31"}, {"2024-01-01", "2025-12-31"}, {"2024-03-01", "2024-05-31"}} {
			want := oracleNewVsReturning(g, d(r[0]), d(r[1]), "")
			var rows [][]string
			for _, w := range want {
				rows = append(rows, w[:3])
				if w[2] == "0" {
					zeroMonths++
				}
			}
			q, err := c.Compile(monthly(r[0], r[1]))
			require.NoError(t, err)
			if !noRollups {
				require.Equal(t, "SALES_BY_MONTH, SALES_BY_CUSTOMER", q.Route.Distinct, "%v", r)
			}
			require.Equal(t, rows, rowsOf(t, q, eng.DB()), "%v (rollups off: %v)", r, noRollups)
			// The whole range in one row: the customers whose first order
			// falls in it.
			total := monthly(r[0], r[1])
			total.Time = nil
			active, news := map[string]bool{}, 0
			for _, ord := range validOrders(g) {
				if !ord.OrderDate.Before(d(r[0])) && !ord.OrderDate.After(d(r[1])) {
					active[strconv.FormatInt(ord.CustomerID, 10)] = true
				}
			}
			for _, w := range want {
				n, _ := strconv.Atoi(w[2])
				news += n
			}
			require.Equal(t, [][]string{{strconv.Itoa(len(active)), strconv.Itoa(news)}}, runRows(t, c, eng.DB(), total), "%v total", r)
		}
		// Part of a month is not whole months: read from the orders, still equal.
		want := oracleNewVsReturning(g, d("2025-01-15"), d("2025-03-31"), "")
		var rows [][]string
		for _, w := range want {
			rows = append(rows, w[:3])
		}
		q, err := c.Compile(monthly("2025-01-15", "2025-03-31"))
		require.NoError(t, err)
		require.NotContains(t, q.Route.Distinct, "SALES_BY_CUSTOMER")
		require.Equal(t, rows, rowsOf(t, q, eng.DB()))
	}
	require.Positive(t, zeroMonths, "no month with orders and no new customer: the test proves less than it says")
}
