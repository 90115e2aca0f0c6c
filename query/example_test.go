package query_test

import (
	"fmt"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

func ExampleCompiler_Compile() {
	c, err := query.New(semantic.SalesModel(), query.Options{
		Dialect: dialect.Snowflake,
		Now:     func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		panic(err)
	}
	q, err := c.Compile(query.Request{
		Metrics:    []string{"revenue"},
		Dimensions: []string{"region"},
		Where:      query.Eq("segment", "Enterprise"),
		Dates:      &query.DateFilter{Range: query.Last(query.LastMonth)},
		OrderBy:    []query.Order{query.Desc("revenue")},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(q.SQL)
	fmt.Println(q.Args[0], q.Args[1].(time.Time).Format(time.DateOnly), q.Args[2].(time.Time).Format(time.DateOnly))
	for _, col := range q.Columns {
		fmt.Println(col.Name, col.Kind, col.Scale)
	}
	// Output:
	// SELECT "orders"."REGION" AS "region", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE ("orders"."SEGMENT" = ? AND "orders"."ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)) GROUP BY "orders"."REGION" ORDER BY "revenue" DESC NULLS LAST, "region" ASC NULLS LAST
	// Enterprise 2025-12-01 2025-12-31
	// region text 0
	// revenue decimal 2
}

func ExampleCompiler_Compile_unknownName() {
	c, _ := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB})
	_, err := c.Compile(query.Request{Metrics: []string{"revnue"}})
	fmt.Println(err != nil, len(err.Error()) > 0)
	// Output: true true
}
