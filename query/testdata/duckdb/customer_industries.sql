-- dialect: duckdb
-- fields: orders.industry, orders.total_revenue, orders.order_count
-- answered by: SALES_BY_INDUSTRY_YEAR
-- not SALES_BY_YEAR: SALES_BY_YEAR has no column for INDUSTRY
-- not SALES_BY_SEGMENT_YEAR: SALES_BY_SEGMENT_YEAR has no column for INDUSTRY
-- not SALES_BY_REGION_YEAR: SALES_BY_REGION_YEAR has no column for INDUSTRY
SELECT "sales_by_industry_year"."INDUSTRY" AS "industry", CAST(SUM("sales_by_industry_year"."REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE(SUM("sales_by_industry_year"."ORDERS"), 0) AS BIGINT) AS "orders" FROM "MARTS"."SALES_BY_INDUSTRY_YEAR" AS "sales_by_industry_year" GROUP BY "sales_by_industry_year"."INDUSTRY" ORDER BY "revenue" DESC NULLS LAST, "industry" ASC NULLS LAST
