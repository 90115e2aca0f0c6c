-- dialect: snowflake
-- fields: orders.order_date, orders.total_revenue, orders.units_sold, orders.product_name
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for PRODUCT_NAME
-- not SALES_BY_REGION: SALES_BY_REGION has no column for PRODUCT_NAME
-- not SALES_BY_REP: SUM(QUANTITY) is not a measure of SALES_BY_REP
-- not DAILY_SALES: DAILY_SALES has no column for PRODUCT_NAME
SELECT "sales_by_product"."MONTH" AS "order_date_month", CAST(SUM("sales_by_product"."REVENUE") AS NUMBER(38,2)) AS "revenue", CAST(SUM("sales_by_product"."UNITS") AS NUMBER(38,0)) AS "units_sold" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" WHERE "sales_by_product"."PRODUCT_NAME" = ? GROUP BY "sales_by_product"."MONTH" ORDER BY "order_date_month" ASC NULLS LAST
-- arg 1: string Product_0239
