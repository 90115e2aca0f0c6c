-- dialect: snowflake
-- fields: orders.region, orders.total_revenue
-- answered by: SALES_BY_REGION
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REGION
SELECT "sales_by_region"."REGION" AS "region", CAST(SUM("sales_by_region"."REVENUE") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_REGION" AS "sales_by_region" GROUP BY "sales_by_region"."REGION" ORDER BY "revenue" DESC NULLS LAST, "region" ASC NULLS LAST
