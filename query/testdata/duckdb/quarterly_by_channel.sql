-- dialect: duckdb
-- fields: orders.order_date, orders.channel, orders.total_revenue
SELECT CAST(DATE_TRUNC('quarter', "orders"."ORDER_DATE") AS DATE) AS "order_date_quarter", "orders"."CHANNEL" AS "channel", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY CAST(DATE_TRUNC('quarter', "orders"."ORDER_DATE") AS DATE), "orders"."CHANNEL" ORDER BY "order_date_quarter" ASC NULLS LAST, "channel" ASC NULLS LAST
