-- dialect: snowflake
-- fields: orders.order_date, orders.total_revenue, orders.distinct_customers
-- answered by: SALES_BY_MONTH
-- not SALES_BY_YEAR: orders.order_date by month: SALES_BY_YEAR holds the year as a number, not a date
-- not SALES_BY_SEGMENT_YEAR: orders.order_date by month: SALES_BY_SEGMENT_YEAR holds the year as a number, not a date
-- not SALES_BY_REGION_YEAR: orders.order_date by month: SALES_BY_REGION_YEAR holds the year as a number, not a date
-- not SALES_BY_INDUSTRY_YEAR: orders.order_date by month: SALES_BY_INDUSTRY_YEAR holds the year as a number, not a date
SELECT "sales_by_month"."MONTH" AS "order_date_month", CAST("sales_by_month"."REVENUE" AS NUMBER(38,2)) AS "revenue", CAST("sales_by_month"."CUSTOMERS" AS NUMBER(38,0)) AS "customers" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_MONTH" AS "sales_by_month" WHERE "sales_by_month"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) ORDER BY "order_date_month" ASC NULLS LAST
-- arg 1: time.Time 2025-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
