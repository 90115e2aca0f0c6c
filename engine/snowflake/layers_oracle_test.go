package snowflake_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// rawSales is every order of RAW with its customer, product and rep, its net
// amount computed here from quantity, price and discount — not read from
// STAGING or FCT_ORDERS. The warehouse has no dirty rows, so every order counts.
const rawSales = `o AS (
  SELECT o.ORDER_ID, o.ORDER_DATE, o.CUSTOMER_ID, c.CUSTOMER_NAME, c.SEGMENT, UPPER(p.CATEGORY) AS CATEGORY,
         p.PRODUCT_NAME, r.REP_NAME, r.REGION, o.CHANNEL,
         ROUND(o.QUANTITY * o.UNIT_PRICE * (1 - o.DISCOUNT_PCT), 2) AS NET
  FROM RAW.ORDERS o
  JOIN RAW.CUSTOMERS c ON c.CUSTOMER_ID = o.CUSTOMER_ID
  JOIN RAW.PRODUCTS p ON p.PRODUCT_ID = o.PRODUCT_ID
  JOIN RAW.SALES_REPS r ON r.REP_ID = o.REP_ID)`

// layerCase is one request with an analysis layer and the same question
// answered by hand in DuckDB SQL over RAW.
type layerCase struct {
	name   string
	req    query.Request
	oracle string // WITH <rawSales>, … : rows in the request's column order and row order
	// post computes, in Go, what DuckDB would compute in floating point
	// (quotients of decimals) from the oracle's exact columns; the oracle puts
	// NULL where it writes. Columns past the request's are dropped after it.
	post  func(r []string)
	check func(t *testing.T, rows [][]string)
}

// quo sets r[t] to r[n] / r[d] rounded half away from zero to places, NULL for
// a NULL operand or a zero denominator.
func quo(r []string, t, n, d, places int) {
	r[t] = "NULL"
	num, err1 := decimal.NewFromString(r[n])
	den, err2 := decimal.NewFromString(r[d])
	if err1 == nil && err2 == nil && !den.IsZero() {
		r[t] = num.DivRound(den, int32(places)).String()
	}
}

// dif sets r[t] to r[a] − r[b], NULL for a NULL operand.
func dif(r []string, t, a, b int) {
	r[t] = "NULL"
	x, err1 := decimal.NewFromString(r[a])
	y, err2 := decimal.NewFromString(r[b])
	if err1 == nil && err2 == nil {
		r[t] = x.Sub(y).String()
	}
}

// TestAnalysisLayersEqualHandWrittenSQLOverRaw runs every analysis layer on
// the embedded engine and, in the Snowflake dialect, through the real driver
// against the loopback server, and requires both to equal hand-written SQL
// over RAW, value for value.
func TestAnalysisLayersEqualHandWrittenSQLOverRaw(t *testing.T) {
	ctx := context.Background()
	f, emb := cleanWarehouses(t)

	now := func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	duck, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: now})
	require.NoError(t, err)
	sf, err := duck.For(dialect.Snowflake)
	require.NoError(t, err)

	for _, tc := range layerCases() {
		t.Run(tc.name, func(t *testing.T) {
			want := rowsOf(t, emb.DB(), "WITH "+rawSales+", "+tc.oracle)
			if tc.post != nil {
				for _, r := range want {
					tc.post(r)
				}
			}
			require.NotEmpty(t, want, "the oracle has rows")
			for _, side := range []struct {
				c  *query.Compiler
				db *sql.DB
			}{{duck, emb.DB()}, {sf, f.eng.DB()}} {
				q, err := side.c.Compile(tc.req)
				require.NoError(t, err)
				res, err := q.Run(ctx, side.db)
				require.NoError(t, err, "%s\n%s", side.c.Dialect(), q.SQL)
				for i := range want {
					want[i] = want[i][:min(len(want[i]), len(res.Columns))]
				}
				got := make([][]string, len(res.Rows))
				for i, r := range res.Rows {
					for _, v := range r {
						got[i] = append(got[i], valueString(v))
					}
				}
				require.Equal(t, want, got, "%s: %s", side.c.Dialect(), q.SQL)
			}
			if tc.check != nil {
				tc.check(t, want)
			}
		})
	}
}

// rowsOf runs hand-written SQL and renders its values as valueString does.
func rowsOf(tb testing.TB, db *sql.DB, text string) [][]string {
	tb.Helper()
	res, err := query.RunSQL(context.Background(), db, text, 0)
	require.NoError(tb, err, text)
	out := make([][]string, len(res.Rows))
	for i, r := range res.Rows {
		for _, v := range r {
			out[i] = append(out[i], valueString(v))
		}
	}
	return out
}

func date(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

// cleanWarehouses sets up the same small warehouse without dirty rows twice:
// on the loopback Snowflake, through the driver, and on the embedded engine.
func cleanWarehouses(t *testing.T) (*fixture, *embedded.Engine) {
	t.Helper()
	ctx := context.Background()
	f := startFake(t)
	o := testOptions(f.clock)
	o.Data.DirtyFraction = 0
	_, err := pipelinetest.Setup(ctx, f.eng, o)
	require.NoError(t, err)
	emb, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { emb.Close() })
	_, err = pipelinetest.Setup(ctx, emb, o)
	require.NoError(t, err)
	return f, emb
}
