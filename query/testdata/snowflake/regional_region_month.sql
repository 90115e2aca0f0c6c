-- dialect: snowflake
-- fields: orders.order_date, orders.region, orders.total_revenue, orders.order_count
-- answered by: SALES_BY_REGION
-- not SALES_BY_YEAR: SALES_BY_YEAR has no column for REGION
-- not SALES_BY_SEGMENT_YEAR: SALES_BY_SEGMENT_YEAR has no column for REGION
-- not SALES_BY_REGION_YEAR: orders.order_date by month: SALES_BY_REGION_YEAR holds the year as a number, not a date
-- not SALES_BY_INDUSTRY_YEAR: SALES_BY_INDUSTRY_YEAR has no column for REGION
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REGION
SELECT "sales_by_region"."MONTH" AS "order_date_month", "sales_by_region"."REGION" AS "region", CAST("sales_by_region"."REVENUE" AS NUMBER(38,2)) AS "revenue", CAST(COALESCE("sales_by_region"."ORDERS", 0) AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_REGION" AS "sales_by_region" ORDER BY "order_date_month" ASC NULLS LAST, "region" ASC NULLS LAST
