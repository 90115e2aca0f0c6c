-- dialect: duckdb
-- fields: orders.order_date, orders.total_revenue
SELECT CAST(DATE_TRUNC('month', "orders"."ORDER_DATE") AS DATE) AS "order_date_month", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY CAST(DATE_TRUNC('month', "orders"."ORDER_DATE") AS DATE) ORDER BY "order_date_month" ASC NULLS LAST
