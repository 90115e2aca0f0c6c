-- dialect: duckdb
-- fields: orders.order_date, orders.order_count
-- answered by: DAILY_SALES
-- not SALES_BY_MONTH: orders.order_date by week is finer than the month grain of SALES_BY_MONTH
-- not SALES_BY_REGION: orders.order_date by week is finer than the month grain of SALES_BY_REGION
-- not SALES_BY_REP: orders.order_date by week is finer than the month grain of SALES_BY_REP
WITH "g" AS (SELECT CAST(DATE_TRUNC('week', "daily_sales"."SALES_DATE") AS DATE) AS "order_date_week", CAST(COALESCE(SUM("daily_sales"."ORDERS"), 0) AS BIGINT) AS "orders" FROM "MARTS"."DAILY_SALES" AS "daily_sales" WHERE "daily_sales"."SALES_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY CAST(DATE_TRUNC('week', "daily_sales"."SALES_DATE") AS DATE)) SELECT CAST((CAST((COALESCE(SUM(x."orders"), 0)) * 100000 AS HUGEINT) // CAST(14 AS HUGEINT)) * 0.00001 AS DECIMAL(38,4)) AS "orders_per_week" FROM "g" AS x
-- arg 1: time.Time 2025-10-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
