-- dialect: duckdb
-- fields: orders.industry, orders.total_revenue, orders.order_count
SELECT "orders"."INDUSTRY" AS "industry", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "orders" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."INDUSTRY" ORDER BY "revenue" DESC NULLS LAST, "industry" ASC NULLS LAST
