-- dialect: snowflake
-- fields: orders.total_revenue, orders.order_count, orders.average_order_value, orders.distinct_customers, orders.units_sold, orders.order_date
SELECT CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "total_revenue", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "order_count", CAST(ROUND((SUM("orders"."NET_AMOUNT")) / NULLIF(COUNT("orders"."ORDER_ID"), 0), 2) AS NUMBER(38,2)) AS "average_order_value", CAST(COUNT(DISTINCT "orders"."CUSTOMER_ID") AS NUMBER(38,0)) AS "distinct_customers", CAST(SUM("orders"."QUANTITY") AS NUMBER(38,0)) AS "units_sold" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
-- arg 1: time.Time 2024-07-04 00:00:00 +0000 UTC
-- arg 2: time.Time 2024-12-31 00:00:00 +0000 UTC
