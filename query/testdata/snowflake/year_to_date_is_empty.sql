-- dialect: snowflake
-- fields: orders.region, orders.total_revenue, orders.order_count, orders.order_date
-- answered by: DAILY_SALES
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REGION
-- not SALES_BY_REGION: the range 2026-01-01 to 2026-01-01 does not start and end on whole months, the grain of SALES_BY_REGION
-- not SALES_BY_REP: the range 2026-01-01 to 2026-01-01 does not start and end on whole months, the grain of SALES_BY_REP
SELECT "daily_sales"."REGION" AS "region", CAST("daily_sales"."REVENUE" AS NUMBER(38,2)) AS "total_revenue", CAST(COALESCE("daily_sales"."ORDERS", 0) AS NUMBER(38,0)) AS "order_count" FROM "SALES_ANALYTICS_DB"."MARTS"."DAILY_SALES" AS "daily_sales" WHERE "daily_sales"."SALES_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) ORDER BY "region" ASC NULLS LAST
-- arg 1: time.Time 2026-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2026-01-01 00:00:00 +0000 UTC
