package snowflake_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

func layerCases() []layerCase {
	y2025 := &query.DateFilter{Range: query.Year(2025)}
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
	}
}
