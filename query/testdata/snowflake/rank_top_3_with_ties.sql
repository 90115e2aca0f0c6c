-- dialect: snowflake
-- fields: orders.product_name, orders.order_count, orders.order_date
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for PRODUCT_NAME
-- not SALES_BY_REGION: SALES_BY_REGION has no column for PRODUCT_NAME
-- not SALES_BY_REP: SALES_BY_REP has no column for PRODUCT_NAME
-- not DAILY_SALES: DAILY_SALES has no column for PRODUCT_NAME
WITH "g" AS (SELECT "sales_by_product"."PRODUCT_NAME" AS "product_name", CAST(COALESCE(SUM("sales_by_product"."ORDERS"), 0) AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" WHERE "sales_by_product"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "sales_by_product"."PRODUCT_NAME"), "w" AS (SELECT x."product_name", x."orders", CAST(RANK() OVER (ORDER BY x."orders" DESC NULLS LAST) AS NUMBER(38,0)) AS "rank" FROM "g" AS x QUALIFY RANK() OVER (ORDER BY x."orders" DESC NULLS LAST) <= 3) SELECT "w"."product_name", "w"."orders", "w"."rank" FROM "w" ORDER BY "rank" ASC NULLS LAST, "product_name" ASC NULLS LAST
-- arg 1: time.Time 2025-12-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
