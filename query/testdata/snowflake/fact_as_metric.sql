-- dialect: snowflake
-- fields: orders.status, orders.quantity, orders.net_amount
SELECT "orders"."STATUS" AS "status", CAST(SUM("orders"."QUANTITY") AS NUMBER(38,0)) AS "quantity", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "net_amount" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."STATUS" ORDER BY "status" ASC NULLS LAST
