-- dialect: snowflake
-- fields: orders.region, orders.total_revenue, orders.order_count, orders.order_date
SELECT "orders"."REGION" AS "region", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "total_revenue", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "order_count" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "orders"."REGION" ORDER BY "region" ASC NULLS LAST
-- arg 1: time.Time 2026-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2026-01-01 00:00:00 +0000 UTC
