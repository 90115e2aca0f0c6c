-- dialect: duckdb
-- fields: orders.category, orders.total_revenue, orders.units_sold, orders.order_count, orders.distinct_products
SELECT "orders"."CATEGORY" AS "category", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue", CAST(SUM("orders"."QUANTITY") AS BIGINT) AS "units_sold", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "order_count", CAST(COUNT(DISTINCT "orders"."PRODUCT_ID") AS BIGINT) AS "distinct_products" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."CATEGORY" ORDER BY "revenue" DESC NULLS LAST, "category" ASC NULLS LAST
