-- dialect: snowflake
-- fields: orders.state, orders.order_count, orders.net_amount
SELECT "orders"."STATE" AS "state", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."NET_AMOUNT" >= CAST(? AS NUMBER(38,2)) GROUP BY "orders"."STATE" ORDER BY "orders" DESC NULLS LAST, "state" ASC NULLS LAST LIMIT 5
-- arg 1: string 2500.5
