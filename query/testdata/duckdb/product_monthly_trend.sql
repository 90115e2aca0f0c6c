-- dialect: duckdb
-- fields: orders.order_date, orders.total_revenue, orders.units_sold, orders.product_name
SELECT CAST(DATE_TRUNC('month', "orders"."ORDER_DATE") AS DATE) AS "order_date_month", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue", CAST(SUM("orders"."QUANTITY") AS BIGINT) AS "units_sold" FROM "MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."PRODUCT_NAME" = ? GROUP BY CAST(DATE_TRUNC('month', "orders"."ORDER_DATE") AS DATE) ORDER BY "order_date_month" ASC NULLS LAST
-- arg 1: string Product_0239
