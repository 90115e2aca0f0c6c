package embedded_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// A model over two marts: orders (FCT_ORDERS) many-to-one to customers
// (SALES_BY_CUSTOMER). Grouping orders by a customers column must join, and give
// what grouping by FCT_ORDERS' own copy of the column gives.
const joinModel = `name: joined
tables:
  - name: orders
    base_table: {database: SALES_ANALYTICS_DB, schema: MARTS, table: FCT_ORDERS}
    primary_key: {columns: [order_id]}
    dimensions:
      - {name: order_id, expr: ORDER_ID, data_type: NUMBER}
      - {name: customer_id, expr: CUSTOMER_ID, data_type: NUMBER}
      - {name: segment, expr: SEGMENT, data_type: VARCHAR}
    facts:
      - {name: net_amount, expr: NET_AMOUNT, data_type: "NUMBER(38,2)"}
    metrics:
      - {name: revenue, expr: SUM(orders.net_amount)}
  - name: customers
    base_table: {database: SALES_ANALYTICS_DB, schema: MARTS, table: SALES_BY_CUSTOMER}
    primary_key: {columns: [customer_id]}
    dimensions:
      - {name: customer_id, expr: CUSTOMER_ID, data_type: NUMBER}
      - {name: customer_segment, expr: SEGMENT, data_type: VARCHAR}
      - {name: industry, expr: INDUSTRY, data_type: VARCHAR}
relationships:
  - name: orders_to_customers
    left_table: orders
    right_table: customers
    relationship_columns: [{left_column: customer_id, right_column: customer_id}]
    join_type: left_outer
    relationship_type: many_to_one
`

func TestJoinsFollowRelationshipsOnlyWhenNeeded(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	mustSetup(t, eng, options(0.2, 0))
	m, err := semantic.Parse("joined.yaml", []byte(joinModel))
	require.NoError(t, err)
	c, err := query.New(m, query.Options{Dialect: dialect.DuckDB})
	require.NoError(t, err)

	joined, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"customer_segment"}, Where: query.Ne("industry", "Energy")})
	require.NoError(t, err)
	require.Contains(t, joined.SQL, `LEFT JOIN "MARTS"."SALES_BY_CUSTOMER" AS "customers" ON "orders"."CUSTOMER_ID" = "customers"."CUSTOMER_ID"`)
	direct, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"segment"}, Where: query.Ne("industry", "Energy")})
	require.NoError(t, err)
	plain, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"segment"}})
	require.NoError(t, err)
	require.NotContains(t, plain.SQL, "JOIN", "no join without a customers field")

	a, err := joined.Run(ctx, eng.DB())
	require.NoError(t, err)
	b, err := direct.Run(ctx, eng.DB())
	require.NoError(t, err)
	require.Equal(t, b.Rows, a.Rows, "the joined attribute agrees with the denormalised one")

	// The same name from two tables gets a qualified output name.
	both, err := c.Compile(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"orders.customer_id", "customers.customer_id"}, Limit: 3})
	require.NoError(t, err)
	require.Equal(t, "customer_id", both.Columns[0].Name)
	require.Equal(t, "customers_customer_id", both.Columns[1].Name)
	res, err := both.Run(ctx, eng.DB())
	require.NoError(t, err)
	for _, r := range res.Rows {
		require.Equal(t, r[0], r[1], "joined on the key")
	}
	// The one side's own fields cannot be measured from the many side.
	_, err = c.Compile(query.Request{Metrics: []string{"revenue"}, Dimensions: []string{"customer_segment"}, Where: query.Eq("orders.segment", "SMB")})
	require.NoError(t, err)
}

func TestResultsScanIntoStructsAndJSON(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	mustSetup(t, eng, options(0.05, 0))
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB})
	require.NoError(t, err)
	q, err := c.Compile(query.Request{Metrics: []string{"revenue", "orders", "aov"}, Dimensions: []string{"region"},
		Time: &query.TimeGrain{Dimension: "order_date", Grain: query.ByYear}})
	require.NoError(t, err)
	res, err := q.Run(ctx, eng.DB())
	require.NoError(t, err)

	type row struct {
		Year    time.Time `query:"order_date_year"`
		Region  string
		Revenue decimal.Decimal  `query:"total_revenue"`
		Orders  int64            `query:"order_count"`
		AOV     *decimal.Decimal `query:"average_order_value"`
	}
	rows, err := query.ScanAll[row](res)
	require.NoError(t, err)
	require.Len(t, rows, 8)
	require.Equal(t, 2024, rows[0].Year.Year())
	require.Equal(t, "East", rows[0].Region)
	require.Equal(t, res.Rows[0][2], rows[0].Revenue)
	require.NotNil(t, rows[0].AOV)
	require.Equal(t, []string{"order_date_year", "region", "revenue", "orders", "aov"}, []string{
		res.Columns[0].Name, res.Columns[1].Name, res.Columns[2].Name, res.Columns[3].Name, res.Columns[4].Name},
		"columns come back named as the request asked")

	// Struct tags resolve synonyms either way round: the model's names above, the
	// request's names here.
	type asked struct {
		Year    time.Time `query:"order_date_year"`
		Region  string
		Revenue decimal.Decimal
		Orders  int64
		AOV     decimal.NullDecimal
	}
	collected, err := query.Collect[asked](ctx, q, eng.DB())
	require.NoError(t, err)
	require.Len(t, collected, len(rows))
	for i := range rows {
		require.Equal(t, rows[i].Revenue, collected[i].Revenue)
		require.Equal(t, rows[i].Orders, collected[i].Orders)
		require.Equal(t, *rows[i].AOV, collected[i].AOV.Decimal)
	}
	type small struct {
		Year    time.Time `query:"order_date_year"`
		Region  string
		Revenue decimal.Decimal
		Orders  int8 // far too small for the order counts
		AOV     decimal.NullDecimal
	}
	_, err = query.Collect[small](ctx, q, eng.DB())
	require.ErrorContains(t, err, "overflows int8", "no silent truncation")

	type missing struct{ Region string }
	_, err = query.ScanAll[missing](res)
	require.ErrorContains(t, err, `has no field for column "order_date_year"`)

	b, err := json.Marshal(res)
	require.NoError(t, err)
	var doc struct {
		Columns []map[string]any `json:"columns"`
		Rows    []map[string]any `json:"rows"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	require.Equal(t, "revenue", doc.Columns[2]["name"])
	rev, isString := doc.Rows[0]["revenue"].(string)
	require.True(t, isString, "decimals are JSON strings: %s", b[:200])
	require.Equal(t, res.Rows[0][2].(decimal.Decimal).StringFixed(2), rev)
	require.Equal(t, "2024-01-01", doc.Rows[0]["order_date_year"])
	require.IsType(t, float64(0), doc.Rows[0]["orders"], "counts are JSON numbers")

	var streamed int
	for r, err := range q.Stream(ctx, eng.DB()) {
		require.NoError(t, err)
		require.Len(t, r, 5)
		streamed++
	}
	require.Equal(t, len(res.Rows), streamed)
}

// Hostile filter values run as plain values: no error, no match, nothing changed.
func TestInjectionCorpusRunsHarmlessly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	mustSetup(t, eng, options(0.02, 0))
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB})
	require.NoError(t, err)
	before := count(t, eng.DB(), warehouse.FctOrders())
	for _, v := range []string{"' OR '1'='1", `'; DROP TABLE "MARTS"."FCT_ORDERS"; --`, "x\" OR \"\"=\"", "/* */", "naïve 数据 🚀", strings.Repeat("A'", 5000), "%' OR 1=1 --"} {
		q, err := c.Compile(query.Request{Metrics: []string{"revenue", "orders"}, Where: query.Or(query.Eq("customer_name", v), query.Like("product_name", v))})
		require.NoError(t, err)
		res, err := q.Run(ctx, eng.DB())
		require.NoError(t, err, "%.30q", v)
		require.Len(t, res.Rows, 1)
		require.Nil(t, res.Rows[0][0], "no row matches %.30q", v)
		require.Equal(t, int64(0), res.Rows[0][1])
	}
	require.Equal(t, before, count(t, eng.DB(), warehouse.FctOrders()))
}

func TestValidationReportPassesAndCatchesBreakage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.2, 0.01)
	mustSetup(t, eng, o)
	rep, err := pipelinetest.Validate(ctx, eng, o)
	require.NoError(t, err)
	require.True(t, rep.Passed(), rep.String())
	require.GreaterOrEqual(t, len(rep.Checks), 25)
	require.Contains(t, rep.String(), "0 failed")

	// One lost order breaks the reconciliation checks, and the report says which.
	_, err = eng.DB().Exec(`DELETE FROM "MARTS"."FCT_ORDERS" WHERE "ORDER_ID" = (SELECT MIN("ORDER_ID") FROM "MARTS"."FCT_ORDERS")`)
	require.NoError(t, err)
	rep, err = pipelinetest.Validate(ctx, eng, o)
	require.NoError(t, err)
	require.False(t, rep.Passed())
	var names []string
	for _, c := range rep.Failed() {
		names = append(names, c.Name)
	}
	require.Contains(t, names, "FCT_ORDERS rows = valid orders")
	require.Contains(t, names, "FCT_ORDERS revenue = generated revenue")
	require.Contains(t, names, "DAILY_SALES revenue = FCT_ORDERS")
	require.Contains(t, rep.String(), "FAIL")
}
