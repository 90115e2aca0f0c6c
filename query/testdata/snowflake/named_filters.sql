-- dialect: snowflake
-- fields: orders.region, orders.total_revenue, orders.order_count, orders.completed_orders, orders.online_orders
SELECT "orders"."REGION" AS "region", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE ((("orders"."STATUS" = 'Completed')) AND (("orders"."CHANNEL" = 'Online'))) GROUP BY "orders"."REGION" ORDER BY "region" ASC NULLS LAST
