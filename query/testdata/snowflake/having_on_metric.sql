-- dialect: snowflake
-- fields: orders.category, orders.total_revenue, orders.order_count
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for CATEGORY
-- not SALES_BY_REGION: SALES_BY_REGION has no column for CATEGORY
-- not SALES_BY_REP: SALES_BY_REP has no column for CATEGORY
-- not DAILY_SALES: DAILY_SALES has no column for CATEGORY
SELECT "sales_by_product"."CATEGORY" AS "category", CAST(SUM("sales_by_product"."REVENUE") AS NUMBER(38,2)) AS "revenue", CAST(COALESCE(SUM("sales_by_product"."ORDERS"), 0) AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" GROUP BY "sales_by_product"."CATEGORY" HAVING (SUM("sales_by_product"."REVENUE")) > CAST(? AS NUMBER(38,2)) ORDER BY "category" ASC NULLS LAST
-- arg 1: string 7000000
