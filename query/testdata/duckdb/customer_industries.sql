-- dialect: duckdb
-- fields: orders.industry, orders.total_revenue, orders.order_count
SELECT "orders"."INDUSTRY" AS "industry", CAST((SUM("orders"."NET_AMOUNT")) AS DECIMAL(38,2)) AS "total_revenue", CAST((COUNT(DISTINCT "orders"."ORDER_ID")) AS BIGINT) AS "order_count" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."INDUSTRY" ORDER BY "total_revenue" DESC NULLS LAST, "industry" ASC NULLS LAST
