-- dialect: duckdb
-- fields: orders.product_name, orders.total_revenue, orders.order_count, orders.order_date
-- answered by: SALES_BY_PRODUCT
-- not SALES_BY_REGION: SALES_BY_REGION has no column for PRODUCT_NAME
-- not SALES_BY_REP: SALES_BY_REP has no column for PRODUCT_NAME
-- not DAILY_SALES: DAILY_SALES has no column for PRODUCT_NAME
WITH "g" AS (SELECT "sales_by_product"."PRODUCT_NAME" AS "product_name", CAST(SUM("sales_by_product"."REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE(SUM("sales_by_product"."ORDERS"), 0) AS BIGINT) AS "orders" FROM "MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" WHERE "sales_by_product"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "sales_by_product"."PRODUCT_NAME"), "w" AS (SELECT x."product_name", x."revenue", x."orders", SUM(x."revenue") OVER () AS "__total_0", CAST(ROW_NUMBER() OVER (ORDER BY x."revenue" DESC NULLS LAST, x."product_name" ASC NULLS LAST) AS BIGINT) AS "rank" FROM "g" AS x) SELECT * FROM (SELECT "w"."product_name", "w"."revenue", "w"."orders", "w"."rank", CAST((CAST(("w"."revenue") * 10000000 AS HUGEINT) // CAST(("w"."__total_0") * 100 AS HUGEINT)) * 0.00001 AS DECIMAL(38,4)) AS "revenue_share", FALSE AS "other", CAST(0 AS BIGINT) AS "other_count" FROM "w" WHERE "w"."rank" <= 5 UNION ALL SELECT NULL, CAST(SUM("w"."revenue") AS DECIMAL(38,2)), CAST(SUM("w"."orders") AS BIGINT), NULL, CAST((CAST((SUM("w"."revenue")) * 10000000 AS HUGEINT) // CAST((MAX("w"."__total_0")) * 100 AS HUGEINT)) * 0.00001 AS DECIMAL(38,4)), TRUE, CAST(COUNT(*) AS BIGINT) FROM "w" WHERE "w"."rank" > 5 HAVING COUNT(*) > 0) AS "r" ORDER BY "rank" ASC NULLS LAST, "product_name" ASC NULLS LAST
-- arg 1: time.Time 2025-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
