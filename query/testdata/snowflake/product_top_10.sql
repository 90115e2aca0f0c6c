-- dialect: snowflake
-- fields: orders.product_name, orders.category, orders.total_revenue
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for PRODUCT_NAME
-- not SALES_BY_REGION: SALES_BY_REGION has no column for PRODUCT_NAME
-- not SALES_BY_REP: SALES_BY_REP has no column for PRODUCT_NAME
-- not DAILY_SALES: DAILY_SALES has no column for PRODUCT_NAME
SELECT "sales_by_product"."PRODUCT_NAME" AS "product_name", "sales_by_product"."CATEGORY" AS "category", CAST(SUM("sales_by_product"."REVENUE") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" GROUP BY "sales_by_product"."PRODUCT_NAME", "sales_by_product"."CATEGORY" ORDER BY "revenue" DESC NULLS LAST, "product_name" ASC NULLS LAST, "category" ASC NULLS LAST LIMIT 10
