-- dialect: snowflake
-- fields: orders.channel, orders.total_revenue, orders.order_date
SELECT "orders"."CHANNEL" AS "channel", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "orders"."CHANNEL" ORDER BY "channel" ASC NULLS LAST
-- arg 1: time.Time 2025-12-02 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
