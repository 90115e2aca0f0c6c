-- dialect: duckdb
-- fields: orders.product_name, orders.order_count, orders.order_date
WITH "g" AS (SELECT "orders"."PRODUCT_NAME" AS "product_name", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "orders" FROM "MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "orders"."PRODUCT_NAME"), "w" AS (SELECT x."product_name", x."orders", CAST(RANK() OVER (ORDER BY x."orders" DESC NULLS LAST) AS BIGINT) AS "rank" FROM "g" AS x QUALIFY RANK() OVER (ORDER BY x."orders" DESC NULLS LAST) <= 3) SELECT "w"."product_name", "w"."orders", "w"."rank" FROM "w" ORDER BY "rank" ASC NULLS LAST, "product_name" ASC NULLS LAST
-- arg 1: time.Time 2025-12-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
