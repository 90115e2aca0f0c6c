-- dialect: duckdb
-- fields: orders.category, orders.product_name, orders.total_revenue, orders.order_count, orders.order_date
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for CATEGORY
-- not SALES_BY_REGION: SALES_BY_REGION has no column for CATEGORY
-- not SALES_BY_REP: SALES_BY_REP has no column for CATEGORY
-- not DAILY_SALES: DAILY_SALES has no column for CATEGORY
WITH "g" AS (SELECT "sales_by_product"."CATEGORY" AS "category", "sales_by_product"."PRODUCT_NAME" AS "product_name", CAST(SUM("sales_by_product"."REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE(SUM("sales_by_product"."ORDERS"), 0) AS BIGINT) AS "orders" FROM "MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" WHERE "sales_by_product"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "sales_by_product"."CATEGORY", "sales_by_product"."PRODUCT_NAME"), "w" AS (SELECT x."category", x."product_name", x."revenue", x."orders", CAST(ROW_NUMBER() OVER (PARTITION BY x."category" ORDER BY x."revenue" DESC NULLS LAST, x."product_name" ASC NULLS LAST) AS BIGINT) AS "rank", COUNT(*) OVER (PARTITION BY x."category") AS "__parts" FROM "g" AS x) SELECT * FROM (SELECT "w"."category", "w"."product_name", "w"."revenue", "w"."orders", "w"."rank", FALSE AS "other", CAST(0 AS BIGINT) AS "other_count" FROM "w" WHERE ("w"."rank" <= 3 OR NOT "w"."__parts" >= 7) UNION ALL SELECT "w"."category", NULL, CAST(SUM("w"."revenue") AS DECIMAL(38,2)), CAST(SUM("w"."orders") AS BIGINT), NULL, TRUE, CAST(COUNT(*) AS BIGINT) FROM "w" WHERE "w"."rank" > 3 AND "w"."__parts" >= 7 GROUP BY "w"."category") AS "r" ORDER BY "category" ASC NULLS LAST, "rank" ASC NULLS LAST, "product_name" ASC NULLS LAST
-- arg 1: time.Time 2025-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
