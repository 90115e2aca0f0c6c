-- dialect: snowflake
-- fields: orders.customer_id, orders.customer_name, orders.total_revenue, orders.order_count
SELECT "orders"."CUSTOMER_ID" AS "customer_id", "orders"."CUSTOMER_NAME" AS "customer_name", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."CUSTOMER_ID", "orders"."CUSTOMER_NAME" ORDER BY "revenue" DESC NULLS LAST, "customer_id" ASC NULLS LAST, "customer_name" ASC NULLS LAST LIMIT 10
