-- dialect: duckdb
-- fields: orders.order_date, orders.total_revenue, orders.order_count, orders.rep_id
SELECT CAST(DATE_TRUNC('month', "orders"."ORDER_DATE") AS DATE) AS "order_date_month", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "orders" FROM "MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."REP_ID" = ? GROUP BY CAST(DATE_TRUNC('month', "orders"."ORDER_DATE") AS DATE) ORDER BY "order_date_month" ASC NULLS LAST
-- arg 1: int64 7
