-- dialect: duckdb
-- fields: orders.is_discounted, orders.order_count, orders.average_unit_price
-- answered by: FCT_ORDERS
-- not SALES_BY_REGION: SALES_BY_REGION has no column for IS_DISCOUNTED
-- not SALES_BY_REP: SALES_BY_REP has no column for IS_DISCOUNTED
-- not DAILY_SALES: DAILY_SALES has no column for IS_DISCOUNTED
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for IS_DISCOUNTED
-- not SALES_BY_CUSTOMER: SALES_BY_CUSTOMER has no column for IS_DISCOUNTED
SELECT "orders"."IS_DISCOUNTED" AS "is_discounted", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "orders", CAST((CAST((SUM("orders"."UNIT_PRICE")) * 1000 AS HUGEINT) // CAST(COUNT("orders"."UNIT_PRICE") AS HUGEINT)) * 0.001 AS DECIMAL(38,2)) AS "average_unit_price" FROM "MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."IS_DISCOUNTED" = ? GROUP BY "orders"."IS_DISCOUNTED" ORDER BY "is_discounted" ASC NULLS LAST
-- arg 1: bool true
