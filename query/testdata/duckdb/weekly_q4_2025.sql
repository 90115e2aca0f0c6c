-- dialect: duckdb
-- fields: orders.order_date, orders.total_revenue, orders.order_count
SELECT CAST(DATE_TRUNC('week', "orders"."ORDER_DATE") AS DATE) AS "order_date_week", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "orders" FROM "MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY CAST(DATE_TRUNC('week', "orders"."ORDER_DATE") AS DATE) ORDER BY "order_date_week" ASC NULLS LAST
-- arg 1: time.Time 2025-10-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
