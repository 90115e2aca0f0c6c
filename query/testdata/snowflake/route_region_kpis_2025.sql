-- dialect: snowflake
-- fields: orders.region, orders.total_revenue, orders.order_count, orders.average_order_value, orders.order_date
-- answered by: SALES_BY_REGION_YEAR
-- not SALES_BY_YEAR: SALES_BY_YEAR has no column for REGION
-- not SALES_BY_SEGMENT_YEAR: SALES_BY_SEGMENT_YEAR has no column for REGION
SELECT "sales_by_region_year"."REGION" AS "region", CAST("sales_by_region_year"."REVENUE" AS NUMBER(38,2)) AS "revenue", CAST(COALESCE("sales_by_region_year"."ORDERS", 0) AS NUMBER(38,0)) AS "orders", CAST(ROUND(("sales_by_region_year"."REVENUE") / NULLIF(COALESCE("sales_by_region_year"."ORDERS", 0), 0), 2) AS NUMBER(38,2)) AS "aov" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_REGION_YEAR" AS "sales_by_region_year" WHERE "sales_by_region_year"."YEAR" BETWEEN CAST(? AS NUMBER(38,0)) AND CAST(? AS NUMBER(38,0)) ORDER BY "region" ASC NULLS LAST
-- arg 1: int64 2025
-- arg 2: int64 2025
