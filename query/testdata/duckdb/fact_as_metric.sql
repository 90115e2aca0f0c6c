-- dialect: duckdb
-- fields: orders.status, orders.quantity, orders.net_amount
SELECT "orders"."STATUS" AS "status", CAST(SUM("orders"."QUANTITY") AS BIGINT) AS "quantity", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "net_amount" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."STATUS" ORDER BY "status" ASC NULLS LAST
