-- dialect: snowflake
-- fields: orders.order_date, orders.region, orders.total_revenue, orders.order_count
SELECT DATE_TRUNC('month', "orders"."ORDER_DATE") AS "order_date_month", "orders"."REGION" AS "region", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY DATE_TRUNC('month', "orders"."ORDER_DATE"), "orders"."REGION" ORDER BY "order_date_month" ASC NULLS LAST, "region" ASC NULLS LAST
