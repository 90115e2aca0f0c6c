-- dialect: snowflake
-- fields: orders.order_date, orders.order_count
WITH "g" AS (SELECT DATE_TRUNC('week', "orders"."ORDER_DATE") AS "order_date_week", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY DATE_TRUNC('week', "orders"."ORDER_DATE")) SELECT CAST(ROUND((COALESCE(SUM(x."orders"), 0)) / NULLIF(14, 0), 4) AS NUMBER(38,4)) AS "orders_per_week" FROM "g" AS x
-- arg 1: time.Time 2025-10-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
