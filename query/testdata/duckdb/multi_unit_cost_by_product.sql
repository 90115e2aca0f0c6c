-- dialect: duckdb
-- fields: orders.product_id, orders.total_revenue, products.average_unit_cost
-- answered by: SALES_BY_PRODUCT + STG_PRODUCTS
WITH "t0" AS (SELECT "sales_by_product"."PRODUCT_ID" AS "product_id", CAST(SUM("sales_by_product"."REVENUE") AS DECIMAL(38,2)) AS "total_revenue" FROM "MARTS"."SALES_BY_PRODUCT" AS "sales_by_product" WHERE "sales_by_product"."PRODUCT_ID" IN (?, ?, ?) GROUP BY "sales_by_product"."PRODUCT_ID"), "t1" AS (SELECT "products"."PRODUCT_ID" AS "product_id", CAST((CAST((SUM("products"."UNIT_COST")) * 1000 AS HUGEINT) // CAST(COUNT("products"."UNIT_COST") AS HUGEINT)) * 0.001 AS DECIMAL(38,2)) AS "average_unit_cost" FROM "STAGING"."STG_PRODUCTS" AS "products" WHERE "products"."PRODUCT_ID" IN (?, ?, ?) GROUP BY "products"."PRODUCT_ID") SELECT "t0"."product_id" AS "product_id", CAST("t0"."total_revenue" AS DECIMAL(38,2)) AS "revenue", CAST("t1"."average_unit_cost" AS DECIMAL(38,2)) AS "average_unit_cost" FROM "t0" LEFT JOIN "t1" ON "t0"."product_id" = "t1"."product_id" ORDER BY "product_id" ASC NULLS LAST
-- arg 1: int64 1
-- arg 2: int64 2
-- arg 3: int64 3
-- arg 4: int64 1
-- arg 5: int64 2
-- arg 6: int64 3
