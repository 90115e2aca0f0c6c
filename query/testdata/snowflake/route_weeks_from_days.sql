-- dialect: snowflake
-- fields: orders.order_date, orders.total_revenue, orders.order_count
-- answered by: DAILY_SALES
-- not SALES_BY_MONTH: orders.order_date by week is finer than the month grain of SALES_BY_MONTH
-- not SALES_BY_REGION: orders.order_date by week is finer than the month grain of SALES_BY_REGION
-- not SALES_BY_REP: orders.order_date by week is finer than the month grain of SALES_BY_REP
SELECT DATE_TRUNC('week', "daily_sales"."SALES_DATE") AS "order_date_week", CAST(SUM("daily_sales"."REVENUE") AS NUMBER(38,2)) AS "revenue", CAST(COALESCE(SUM("daily_sales"."ORDERS"), 0) AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."DAILY_SALES" AS "daily_sales" WHERE "daily_sales"."SALES_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY DATE_TRUNC('week', "daily_sales"."SALES_DATE") ORDER BY "order_date_week" ASC NULLS LAST
-- arg 1: time.Time 2025-10-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
