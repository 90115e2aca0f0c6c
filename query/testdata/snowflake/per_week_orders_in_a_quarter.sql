-- dialect: snowflake
-- fields: orders.order_date, orders.order_count
-- answered by: DAILY_SALES
-- not SALES_BY_MONTH: orders.order_date by week is finer than the month grain of SALES_BY_MONTH
-- not SALES_BY_REGION: orders.order_date by week is finer than the month grain of SALES_BY_REGION
-- not SALES_BY_REP: orders.order_date by week is finer than the month grain of SALES_BY_REP
WITH "g" AS (SELECT DATE_TRUNC('week', "daily_sales"."SALES_DATE") AS "order_date_week", CAST(COALESCE(SUM("daily_sales"."ORDERS"), 0) AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."DAILY_SALES" AS "daily_sales" WHERE "daily_sales"."SALES_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY DATE_TRUNC('week', "daily_sales"."SALES_DATE")) SELECT CAST(ROUND((COALESCE(SUM(x."orders"), 0)) / NULLIF(14, 0), 4) AS NUMBER(38,4)) AS "orders_per_week" FROM "g" AS x
-- arg 1: time.Time 2025-10-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
