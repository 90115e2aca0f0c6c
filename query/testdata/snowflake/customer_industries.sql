-- dialect: snowflake
-- fields: orders.industry, orders.total_revenue, orders.order_count
SELECT "orders"."INDUSTRY" AS "industry", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."INDUSTRY" ORDER BY "revenue" DESC NULLS LAST, "industry" ASC NULLS LAST
