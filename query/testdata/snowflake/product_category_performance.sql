-- dialect: snowflake
-- fields: orders.category, orders.total_revenue, orders.units_sold, orders.order_count, orders.distinct_products
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for CATEGORY
-- not SALES_BY_REGION: SALES_BY_REGION has no column for CATEGORY
-- not SALES_BY_REP: SALES_BY_REP has no column for CATEGORY
-- not DAILY_SALES: DAILY_SALES has no column for CATEGORY
SELECT "sales_by_product"."CATEGORY" AS "category", CAST(SUM("sales_by_product"."REVENUE") AS NUMBER(38,2)) AS "revenue", CAST(SUM("sales_by_product"."UNITS") AS NUMBER(38,0)) AS "units_sold", CAST(COALESCE(SUM("sales_by_product"."ORDERS"), 0) AS NUMBER(38,0)) AS "order_count", CAST(COUNT(DISTINCT "sales_by_product"."PRODUCT_ID") AS NUMBER(38,0)) AS "distinct_products" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" GROUP BY "sales_by_product"."CATEGORY" ORDER BY "revenue" DESC NULLS LAST, "category" ASC NULLS LAST
