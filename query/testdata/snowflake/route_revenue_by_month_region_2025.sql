-- dialect: snowflake
-- fields: orders.order_date, orders.region, orders.total_revenue
-- answered by: SALES_BY_REGION
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REGION
SELECT "sales_by_region"."MONTH" AS "order_date_month", "sales_by_region"."REGION" AS "region", CAST("sales_by_region"."REVENUE" AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_REGION" AS "sales_by_region" WHERE "sales_by_region"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) ORDER BY "order_date_month" ASC NULLS LAST, "region" ASC NULLS LAST
-- arg 1: time.Time 2025-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
