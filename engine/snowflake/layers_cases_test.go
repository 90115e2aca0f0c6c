package snowflake_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

func layerCases() []layerCase {
	y2025 := &query.DateFilter{Range: query.Year(2025)}
	dataDays := query.Dates(date("2024-01-01"), date("2025-12-31")) // the first and last day of the test data
	return []layerCase{
		{name: "compare previous year by region", req: query.Request{
			Metrics: []string{"revenue", "orders", "aov"}, Dimensions: []string{"region"}, Dates: y2025,
			Compare: &query.Compare{To: query.ComparePrevious, Metrics: []string{"revenue", "orders"}},
		}, oracle: `
cur AS (SELECT REGION, SUM(NET) AS rev, COUNT(*) AS n FROM o WHERE ORDER_DATE BETWEEN DATE '2025-01-01' AND DATE '2025-12-31' GROUP BY REGION),
prev AS (SELECT REGION, SUM(NET) AS rev, COUNT(*) AS n FROM o WHERE ORDER_DATE BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' GROUP BY REGION)
SELECT COALESCE(c.REGION, p.REGION), COALESCE(c.rev, 0), COALESCE(p.rev, 0), COALESCE(c.rev, 0) - COALESCE(p.rev, 0),
  NULL, COALESCE(c.n, 0), COALESCE(p.n, 0), COALESCE(c.n, 0) - COALESCE(p.n, 0), NULL,
  NULL, false, false, c.rev AS crev, c.n AS cn
FROM cur c FULL JOIN prev p ON c.REGION = p.REGION ORDER BY 1`, post: func(r []string) { quo(r, 4, 3, 2, 4); quo(r, 8, 7, 6, 4); quo(r, 9, 12, 13, 2) }},

		{name: "compare with a period without data", req: query.Request{
			Metrics: []string{"revenue", "orders"}, Dimensions: []string{"segment"}, Dates: &query.DateFilter{Range: query.Year(2024)},
			Compare: &query.Compare{To: query.ComparePrevious},
		}, oracle: `
cur AS (SELECT SEGMENT, SUM(NET) AS rev, COUNT(*) AS n FROM o WHERE YEAR(ORDER_DATE) = 2024 GROUP BY SEGMENT)
SELECT SEGMENT, rev, NULL, NULL, NULL, n, NULL, NULL, NULL, false, true FROM cur ORDER BY 1`},

		{name: "compare a week with the one before: zero bases", req: query.Request{
			Metrics: []string{"revenue", "aov"}, Dimensions: []string{"product_name"},
			Dates:   &query.DateFilter{Range: query.Dates(date("2025-06-09"), date("2025-06-15"))},
			Compare: &query.Compare{To: query.ComparePrevious},
		}, oracle: `
cur AS (SELECT PRODUCT_NAME, SUM(NET) AS rev, COUNT(*) AS n FROM o WHERE ORDER_DATE BETWEEN DATE '2025-06-09' AND DATE '2025-06-15' GROUP BY 1),
prev AS (SELECT PRODUCT_NAME, SUM(NET) AS rev, COUNT(*) AS n FROM o WHERE ORDER_DATE BETWEEN DATE '2025-06-02' AND DATE '2025-06-08' GROUP BY 1)
SELECT COALESCE(c.PRODUCT_NAME, p.PRODUCT_NAME), COALESCE(c.rev, 0), COALESCE(p.rev, 0), COALESCE(c.rev, 0) - COALESCE(p.rev, 0), NULL,
  NULL, NULL, NULL, NULL, false, false, c.rev, c.n, p.rev, p.n
FROM cur c FULL JOIN prev p ON c.PRODUCT_NAME = p.PRODUCT_NAME ORDER BY 1`,
			post: func(r []string) { // aov and its base, then the change of the two rounded values
				quo(r, 4, 3, 2, 4)
				quo(r, 5, 11, 12, 2)
				quo(r, 6, 13, 14, 2)
				dif(r, 7, 5, 6)
				quo(r, 8, 7, 6, 4)
			},
			check: func(t *testing.T, rows [][]string) {
				zero := 0
				for _, r := range rows {
					if r[2] == "0" {
						require.Equal(t, "NULL", r[4], "a zero base has no percentage")
						zero++
					}
				}
				require.Positive(t, zero, "some product sold nothing the week before")
			}},

		{name: "categories that shrank year over year", req: query.Request{
			Metrics: []string{"revenue"}, Dimensions: []string{"category"}, Dates: &query.DateFilter{Range: query.Dates(date("2025-01-01"), date("2025-03-31"))},
			Compare: &query.Compare{To: query.CompareYearAgo, Having: query.Lt("revenue_delta", 0)},
		}, oracle: `
cur AS (SELECT CATEGORY, SUM(NET) AS rev FROM o WHERE ORDER_DATE BETWEEN DATE '2025-01-01' AND DATE '2025-03-31' GROUP BY 1),
prev AS (SELECT CATEGORY, SUM(NET) AS rev FROM o WHERE ORDER_DATE BETWEEN DATE '2024-01-01' AND DATE '2024-03-31' GROUP BY 1)
SELECT c.CATEGORY, c.rev, p.rev, c.rev - p.rev, NULL, false, false
FROM cur c JOIN prev p ON c.CATEGORY = p.CATEGORY WHERE c.rev < p.rev ORDER BY 1`, post: func(r []string) { quo(r, 4, 3, 2, 4) }},

		{name: "a period without data, the data's days known", req: query.Request{
			Metrics: []string{"revenue", "orders"}, Dimensions: []string{"segment"}, Dates: &query.DateFilter{Range: query.Year(2024)},
			Compare: &query.Compare{To: query.ComparePrevious, Data: &dataDays},
		}, oracle: `
cur AS (SELECT SEGMENT, SUM(NET) AS rev, COUNT(*) AS n FROM o WHERE YEAR(ORDER_DATE) = 2024 GROUP BY SEGMENT)
SELECT SEGMENT, rev, NULL, NULL, NULL, n, NULL, NULL, NULL, false, true FROM cur ORDER BY 1`},

		{name: "the groups sold in the range, against a year ago, the data's days known", req: query.Request{
			Metrics: []string{"revenue", "orders"}, Dimensions: []string{"product_name"},
			Dates:   &query.DateFilter{Range: query.Dates(date("2025-06-09"), date("2025-06-15"))},
			Compare: &query.Compare{To: query.CompareYearAgo, Metrics: []string{"revenue"}, Data: &dataDays, Having: query.Gt("orders", 0)},
		}, oracle: `
cur AS (SELECT PRODUCT_NAME, SUM(NET) AS rev, COUNT(*) AS n FROM o WHERE ORDER_DATE BETWEEN DATE '2025-06-09' AND DATE '2025-06-15' GROUP BY 1),
prev AS (SELECT PRODUCT_NAME, SUM(NET) AS rev FROM o WHERE ORDER_DATE BETWEEN DATE '2024-06-09' AND DATE '2024-06-15' GROUP BY 1)
SELECT c.PRODUCT_NAME, c.rev, COALESCE(p.rev, 0), c.rev - COALESCE(p.rev, 0), NULL, c.n, false, false
FROM cur c LEFT JOIN prev p ON c.PRODUCT_NAME = p.PRODUCT_NAME ORDER BY 1`, post: func(r []string) { quo(r, 4, 3, 2, 4) }},

		{name: "partial periods: past the data and the clock, and before the data", req: query.Request{
			Metrics: []string{"revenue"}, Dimensions: []string{"segment"}, Dates: &query.DateFilter{Range: query.Dates(date("2024-06-01"), date("2026-01-31"))},
			Compare: &query.Compare{To: query.ComparePrevious},
		}, oracle: `
cur AS (SELECT SEGMENT, SUM(NET) AS rev FROM o WHERE ORDER_DATE >= DATE '2024-06-01' GROUP BY 1),
prev AS (SELECT SEGMENT, SUM(NET) AS rev FROM o WHERE ORDER_DATE BETWEEN DATE '2022-10-01' AND DATE '2024-05-31' GROUP BY 1)
SELECT c.SEGMENT, c.rev, p.rev, c.rev - p.rev, NULL, true, true FROM cur c JOIN prev p ON c.SEGMENT = p.SEGMENT ORDER BY 1`,
			post: func(r []string) { quo(r, 4, 3, 2, 4) }},

		{name: "year over year by month and region", req: query.Request{
			Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
			Dates: y2025, Compare: &query.Compare{To: query.CompareYearAgo},
		}, oracle: `
cur AS (SELECT date_trunc('month', ORDER_DATE) AS mon, REGION, SUM(NET) AS rev FROM o WHERE YEAR(ORDER_DATE) = 2025 GROUP BY 1, 2),
prev AS (SELECT date_trunc('month', ORDER_DATE) + INTERVAL 1 YEAR AS mon, REGION, SUM(NET) AS rev FROM o WHERE YEAR(ORDER_DATE) = 2024 GROUP BY 1, 2)
SELECT COALESCE(c.mon, p.mon), COALESCE(c.REGION, p.REGION), COALESCE(c.rev, 0), COALESCE(p.rev, 0), COALESCE(c.rev, 0) - COALESCE(p.rev, 0), NULL, false, false
FROM cur c FULL JOIN prev p ON c.mon = p.mon AND c.REGION = p.REGION ORDER BY 1, 2`, post: func(r []string) { quo(r, 5, 4, 3, 4) }},

		{name: "four weeks against the four before, by week", req: query.Request{
			Metrics: []string{"orders"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByWeek},
			Dates: &query.DateFilter{Range: query.Dates(date("2025-06-02"), date("2025-06-29"))}, Compare: &query.Compare{To: query.ComparePrevious},
		}, oracle: `
cur AS (SELECT date_trunc('week', ORDER_DATE) AS wk, COUNT(*) AS n FROM o WHERE ORDER_DATE BETWEEN DATE '2025-06-02' AND DATE '2025-06-29' GROUP BY 1),
prev AS (SELECT date_trunc('week', ORDER_DATE) + INTERVAL 28 DAY AS wk, COUNT(*) AS n FROM o WHERE ORDER_DATE BETWEEN DATE '2025-05-05' AND DATE '2025-06-01' GROUP BY 1)
SELECT COALESCE(c.wk, p.wk), COALESCE(c.n, 0), COALESCE(p.n, 0), COALESCE(c.n, 0) - COALESCE(p.n, 0), NULL, false, false
FROM cur c FULL JOIN prev p ON c.wk = p.wk ORDER BY 1`, post: func(r []string) { quo(r, 4, 3, 2, 4) }},

		{name: "headline figures of a quarter against the one before", req: query.Request{
			Metrics: []string{"revenue", "orders", "aov", "customers"}, Dates: &query.DateFilter{Range: query.Quarter(2025, 1)},
			Compare: &query.Compare{To: query.ComparePrevious},
		}, oracle: `
cur AS (SELECT SUM(NET) AS rev, COUNT(*) AS n, COUNT(DISTINCT CUSTOMER_ID) AS cu FROM o WHERE ORDER_DATE BETWEEN DATE '2025-01-01' AND DATE '2025-03-31'),
prev AS (SELECT SUM(NET) AS rev, COUNT(*) AS n, COUNT(DISTINCT CUSTOMER_ID) AS cu FROM o WHERE ORDER_DATE BETWEEN DATE '2024-10-01' AND DATE '2024-12-31')
SELECT c.rev, p.rev, c.rev - p.rev, NULL, c.n, p.n, c.n - p.n, NULL, NULL, NULL, NULL, NULL, c.cu, p.cu, c.cu - p.cu, NULL, false, false
FROM cur c, prev p`, post: func(r []string) {
			quo(r, 3, 2, 1, 4)
			quo(r, 7, 6, 5, 4)
			quo(r, 8, 0, 4, 2)
			quo(r, 9, 1, 5, 2)
			dif(r, 10, 8, 9)
			quo(r, 11, 10, 9, 4)
			quo(r, 15, 14, 13, 4)
		}},

		{name: "shares of the whole and of the region", req: query.Request{
			Metrics: []string{"revenue"}, Dimensions: []string{"region", "category"}, Dates: y2025,
			Shares: []query.Share{{Metric: "revenue"}, {Metric: "revenue", Within: []string{"region"}, As: "share_of_region"}},
		}, oracle: `
g AS (SELECT REGION, CATEGORY, SUM(NET) AS rev FROM o WHERE YEAR(ORDER_DATE) = 2025 GROUP BY 1, 2)
SELECT REGION, CATEGORY, rev, NULL, NULL, (SELECT SUM(rev) FROM g), (SELECT SUM(rev) FROM g g2 WHERE g2.REGION = g.REGION)
FROM g ORDER BY 1, 2`, post: func(r []string) { quo(r, 3, 2, 5, 4); quo(r, 4, 2, 6, 4) }},

		{name: "best seller per category", req: query.Request{
			Metrics: []string{"revenue"}, Dimensions: []string{"category", "product_name"}, Dates: y2025,
			Rank: &query.Rank{Within: []string{"category"}, Top: 1},
		}, oracle: `
g AS (SELECT CATEGORY, PRODUCT_NAME, SUM(NET) AS rev FROM o WHERE YEAR(ORDER_DATE) = 2025 GROUP BY 1, 2)
SELECT CATEGORY, PRODUCT_NAME, rev, 1 FROM g
WHERE NOT EXISTS (SELECT 1 FROM g b WHERE b.CATEGORY = g.CATEGORY AND (b.rev > g.rev OR (b.rev = g.rev AND b.PRODUCT_NAME < g.PRODUCT_NAME)))
ORDER BY 1`},

		{name: "top 3 products by orders: a tie at the cut is broken by name", req: query.Request{
			Metrics: []string{"orders"}, Dimensions: []string{"product_name"}, Dates: &query.DateFilter{Range: query.Month(2025, 12)},
			Rank: &query.Rank{Top: 3},
		}, oracle: tiedTop(false), check: func(t *testing.T, rows [][]string) { require.Len(t, rows, 3) }},

		{name: "top 3 products by orders with ties kept", req: query.Request{
			Metrics: []string{"orders"}, Dimensions: []string{"product_name"}, Dates: &query.DateFilter{Range: query.Month(2025, 12)},
			Rank: &query.Rank{Top: 3, Ties: true},
		}, oracle: tiedTop(true), check: func(t *testing.T, rows [][]string) {
			require.Greater(t, len(rows), 3, "the data has a tie at the cut")
		}},

		{name: "bottom 2 reps per region", req: query.Request{
			Metrics: []string{"revenue"}, Dimensions: []string{"region", "rep_name"}, Dates: y2025,
			Rank: &query.Rank{Within: []string{"region"}, Top: 2, Bottom: true, As: "position"},
		}, oracle: `
g AS (SELECT REGION, REP_NAME, SUM(NET) AS rev FROM o WHERE YEAR(ORDER_DATE) = 2025 GROUP BY 1, 2)
SELECT REGION, REP_NAME, rev, (SELECT COUNT(*) + 1 FROM g b WHERE b.REGION = g.REGION AND (b.rev < g.rev OR (b.rev = g.rev AND b.REP_NAME < g.REP_NAME))) AS k
FROM g WHERE k <= 2 ORDER BY 1, 4`},

		{name: "top 2 categories of each quarter, with their share of it", req: query.Request{
			Metrics: []string{"revenue"}, Dimensions: []string{"category"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByQuarter}, Dates: y2025,
			Shares: []query.Share{{Metric: "revenue", Within: []string{"order_date_quarter"}}}, Rank: &query.Rank{Within: []string{"order_date_quarter"}, Top: 2},
		}, oracle: `
g AS (SELECT date_trunc('quarter', ORDER_DATE) AS q, CATEGORY, SUM(NET) AS rev FROM o WHERE YEAR(ORDER_DATE) = 2025 GROUP BY 1, 2),
r AS (SELECT *, (SELECT COUNT(*) + 1 FROM g b WHERE b.q = g.q AND (b.rev > g.rev OR (b.rev = g.rev AND b.CATEGORY < g.CATEGORY))) AS k,
             (SELECT SUM(rev) FROM g b WHERE b.q = g.q) AS tot FROM g)
SELECT q, CATEGORY, rev, k, NULL, tot FROM r WHERE k <= 2 ORDER BY 1, 4`, post: func(r []string) { quo(r, 4, 2, 5, 4) }},

		{name: "the 3 products whose revenue fell most in 2025", req: query.Request{
			Metrics: []string{"revenue"}, Dimensions: []string{"product_name"}, Dates: y2025,
			Compare: &query.Compare{To: query.ComparePrevious, Having: query.Lt("revenue_delta", 0)},
			Rank:    &query.Rank{By: "revenue_delta", Bottom: true, Top: 3},
		}, oracle: `
cur AS (SELECT PRODUCT_NAME, SUM(NET) AS rev FROM o WHERE YEAR(ORDER_DATE) = 2025 GROUP BY 1),
prev AS (SELECT PRODUCT_NAME, SUM(NET) AS rev FROM o WHERE YEAR(ORDER_DATE) = 2024 GROUP BY 1),
j AS (SELECT COALESCE(c.PRODUCT_NAME, p.PRODUCT_NAME) AS name, COALESCE(c.rev, 0) AS rev, COALESCE(p.rev, 0) AS base, COALESCE(c.rev, 0) - COALESCE(p.rev, 0) AS delta
      FROM cur c FULL JOIN prev p ON c.PRODUCT_NAME = p.PRODUCT_NAME),
s AS (SELECT *, (SELECT COUNT(*) + 1 FROM j b WHERE b.delta < 0 AND (b.delta < j.delta OR (b.delta = j.delta AND b.name < j.name))) AS k FROM j WHERE delta < 0)
SELECT name, rev, base, delta, NULL, false, false, k FROM s WHERE k <= 3 ORDER BY k`, post: func(r []string) { quo(r, 4, 3, 2, 4) }},

		{name: "top 5 products and the Other row", req: query.Request{
			Metrics: []string{"revenue", "orders"}, Dimensions: []string{"product_name"}, Dates: y2025,
			Shares: []query.Share{{Metric: "revenue"}}, Rank: &query.Rank{Top: 5, Other: true},
		}, oracle: `
g AS (SELECT PRODUCT_NAME, SUM(NET) AS rev, COUNT(*) AS n FROM o WHERE YEAR(ORDER_DATE) = 2025 GROUP BY 1),
r AS (SELECT *, (SELECT COUNT(*) + 1 FROM g b WHERE b.rev > g.rev OR (b.rev = g.rev AND b.PRODUCT_NAME < g.PRODUCT_NAME)) AS k FROM g)
SELECT * FROM (
  SELECT PRODUCT_NAME, rev, n, k, NULL, false, 0, (SELECT SUM(rev) FROM g) AS tot FROM r WHERE k <= 5
  UNION ALL SELECT NULL, SUM(rev), SUM(n), NULL, NULL, true, COUNT(*), (SELECT SUM(rev) FROM g) FROM r WHERE k > 5) x
ORDER BY 4 NULLS LAST`, post: func(r []string) { quo(r, 4, 1, 7, 4) }},

		{name: "running, moving and year-to-date revenue by month and region, empty months included", req: query.Request{
			Metrics: []string{"revenue"}, Dimensions: []string{"region"}, Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByMonth},
			Dates: &query.DateFilter{Range: query.Dates(date("2023-11-01"), date("2024-03-31"))},
			Windows: []query.Window{{Metric: "revenue", Kind: query.Running}, {Metric: "revenue", Kind: query.MovingAvg, Periods: 3},
				{Metric: "revenue", Kind: query.MovingSum, Periods: 3}, {Metric: "revenue", Kind: query.ToDate, ToDate: query.ByYear}},
		}, oracle: `
m AS (SELECT CAST(range AS DATE) AS mon FROM range(DATE '2023-11-01', DATE '2024-04-01', INTERVAL 1 MONTH)),
s AS (SELECT * FROM o WHERE ORDER_DATE BETWEEN DATE '2023-11-01' AND DATE '2024-03-31'),
f AS (SELECT m.mon, r.REGION, (SELECT COALESCE(SUM(NET), 0) FROM s WHERE s.REGION = r.REGION AND YEAR(s.ORDER_DATE) = YEAR(m.mon) AND MONTH(s.ORDER_DATE) = MONTH(m.mon)) AS rev
      FROM m CROSS JOIN (SELECT DISTINCT REGION FROM s) r)
SELECT mon, REGION, rev,
  (SELECT SUM(rev) FROM f b WHERE b.REGION = f.REGION AND b.mon <= f.mon), NULL,
  (SELECT SUM(rev) FROM f b WHERE b.REGION = f.REGION AND b.mon BETWEEN f.mon - INTERVAL 2 MONTH AND f.mon),
  (SELECT SUM(rev) FROM f b WHERE b.REGION = f.REGION AND b.mon <= f.mon AND YEAR(b.mon) = YEAR(f.mon)),
  (SELECT COUNT(*) FROM m WHERE m.mon BETWEEN f.mon - INTERVAL 2 MONTH AND f.mon)
FROM f ORDER BY 1, 2`, post: func(r []string) { quo(r, 4, 5, 7, 2) }, check: func(t *testing.T, rows [][]string) {
			require.Equal(t, "0", rows[0][2], "November 2023 has no orders and is there")
		}},

		{name: "mean revenue, orders and customers per month over a year half without data", req: query.Request{
			Metrics: []string{"revenue", "orders", "distinct_customers"}, Dimensions: []string{"region"},
			Dates: &query.DateFilter{Range: query.Dates(date("2023-07-01"), date("2024-06-30"))}, PerPeriod: &query.PerPeriod{Grain: query.ByMonth},
		}, oracle: `
s AS (SELECT * FROM o WHERE ORDER_DATE BETWEEN DATE '2023-07-01' AND DATE '2024-06-30'),
pm AS (SELECT REGION, date_trunc('month', ORDER_DATE) AS mon, COUNT(DISTINCT CUSTOMER_ID) AS dc FROM s GROUP BY 1, 2)
SELECT REGION, NULL, NULL, NULL, SUM(NET), COUNT(*), (SELECT SUM(dc) FROM pm WHERE pm.REGION = s.REGION), 12
FROM s GROUP BY REGION ORDER BY 1`, post: func(r []string) { quo(r, 1, 4, 7, 2); quo(r, 2, 5, 7, 4); quo(r, 3, 6, 7, 4) }},

		{name: "orders per week in a quarter", req: query.Request{
			Metrics: []string{"orders"}, Dates: &query.DateFilter{Range: query.Quarter(2025, 4)}, PerPeriod: &query.PerPeriod{Grain: query.ByWeek},
		}, oracle: `
w AS (SELECT COUNT(DISTINCT date_trunc('week', d)) AS weeks FROM range(DATE '2025-10-01', DATE '2026-01-01', INTERVAL 1 DAY) t(d))
SELECT NULL, (SELECT COUNT(*) FROM o WHERE ORDER_DATE BETWEEN DATE '2025-10-01' AND DATE '2025-12-31'), weeks FROM w`,
			post: func(r []string) { quo(r, 0, 1, 2, 4) }},
	}
}

// tiedTop is the top 3 products by orders in December 2025, by hand: ranked by
// orders, then by name (ties keeps every product tied with the third).
func tiedTop(ties bool) string {
	rank := "(SELECT COUNT(*) + 1 FROM g b WHERE b.n > g.n OR (b.n = g.n AND b.PRODUCT_NAME < g.PRODUCT_NAME))"
	if ties {
		rank = "(SELECT COUNT(*) + 1 FROM g b WHERE b.n > g.n)"
	}
	return `
g AS (SELECT PRODUCT_NAME, COUNT(*) AS n FROM o WHERE ORDER_DATE BETWEEN DATE '2025-12-01' AND DATE '2025-12-31' GROUP BY 1)
SELECT PRODUCT_NAME, n, ` + rank + ` AS k FROM g WHERE k <= 3 ORDER BY 3, 1`
}
