-- dialect: snowflake
-- fields: orders.region, orders.total_revenue
-- answered by: SALES_BY_REGION_YEAR
-- not SALES_BY_YEAR: SALES_BY_YEAR has no column for REGION
-- not SALES_BY_SEGMENT_YEAR: SALES_BY_SEGMENT_YEAR has no column for REGION
SELECT "sales_by_region_year"."REGION" AS "region", CAST(SUM("sales_by_region_year"."REVENUE") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_REGION_YEAR" AS "sales_by_region_year" GROUP BY "sales_by_region_year"."REGION" ORDER BY "revenue" DESC NULLS LAST, "region" ASC NULLS LAST
