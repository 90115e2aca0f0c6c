package dashboard_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/scan"
)

// drillMonth is one month of the drill oracle.
type drillMonth struct {
	month          string
	revenue        decimal.Decimal
	orders, units  int64
	base           decimal.NullDecimal // the month before's revenue; null for the first
	zeroWithOrders bool
}

// oracleDrillMonths is every month of [from, to] that holds data (from RAW's
// first to its last order date) with the revenue, orders and units of RAW's
// orders matching where (SQL after AND) — zero for a month without them —
// and the month before's revenue, all in SQL: a spine of months left-joined
// to the orders and LAG over it.
func oracleDrillMonths(tb testing.TB, db *sql.DB, where string, from, to time.Time) []drillMonth {
	tb.Helper()
	rows, err := db.Query(rawOrders+`, b AS (SELECT GREATEST(CAST(? AS DATE), MIN(ORDER_DATE)) AS F, LEAST(CAST(? AS DATE), MAX(ORDER_DATE)) AS L FROM o),
s AS (SELECT CAST(m AS DATE) AS M FROM b, range(CAST(date_trunc('month', b.F) AS TIMESTAMP), CAST(b.L AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 1 MONTH) AS t(m)),
g AS (SELECT CAST(date_trunc('month', ORDER_DATE) AS DATE) AS M, SUM(NET) AS R, COUNT(*) AS N, SUM(QUANTITY) AS U
      FROM o WHERE ORDER_DATE BETWEEN ? AND ? `+where+` GROUP BY 1),
j AS (SELECT s.M, COALESCE(g.R, 0) AS R, COALESCE(g.N, 0) AS N, COALESCE(g.U, 0) AS U FROM s LEFT JOIN g ON g.M = s.M)
SELECT strftime(M, '%Y-%m-%d'), R, N, U, LAG(R) OVER (ORDER BY M) FROM j ORDER BY M`, from, to, from, to)
	require.NoError(tb, err)
	defer rows.Close()
	var out []drillMonth
	for rows.Next() {
		var m drillMonth
		require.NoError(tb, rows.Scan(&m.month, scan.Decimal(&m.revenue), &m.orders, &m.units, scan.NullDecimal(&m.base)))
		out = append(out, m)
	}
	require.NoError(tb, rows.Err())
	return out
}

// checkDrillMonths holds a drill's months to the oracle's: the same months
// in order, the same figures, and the change on the month before (Δ% to 4
// places, none from a month of nothing). It returns how many months without
// orders it checked.
func checkDrillMonths(tb testing.TB, got []dashboard.DrillMonth, want []drillMonth) int {
	tb.Helper()
	require.Len(tb, got, len(want))
	empty := 0
	for i, m := range got {
		w := want[i]
		require.Equal(tb, w.month, m.Month.Format(time.DateOnly))
		require.True(tb, w.revenue.Equal(m.Revenue), "%s: %s, RAW %s", w.month, m.Revenue, w.revenue)
		require.Equal(tb, w.orders, m.Orders, w.month)
		require.Equal(tb, w.units, m.Units, w.month)
		if w.orders == 0 {
			empty++
		}
		if !w.base.Valid {
			require.False(tb, m.Change.Delta.Valid, "the first month has no change")
			continue
		}
		require.True(tb, w.base.Decimal.Equal(m.Change.Base.Decimal), w.month)
		delta := w.revenue.Sub(w.base.Decimal)
		require.True(tb, delta.Equal(m.Change.Delta.Decimal), w.month)
		if w.base.Decimal.IsZero() {
			require.False(tb, m.Change.Pct.Valid, "%s: no percentage from a month of nothing", w.month)
		} else {
			require.True(tb, delta.DivRound(w.base.Decimal, 4).Equal(m.Change.Pct.Decimal), w.month)
		}
	}
	return empty
}

// The product drill: every month of the range with data, each product's
// figures from RAW, zero for a month without orders (some case has one).
func TestProductDrillEqualsRAW(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	empty := 0
	for _, f := range oracleFilters() {
		for _, id := range []int64{4, 249} {
			pf := f.WithProduct(id)
			t.Run(fmt.Sprint(pf), func(t *testing.T) {
				v, err := d.Product(context.Background(), pf, dashboard.ProductOptions{})
				require.NoError(t, err)
				require.NotNil(t, v.Detail)
				from, to := resolve(f)
				where := filterSQL(dashboard.Filter{Regions: f.Regions, Segments: f.Segments, Industries: f.Industries, Channel: f.Channel, Reps: f.Reps}) +
					fmt.Sprintf(" AND PRODUCT_ID = %d", id) // the product fixes its category
				want := oracleDrillMonths(t, db, where, from, to)
				empty += checkDrillMonths(t, v.Detail.Months, want)
				total := decimal.Zero
				for _, m := range want {
					total = total.Add(m.revenue)
				}
				require.True(t, total.Equal(v.Detail.Revenue))
			})
		}
	}
	require.Positive(t, empty, "no case had a month without orders")
}

// The customer drill: its months as the product drill's, and its newest
// orders from RAW (newest first, ties by order id descending, as many as
// asked for) with how many there are.
func TestCustomerDrillEqualsRAW(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	// the customer with the most orders, and one with few
	var busy, quiet int64
	require.NoError(t, db.QueryRow(`SELECT CUSTOMER_ID FROM RAW.ORDERS GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1`).Scan(&busy))
	require.NoError(t, db.QueryRow(`SELECT CUSTOMER_ID FROM RAW.ORDERS GROUP BY 1 HAVING COUNT(*) BETWEEN 3 AND 6 ORDER BY 1 LIMIT 1`).Scan(&quiet))
	empty, capped := 0, 0
	const limit = 8
	for _, f := range oracleFilters() {
		for _, id := range []int64{busy, quiet} {
			cf := f.WithCustomer(id)
			t.Run(fmt.Sprint(cf), func(t *testing.T) {
				v, err := d.Customers(context.Background(), cf, dashboard.CustomersOptions{Orders: limit})
				require.NoError(t, err)
				require.NotNil(t, v.Detail)
				det := v.Detail
				var name string
				require.NoError(t, db.QueryRow(`SELECT CUSTOMER_NAME FROM RAW.CUSTOMERS WHERE CUSTOMER_ID = ?`, id).Scan(&name))
				require.Equal(t, name, det.Name)
				from, to := resolve(f)
				where := filterSQL(f) + fmt.Sprintf(" AND CUSTOMER_ID = %d", id)
				empty += checkDrillMonths(t, det.Months, oracleDrillMonths(t, db, where, from, to))

				var n int64
				require.NoError(t, db.QueryRow(rawOrders+`SELECT COUNT(*) FROM o WHERE ORDER_DATE BETWEEN ? AND ? `+where, from, to).Scan(&n))
				require.Equal(t, n, det.OrderCount)
				rows, err := db.Query(rawOrders+`SELECT ORDER_ID, strftime(ORDER_DATE, '%Y-%m-%d'), PRODUCT_ID, QUANTITY, NET, REGION, CHANNEL
FROM o WHERE ORDER_DATE BETWEEN ? AND ? `+where+` ORDER BY ORDER_DATE DESC, ORDER_ID DESC LIMIT ?`, from, to, limit)
				require.NoError(t, err)
				defer rows.Close()
				i := 0
				for ; rows.Next(); i++ {
					var oid, pid, units int64
					var day, region, channel string
					var net decimal.Decimal
					require.NoError(t, rows.Scan(&oid, &day, &pid, &units, scan.Decimal(&net), &region, &channel))
					require.Less(t, i, len(det.Orders))
					o := det.Orders[i]
					require.Equal(t, []any{oid, day, pid, units, region, channel}, []any{o.ID, o.Date.Format(time.DateOnly), o.Product.ID, o.Units, o.Region, o.Channel})
					require.True(t, net.Equal(o.Revenue), "order %d", oid)
				}
				require.NoError(t, rows.Err())
				require.Len(t, det.Orders, i)
				require.Len(t, det.Orders, int(min(n, limit)))
				if n > limit {
					capped++
				}
			})
		}
	}
	require.Positive(t, empty, "no case had a month without orders")
	require.Positive(t, capped, "no case had more orders than listed")
	for _, bad := range []int{-1, dashboard.MaxCustomerOrders + 1} {
		_, err := d.Customers(context.Background(), dashboard.Filter{Customers: []int64{busy}}, dashboard.CustomersOptions{Orders: bad})
		require.ErrorIs(t, err, dashboard.ErrInvalidFilter)
		require.ErrorContains(t, err, "list 1 to 50")
	}
}
