-- dialect: duckdb
-- fields: orders.category, orders.total_revenue, orders.distinct_products, orders.order_date
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_REGION: SALES_BY_REGION has no column for CATEGORY
-- not SALES_BY_REP: SALES_BY_REP has no column for CATEGORY
-- not DAILY_SALES: DAILY_SALES has no column for CATEGORY
SELECT "sales_by_product"."CATEGORY" AS "category", CAST(SUM("sales_by_product"."REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COUNT(DISTINCT "sales_by_product"."PRODUCT_ID") AS BIGINT) AS "distinct_products" FROM "MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" WHERE "sales_by_product"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "sales_by_product"."CATEGORY" HAVING (SUM("sales_by_product"."REVENUE")) > CAST(? AS DECIMAL(38,2)) ORDER BY "category" ASC NULLS LAST
-- arg 1: time.Time 2025-04-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-06-30 00:00:00 +0000 UTC
-- arg 3: string 1000
