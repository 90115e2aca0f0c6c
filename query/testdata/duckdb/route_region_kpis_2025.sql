-- dialect: duckdb
-- fields: orders.region, orders.total_revenue, orders.order_count, orders.average_order_value, orders.order_date
-- answered by: SALES_BY_REGION_YEAR
-- not SALES_BY_YEAR: SALES_BY_YEAR has no column for REGION
-- not SALES_BY_SEGMENT_YEAR: SALES_BY_SEGMENT_YEAR has no column for REGION
SELECT "sales_by_region_year"."REGION" AS "region", CAST("sales_by_region_year"."REVENUE" AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE("sales_by_region_year"."ORDERS", 0) AS BIGINT) AS "orders", CAST((CAST(("sales_by_region_year"."REVENUE") * 1000 AS HUGEINT) // CAST(COALESCE("sales_by_region_year"."ORDERS", 0) AS HUGEINT)) * 0.001 AS DECIMAL(38,2)) AS "aov" FROM "MARTS"."SALES_BY_REGION_YEAR" AS "sales_by_region_year" WHERE "sales_by_region_year"."YEAR" BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT) ORDER BY "region" ASC NULLS LAST
-- arg 1: int64 2025
-- arg 2: int64 2025
