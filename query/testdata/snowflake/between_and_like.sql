-- dialect: snowflake
-- fields: orders.category, orders.total_revenue, orders.order_count, orders.quantity, orders.product_name
SELECT "orders"."CATEGORY" AS "category", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE ("orders"."QUANTITY" BETWEEN ? AND ? AND "orders"."PRODUCT_NAME" LIKE ?) GROUP BY "orders"."CATEGORY" ORDER BY "category" ASC NULLS LAST
-- arg 1: int64 2
-- arg 2: int64 4
-- arg 3: string Product_00%
