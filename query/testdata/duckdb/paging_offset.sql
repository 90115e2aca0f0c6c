-- dialect: duckdb
-- fields: orders.product_name, orders.total_revenue
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for PRODUCT_NAME
-- not SALES_BY_REGION: SALES_BY_REGION has no column for PRODUCT_NAME
-- not SALES_BY_REP: SALES_BY_REP has no column for PRODUCT_NAME
-- not DAILY_SALES: DAILY_SALES has no column for PRODUCT_NAME
SELECT "sales_by_product"."PRODUCT_NAME" AS "product_name", CAST(SUM("sales_by_product"."REVENUE") AS DECIMAL(38,2)) AS "revenue" FROM "MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" GROUP BY "sales_by_product"."PRODUCT_NAME" ORDER BY "revenue" DESC NULLS LAST, "product_name" ASC NULLS LAST LIMIT 5 OFFSET 5
