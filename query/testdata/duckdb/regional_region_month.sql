-- dialect: duckdb
-- fields: orders.order_date, orders.region, orders.total_revenue, orders.order_count
SELECT CAST(DATE_TRUNC('month', "orders"."ORDER_DATE") AS DATE) AS "order_date_month", "orders"."REGION" AS "region", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "orders" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY CAST(DATE_TRUNC('month', "orders"."ORDER_DATE") AS DATE), "orders"."REGION" ORDER BY "order_date_month" ASC NULLS LAST, "region" ASC NULLS LAST
