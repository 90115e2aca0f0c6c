-- dialect: duckdb
-- fields: orders.region, orders.total_revenue, orders.order_count, orders.order_date
-- answered by: DAILY_SALES
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REGION
-- not SALES_BY_REGION: the range 2025-01-15 to 2025-03-31 does not start and end on whole months, the grain of SALES_BY_REGION
-- not SALES_BY_REP: the range 2025-01-15 to 2025-03-31 does not start and end on whole months, the grain of SALES_BY_REP
SELECT "daily_sales"."REGION" AS "region", CAST(SUM("daily_sales"."REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE(SUM("daily_sales"."ORDERS"), 0) AS BIGINT) AS "orders" FROM "MARTS"."DAILY_SALES" AS "daily_sales" WHERE "daily_sales"."SALES_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "daily_sales"."REGION" ORDER BY "region" ASC NULLS LAST
-- arg 1: time.Time 2025-01-15 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-03-31 00:00:00 +0000 UTC
