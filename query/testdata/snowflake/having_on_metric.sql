-- dialect: snowflake
-- fields: orders.category, orders.total_revenue, orders.order_count
SELECT "orders"."CATEGORY" AS "category", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."CATEGORY" HAVING (SUM("orders"."NET_AMOUNT")) > CAST(? AS NUMBER(38,2)) ORDER BY "category" ASC NULLS LAST
-- arg 1: string 7000000
