-- dialect: snowflake
-- fields: orders.order_date, orders.total_revenue, orders.units_sold, orders.product_name
SELECT DATE_TRUNC('month', "orders"."ORDER_DATE") AS "order_date_month", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(SUM("orders"."QUANTITY") AS NUMBER(38,0)) AS "units_sold" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."PRODUCT_NAME" = ? GROUP BY DATE_TRUNC('month', "orders"."ORDER_DATE") ORDER BY "order_date_month" ASC NULLS LAST
-- arg 1: string Product_0239
