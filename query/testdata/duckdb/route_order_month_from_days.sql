-- dialect: duckdb
-- fields: orders.order_month, orders.region, orders.total_revenue, orders.order_date
-- answered by: DAILY_SALES
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REGION
-- not SALES_BY_REGION: the range 2025-03-10 to 2025-04-20 does not start and end on whole months, the grain of SALES_BY_REGION
-- not SALES_BY_REP: the range 2025-03-10 to 2025-04-20 does not start and end on whole months, the grain of SALES_BY_REP
SELECT CAST(DATE_TRUNC('month', "daily_sales"."SALES_DATE") AS DATE) AS "order_month", "daily_sales"."REGION" AS "region", CAST(SUM("daily_sales"."REVENUE") AS DECIMAL(38,2)) AS "revenue" FROM "MARTS"."DAILY_SALES" AS "daily_sales" WHERE "daily_sales"."SALES_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY CAST(DATE_TRUNC('month', "daily_sales"."SALES_DATE") AS DATE), "daily_sales"."REGION" ORDER BY "order_month" ASC NULLS LAST, "region" ASC NULLS LAST
-- arg 1: time.Time 2025-03-10 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-04-20 00:00:00 +0000 UTC
