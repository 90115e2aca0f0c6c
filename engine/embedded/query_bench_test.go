package embedded_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/query/querytest"
	"github.com/salesanalytics/salesanalytics/scan"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// BenchmarkEndToEnd runs one dashboard query — revenue and orders by region and
// month for 2025 — through the SDK (compile, run, typed rows) and as hand-written
// SQL through database/sql scanning the same types, on the same scale-1 warehouse
// in one run. Target: sdk ≤ 1.1 × handwritten.
func BenchmarkEndToEnd(b *testing.B) {
	ctx := context.Background()
	eng := openMem(b)
	o := pipelinetest.Default()
	if _, err := pipelinetest.Setup(ctx, eng, o); err != nil {
		b.Fatal(err)
	}
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: func() time.Time { return querytest.Now() }})
	if err != nil {
		b.Fatal(err)
	}
	req := query.Request{
		Metrics:    []string{"revenue", "orders"},
		Dimensions: []string{"region"},
		Time:       &query.TimeGrain{Dimension: "order_date", Grain: dialect.Month},
		Dates:      &query.DateFilter{Range: query.Last(query.LastYear)},
	}
	hand := `SELECT CAST(DATE_TRUNC('month', "ORDER_DATE") AS DATE) AS m, "REGION", SUM("NET_AMOUNT"), COUNT(DISTINCT "ORDER_ID")
FROM "MARTS"."FCT_ORDERS"
WHERE "ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
GROUP BY 1, 2 ORDER BY 1, 2`
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)

	b.Run("sdk", func(b *testing.B) {
		for b.Loop() {
			q, err := c.Compile(req)
			if err != nil {
				b.Fatal(err)
			}
			res, err := q.Run(ctx, eng.DB())
			if err != nil {
				b.Fatal(err)
			}
			if len(res.Rows) != 48 {
				b.Fatalf("%d rows", len(res.Rows))
			}
		}
	})
	b.Run("handwritten", func(b *testing.B) {
		type row struct {
			month   time.Time
			region  string
			revenue decimal.Decimal
			orders  int64
		}
		for b.Loop() {
			rows, err := eng.DB().QueryContext(ctx, hand, from, to)
			if err != nil {
				b.Fatal(err)
			}
			var out []row
			for rows.Next() {
				var r row
				if err := rows.Scan(&r.month, &r.region, scan.Decimal(&r.revenue), &r.orders); err != nil {
					b.Fatal(err)
				}
				out = append(out, r)
			}
			if err := rows.Err(); err != nil {
				b.Fatal(err)
			}
			rows.Close()
			if len(out) != 48 {
				b.Fatalf("%d rows", len(out))
			}
		}
	})
}
