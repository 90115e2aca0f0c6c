package dashboard_test

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/scan"
)

// rawOrders is every order of RAW with its customer, product and rep, and its net
// amount computed here from quantity, price and discount — not read from STAGING
// or the marts. The default generator writes no dirty rows, so every order counts.
const rawOrders = `WITH o AS (
  SELECT o.ORDER_ID, o.ORDER_DATE, o.CUSTOMER_ID, o.PRODUCT_ID, o.REP_ID, o.CHANNEL, o.QUANTITY,
         c.CUSTOMER_NAME, c.SEGMENT, c.INDUSTRY, UPPER(p.CATEGORY) AS CATEGORY, r.REGION,
         ROUND(o.QUANTITY * o.UNIT_PRICE * (1 - o.DISCOUNT_PCT), 2) AS NET
  FROM RAW.ORDERS o
  JOIN RAW.CUSTOMERS c ON c.CUSTOMER_ID = o.CUSTOMER_ID
  JOIN RAW.PRODUCTS p ON p.PRODUCT_ID = o.PRODUCT_ID
  JOIN RAW.SALES_REPS r ON r.REP_ID = o.REP_ID)
`

// fig is one group of the oracle.
type fig struct {
	revenue                  decimal.Decimal
	orders, units, customers int64
}

// oracle groups RAW orders of f in [from, to] by the SQL expression group ("”"
// for one group) and returns each group's figures by key.
func oracle(tb testing.TB, db *sql.DB, f dashboard.Filter, from, to time.Time, group string) map[string]fig {
	tb.Helper()
	where, args := []string{"ORDER_DATE BETWEEN ? AND ?"}, []any{from, to}
	add := func(col string, vals []string) {
		if len(vals) > 0 {
			where = append(where, col+" IN ('"+strings.Join(vals, "','")+"')") // test values only
		}
	}
	ids := func(col string, vals []int64) {
		if len(vals) > 0 {
			s := make([]string, len(vals))
			for i, v := range vals {
				s[i] = fmt.Sprint(v)
			}
			where = append(where, col+" IN ("+strings.Join(s, ",")+")")
		}
	}
	add("REGION", f.Regions)
	add("CATEGORY", f.Categories)
	add("SEGMENT", f.Segments)
	add("INDUSTRY", f.Industries)
	ids("REP_ID", f.Reps)
	ids("PRODUCT_ID", f.Products)
	ids("CUSTOMER_ID", f.Customers)
	if f.Channel != "" {
		add("CHANNEL", []string{f.Channel})
	}
	rows, err := db.Query(rawOrders+`SELECT CAST(`+group+` AS VARCHAR), SUM(NET), COUNT(*), SUM(QUANTITY), COUNT(DISTINCT CUSTOMER_ID)
FROM o WHERE `+strings.Join(where, " AND ")+` GROUP BY 1`, args...)
	require.NoError(tb, err)
	defer rows.Close()
	out := map[string]fig{}
	for rows.Next() {
		var k string
		var g fig
		require.NoError(tb, rows.Scan(&k, scan.Decimal(&g.revenue), &g.orders, &g.units, &g.customers))
		out[k] = g
	}
	require.NoError(tb, rows.Err())
	return out
}

const monthKey = "strftime(ORDER_DATE, '%Y-%m-%d')"
const monthGroup = "strftime(date_trunc('month', ORDER_DATE), '%Y-%m-%d')"

// oracleFilters are the filters every view is checked with.
func oracleFilters() []dashboard.Filter {
	return []dashboard.Filter{
		{},
		{From: date("2025-01-01"), To: date("2025-12-31")},
		{From: date("2024-03-10"), To: date("2024-07-20"), Regions: []string{"North"}},
		{From: date("2025-01-01"), To: date("2025-06-30"), Categories: []string{"ELECTRONICS", "SPORTS"}, Segments: []string{"Enterprise"}},
		{From: date("2024-11-15"), To: date("2025-02-10"), Channel: "Online", Reps: []int64{3, 17}},
		{From: date("2025-10-01"), To: date("2026-03-31"), Industries: []string{"Finance"}}, // runs past the data
	}
}

// previousPeriod is the oracle's previous period of [from, to]: for a range of
// whole calendar months (from a 1st to a month's last day) as many whole months
// just before it, counted on the calendar; else as many days just before it.
func previousPeriod(from, to time.Time) (time.Time, time.Time) {
	n := int(to.Sub(from).Hours()/24) + 1
	if from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1 {
		months := 0
		for m := from; m.Before(to); m = m.AddDate(0, 1, 0) {
			months++
		}
		start := time.Date(from.Year(), from.Month()-time.Month(months), 1, 0, 0, 0, 0, time.UTC)
		return start, from.AddDate(0, 0, -1)
	}
	return from.AddDate(0, 0, -n), from.AddDate(0, 0, -1)
}

func resolve(f dashboard.Filter) (time.Time, time.Time) {
	from, to := f.From, f.To
	if from.IsZero() {
		from = date("2024-01-01")
	}
	if to.IsZero() {
		to = date("2025-12-31")
	}
	return from, to
}

func TestExecutiveEqualsRAW(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	for _, f := range oracleFilters() {
		t.Run(f.String(), func(t *testing.T) {
			v, err := d.Executive(context.Background(), f, dashboard.ExecutiveOptions{})
			require.NoError(t, err)
			from, to := resolve(f)
			all := oracle(t, db, f, from, to, "''")[""]
			require.True(t, all.revenue.Equal(v.Totals.Revenue), "revenue %s, RAW %s", v.Totals.Revenue, all.revenue)
			require.Equal(t, all.orders, v.Totals.Orders)
			require.Equal(t, all.units, v.Totals.Units)
			require.Equal(t, all.customers, v.Totals.Customers)
			require.True(t, all.revenue.DivRound(decimal.NewFromInt(all.orders), 2).Equal(v.Totals.AOV.Decimal))
			require.Equal(t, to.After(date("2025-12-31")), v.Period.Partial)

			// the previous period: as many whole calendar months before a range
			// of whole months (the previous year of a year), else as many days
			pf, pt := previousPeriod(from, to)
			require.NotNil(t, v.Comparison)
			require.Equal(t, pf, v.Comparison.From)
			require.Equal(t, pt, v.Comparison.To)
			if pt.Before(date("2024-01-01")) {
				require.Nil(t, v.Base)
				require.False(t, v.KPIs[0].Change.Comparable(), "no data before the comparison: no comparison, not 0%")
				require.False(t, v.KPIs[0].Change.Pct.Valid)
			} else {
				base := oracle(t, db, f, pf, pt, "''")[""]
				require.NotNil(t, v.Base)
				require.True(t, base.revenue.Equal(v.Base.Revenue))
				require.True(t, v.KPIs[0].Change.Delta.Decimal.Equal(all.revenue.Sub(base.revenue)))
				require.True(t, v.KPIs[0].Change.Pct.Decimal.Equal(all.revenue.Sub(base.revenue).DivRound(base.revenue, 4)))
			}

			months := oracle(t, db, f, from, to, monthGroup)
			require.Len(t, v.Trend, len(months))
			for _, m := range v.Trend {
				require.True(t, months[m.Month.Format(time.DateOnly)].revenue.Equal(m.Revenue), "month %s", m.Month)
			}
			regions := oracle(t, db, f, from, to, "REGION")
			require.Len(t, v.Regions, len(regions))
			sum := decimal.Zero
			for _, r := range v.Regions {
				require.True(t, regions[r.Key].revenue.Equal(r.Revenue), "region %s", r.Key)
				require.Equal(t, []string{r.Key}, r.Drill.Regions)
				sum = sum.Add(r.Revenue)
			}
			require.True(t, sum.Equal(all.revenue), "regions sum to the whole")

			end := to
			if end.After(date("2025-12-31")) {
				end = date("2025-12-31")
			}
			ytd := oracle(t, db, f, time.Date(end.Year(), 1, 1, 0, 0, 0, 0, time.UTC), end, "''")[""]
			require.Equal(t, dashboard.YearToDate, v.ToDate[2].Kind)
			require.True(t, ytd.revenue.Equal(v.ToDate[2].Revenue), "YTD %s, RAW %s", v.ToDate[2].Revenue, ytd.revenue)
			require.Equal(t, ytd.orders, v.ToDate[2].Orders, "YTD orders")
			// against the same days a year earlier (the KPIs' own comparison
			// when the range is the calendar year: the view reads it once)
			ago := oracle(t, db, f, time.Date(end.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC), end.AddDate(-1, 0, 0), "''")[""]
			if y := v.ToDate[2]; !y.YearAgo.Missing {
				require.True(t, ago.revenue.Equal(y.RevenueChange.Base.Decimal), "YTD base %s, RAW %s", y.RevenueChange.Base.Decimal, ago.revenue)
				require.True(t, ytd.revenue.Sub(ago.revenue).Equal(y.RevenueChange.Delta.Decimal))
				require.Equal(t, ytd.orders-ago.orders, y.OrdersChange.Delta.Decimal.IntPart())
			}
		})
	}
}

// TestExecutiveRevenueEqualsFacts: the executive revenue is FCT_ORDERS' revenue
// for the same range.
func TestExecutiveRevenueEqualsFacts(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	for _, f := range oracleFilters()[:3] {
		v, err := d.Executive(context.Background(), f, dashboard.ExecutiveOptions{})
		require.NoError(t, err)
		from, to := resolve(f)
		q := `SELECT SUM(NET_AMOUNT) FROM MARTS.FCT_ORDERS WHERE ORDER_DATE BETWEEN ? AND ?`
		args := []any{from, to}
		if len(f.Regions) == 1 {
			q += ` AND REGION = ?`
			args = append(args, f.Regions[0])
		}
		require.True(t, money(t, db, q, args...).Equal(v.Totals.Revenue))
	}
}

func TestRegionalEqualsRAW(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	for _, f := range oracleFilters() {
		t.Run(f.String(), func(t *testing.T) {
			v, err := d.Regional(context.Background(), f, dashboard.RegionalOptions{Region: "West", TopN: 5})
			if len(f.Regions) == 1 {
				v, err = d.Regional(context.Background(), f, dashboard.RegionalOptions{TopN: 5})
			}
			require.NoError(t, err)
			from, to := resolve(f)
			regions := oracle(t, db, f, from, to, "REGION")
			require.Len(t, v.Regions, len(regions))
			for _, r := range v.Regions {
				o := regions[r.Region]
				require.True(t, o.revenue.Equal(r.Revenue))
				require.Equal(t, o.orders, r.Orders)
				require.Equal(t, o.customers, r.Customers)
			}
			trend := oracle(t, db, f, from, to, "REGION || ' ' || "+monthGroup)
			require.Len(t, v.Trend, len(trend))
			for _, r := range v.Trend {
				o := trend[r.Region+" "+r.Month.Month.Format(time.DateOnly)]
				require.True(t, o.revenue.Equal(r.Month.Revenue))
				require.Equal(t, o.customers, r.Customers)
			}
			require.NotNil(t, v.Detail)
			rf := f
			rf.Regions = []string{v.Detail.Region}
			reps := oracle(t, db, rf, from, to, "REP_ID")
			checkShares(t, v.Detail.Reps, reps, 5)
			cats := oracle(t, db, rf, from, to, "CATEGORY")
			checkShares(t, v.Detail.Categories, cats, 5)
		})
	}
}

// checkShares checks a top-n list against oracle groups: the top n by revenue
// (ties by key), then an Other row holding the rest, summing to the whole.
func checkShares(tb testing.TB, got []dashboard.Share, want map[string]fig, n int) {
	tb.Helper()
	keys := make([]string, 0, len(want))
	all := decimal.Zero
	for k, f := range want {
		keys = append(keys, k)
		all = all.Add(f.revenue)
	}
	sort.Slice(keys, func(i, j int) bool {
		if c := want[keys[i]].revenue.Cmp(want[keys[j]].revenue); c != 0 {
			return c > 0
		}
		return keys[i] < keys[j]
	})
	// An Other row holds four parts or more: a remainder of three or fewer
	// is listed.
	listed := n
	if len(keys) < n+4 {
		listed = len(keys)
	}
	sum := decimal.Zero
	for i, s := range got {
		sum = sum.Add(s.Revenue)
		if s.Other {
			require.Equal(tb, len(keys)-n, s.Count)
			require.GreaterOrEqual(tb, s.Count, 4, "an Other row of fewer than four parts")
			continue
		}
		require.Less(tb, i, listed)
		require.True(tb, want[s.Key].revenue.Equal(s.Revenue), "%s: %s, RAW %s", s.Key, s.Revenue, want[s.Key].revenue)
		require.True(tb, want[keys[i]].revenue.Equal(s.Revenue), "rank %d", i+1)
		require.True(tb, s.Share.Decimal.Equal(s.Revenue.DivRound(all, 4)))
	}
	require.Len(tb, got, min(listed+1, len(keys)), "the listed rows and an Other row for four or more")
	require.True(tb, sum.Equal(all), "parts sum to the whole: %s of %s", sum, all)
}
