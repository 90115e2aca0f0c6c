-- dialect: snowflake
-- fields: orders.product_id, orders.product_name, orders.total_revenue, orders.order_date
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for PRODUCT_ID
-- not SALES_BY_REGION: SALES_BY_REGION has no column for PRODUCT_ID
-- not SALES_BY_REP: SALES_BY_REP has no column for PRODUCT_ID
-- not DAILY_SALES: DAILY_SALES has no column for PRODUCT_ID
SELECT "sales_by_product"."PRODUCT_ID" AS "product_id", "sales_by_product"."PRODUCT_NAME" AS "product_name", CAST(SUM("sales_by_product"."REVENUE") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" WHERE "sales_by_product"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "sales_by_product"."PRODUCT_ID", "sales_by_product"."PRODUCT_NAME" ORDER BY "revenue" DESC NULLS LAST, "product_id" ASC NULLS LAST, "product_name" ASC NULLS LAST LIMIT 10
-- arg 1: time.Time 2025-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
