-- dialect: snowflake
-- fields: orders.order_date, orders.channel, orders.total_revenue
SELECT DATE_TRUNC('quarter', "orders"."ORDER_DATE") AS "order_date_quarter", "orders"."CHANNEL" AS "channel", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY DATE_TRUNC('quarter', "orders"."ORDER_DATE"), "orders"."CHANNEL" ORDER BY "order_date_quarter" ASC NULLS LAST, "channel" ASC NULLS LAST
