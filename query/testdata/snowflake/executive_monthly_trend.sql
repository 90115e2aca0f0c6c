-- dialect: snowflake
-- fields: orders.order_date, orders.total_revenue
SELECT DATE_TRUNC('month', "orders"."ORDER_DATE") AS "order_date_month", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY DATE_TRUNC('month', "orders"."ORDER_DATE") ORDER BY "order_date_month" ASC NULLS LAST
