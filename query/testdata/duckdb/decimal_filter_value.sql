-- dialect: duckdb
-- fields: orders.state, orders.order_count, orders.net_amount
SELECT "orders"."STATE" AS "state", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "orders" FROM "MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."NET_AMOUNT" >= CAST(? AS DECIMAL(38,2)) GROUP BY "orders"."STATE" ORDER BY "orders" DESC NULLS LAST, "state" ASC NULLS LAST LIMIT 5
-- arg 1: string 2500.5
