-- dialect: snowflake
-- fields: orders.order_date, orders.total_revenue, orders.order_count, orders.rep_id
SELECT DATE_TRUNC('month', "orders"."ORDER_DATE") AS "order_date_month", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."REP_ID" = ? GROUP BY DATE_TRUNC('month', "orders"."ORDER_DATE") ORDER BY "order_date_month" ASC NULLS LAST
-- arg 1: int64 7
