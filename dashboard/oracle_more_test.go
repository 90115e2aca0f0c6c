package dashboard_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/scan"
)

func TestProductEqualsRAW(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	for _, f := range oracleFilters() {
		t.Run(f.String(), func(t *testing.T) {
			v, err := d.Product(context.Background(), f, dashboard.ProductOptions{TopN: 7, Product: 4})
			require.NoError(t, err)
			from, to := resolve(f)
			cats := oracle(t, db, f, from, to, "CATEGORY")
			require.Len(t, v.Categories, len(cats))
			for _, c := range v.Categories {
				require.True(t, cats[c.Category].revenue.Equal(c.Revenue))
				require.Equal(t, cats[c.Category].units, c.Units)
			}
			prods := oracle(t, db, f, from, to, "PRODUCT_ID")
			checkShares(t, v.Top, prods, 7)
			// bottom: the 7 lowest, lowest first
			keys := make([]string, 0, len(prods))
			for k := range prods {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(i, j int) bool {
				if c := prods[keys[i]].revenue.Cmp(prods[keys[j]].revenue); c != 0 {
					return c < 0
				}
				return len(keys[i]) < len(keys[j]) || len(keys[i]) == len(keys[j]) && keys[i] < keys[j]
			})
			// No Other row in a bottom list: it would be nearly the whole.
			require.Len(t, v.Bottom, min(7, len(keys)))
			for i, s := range v.Bottom {
				require.False(t, s.Other)
				require.Equal(t, keys[i], s.Key)
				require.True(t, prods[s.Key].revenue.Equal(s.Revenue))
				require.Equal(t, len(keys)-i, s.Rank, "counted down from the products with sales")
			}

			// product 4's months and rank within its category (unfiltered by product)
			require.NotNil(t, v.Detail)
			pf := f
			pf.Products, pf.Categories = []int64{4}, nil
			pf.Products = nil
			checkDrillMonths(t, v.Detail.Months, oracleDrillMonths(t, db, filterSQL(pf)+" AND PRODUCT_ID = 4", from, to))
			cf := f
			cf.Products, cf.Categories = nil, []string{v.Detail.Product.Category}
			peers := oracle(t, db, cf, from, to, "PRODUCT_ID")
			mine := peers["4"].revenue
			rank := 1
			for _, p := range peers {
				if p.revenue.GreaterThan(mine) {
					rank++
				}
			}
			if _, ok := peers["4"]; ok {
				require.Equal(t, rank, v.Detail.Rank)
			}
			require.Equal(t, len(peers), v.Detail.RankOf)
		})
	}
}

func total(m map[string]fig) decimal.Decimal {
	s := decimal.Zero
	for _, f := range m {
		s = s.Add(f.revenue)
	}
	return s
}

func TestRepsEqualsRAW(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	for _, f := range oracleFilters() {
		t.Run(f.String(), func(t *testing.T) {
			v, err := d.Reps(context.Background(), f, dashboard.RepsOptions{Rep: 3})
			if len(f.Reps) > 0 {
				v, err = d.Reps(context.Background(), f, dashboard.RepsOptions{Rep: f.Reps[0]})
			}
			require.NoError(t, err)
			from, to := resolve(f)
			reps := oracle(t, db, f, from, to, "REP_ID")
			require.Len(t, v.Leaderboard, len(reps))
			prev := decimal.Decimal{}
			for i, r := range v.Leaderboard {
				o := reps[fmt.Sprint(r.Rep.ID)]
				require.Equal(t, i+1, r.Rank)
				require.True(t, o.revenue.Equal(r.Revenue))
				require.Equal(t, o.orders, r.Orders)
				require.Equal(t, o.customers, r.Customers)
				if i > 0 {
					require.True(t, r.Revenue.LessThanOrEqual(prev))
				}
				prev = r.Revenue
				var name string
				require.NoError(t, db.QueryRow(`SELECT REP_NAME FROM RAW.SALES_REPS WHERE REP_ID = ?`, r.Rep.ID).Scan(&name))
				require.Equal(t, name, r.Rep.Name)
			}
			require.NotNil(t, v.Detail)
			rf := f
			rf.Reps = []int64{v.Detail.Rep.ID}
			months := oracle(t, db, rf, from, to, monthGroup)
			require.Len(t, v.Detail.Months, len(months))
			var annual decimal.Decimal
			require.NoError(t, db.QueryRow(`SELECT ANNUAL_QUOTA FROM RAW.SALES_REPS WHERE REP_ID = ?`, v.Detail.Rep.ID).Scan(scan.Decimal(&annual)))
			for _, m := range v.Detail.Months {
				o := months[m.Month.Month.Format(time.DateOnly)]
				require.True(t, o.revenue.Equal(m.Month.Revenue))
				require.Equal(t, o.customers, m.Customers)
				if !m.Month.Partial {
					monthly := annual.DivRound(decimal.NewFromInt(12), 2)
					require.True(t, monthly.Equal(m.Quota), "a whole month's quota is a twelfth of the annual: %s vs %s", m.Quota, monthly)
					require.True(t, o.revenue.DivRound(monthly, 4).Equal(m.Attainment.Decimal))
				}
			}
		})
	}
}

func TestCustomersEqualsRAW(t *testing.T) {
	t.Parallel()
	db := shared(t).DB()
	d := newDash(t, db, dashboard.Options{})
	for _, f := range oracleFilters() {
		t.Run(f.String(), func(t *testing.T) {
			v, err := d.Customers(context.Background(), f, dashboard.CustomersOptions{TopN: 8})
			require.NoError(t, err)
			from, to := resolve(f)
			for _, g := range []struct {
				rows []dashboard.GroupRow
				col  string
			}{{v.Segments, "SEGMENT"}, {v.Industries, "INDUSTRY"}} {
				want := oracle(t, db, f, from, to, g.col)
				var base map[string]fig
				if c := v.Comparison; c != nil && !c.Missing {
					base = oracle(t, db, f, c.From, c.To, g.col)
				}
				require.Len(t, g.rows, len(want))
				for _, r := range g.rows {
					require.True(t, want[r.Key].revenue.Equal(r.Revenue))
					require.Equal(t, want[r.Key].customers, r.Customers)
					require.True(t, r.Revenue.DivRound(decimal.NewFromInt(r.Customers), 2).Equal(r.RevenuePerCustomer.Decimal))
					if base == nil {
						require.False(t, r.Growth.Comparable(), "no comparison period, no growth")
						continue
					}
					b := base[r.Key].revenue
					require.True(t, b.Equal(r.Growth.Base.Decimal), "%s %s: base %s, oracle %s", g.col, r.Key, r.Growth.Base.Decimal, b)
					require.True(t, r.Revenue.Sub(b).Equal(r.Growth.Delta.Decimal))
					if b.IsZero() {
						require.False(t, r.Growth.Pct.Valid, "a zero base has no percentage")
					} else {
						require.True(t, r.Revenue.Sub(b).DivRound(b, 4).Equal(r.Growth.Pct.Decimal))
					}
				}
			}
			custs := oracle(t, db, f, from, to, "CUSTOMER_ID")
			top := make([]dashboard.Share, len(v.Top))
			for i, c := range v.Top {
				top[i] = c.Share
			}
			checkShares(t, top, custs, 8)
			life := oracle(t, db, dashboard.Filter{}, date("2024-01-01"), date("2025-12-31"), "CUSTOMER_ID")
			for _, c := range v.Top {
				if c.Other {
					continue
				}
				require.Equal(t, custs[c.Key].orders, c.Orders, "orders of %s in the period", c.Key)
				require.True(t, life[c.Key].revenue.Equal(c.Lifetime.Revenue), "lifetime of %s", c.Key)
				require.Equal(t, life[c.Key].orders, c.Lifetime.Orders)
			}
			// new vs returning: first orders ever, from RAW
			rows, err := db.Query(rawOrders+`, firsts AS (SELECT CUSTOMER_ID, date_trunc('month', MIN(ORDER_DATE)) AS FM FROM o GROUP BY 1)
SELECT strftime(date_trunc('month', ORDER_DATE), '%Y-%m-%d'), COUNT(DISTINCT o.CUSTOMER_ID),
       COUNT(DISTINCT CASE WHEN firsts.FM = date_trunc('month', ORDER_DATE) THEN o.CUSTOMER_ID END)
FROM o JOIN firsts ON firsts.CUSTOMER_ID = o.CUSTOMER_ID
WHERE ORDER_DATE BETWEEN ? AND ? `+filterSQL(f)+` GROUP BY 1`, from, to)
			require.NoError(t, err)
			want := map[string][2]int64{}
			for rows.Next() {
				var k string
				var a, n int64
				require.NoError(t, rows.Scan(&k, &a, &n))
				want[k] = [2]int64{a, n}
			}
			require.NoError(t, rows.Err())
			rows.Close()
			require.Len(t, v.NewVsReturning, len(want))
			for _, m := range v.NewVsReturning {
				w := want[m.Month.Format(time.DateOnly)]
				require.Equal(t, w[0], m.Active, "active in %s", m.Month)
				require.Equal(t, w[1], m.New, "new in %s", m.Month)
				require.Equal(t, w[0]-w[1], m.Returning)
			}
		})
	}
}

// filterSQL renders f's non-date conditions over the rawOrders CTE (test values only).
func filterSQL(f dashboard.Filter) string {
	s := ""
	in := func(col string, vals []string) {
		for i, v := range vals {
			if i == 0 {
				s += " AND " + col + " IN ("
			} else {
				s += ","
			}
			s += "'" + v + "'"
			if i == len(vals)-1 {
				s += ")"
			}
		}
	}
	in("REGION", f.Regions)
	in("CATEGORY", f.Categories)
	in("SEGMENT", f.Segments)
	in("INDUSTRY", f.Industries)
	if f.Channel != "" {
		in("CHANNEL", []string{f.Channel})
	}
	for i, id := range f.Reps {
		if i == 0 {
			s += " AND REP_ID IN ("
		} else {
			s += ","
		}
		s += fmt.Sprint(id)
		if i == len(f.Reps)-1 {
			s += ")"
		}
	}
	return s
}
