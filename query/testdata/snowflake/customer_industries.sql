-- dialect: snowflake
-- fields: orders.industry, orders.total_revenue, orders.order_count
SELECT "orders"."INDUSTRY" AS "industry", CAST((SUM("orders"."NET_AMOUNT")) AS NUMBER(38,2)) AS "total_revenue", CAST((COUNT(DISTINCT "orders"."ORDER_ID")) AS NUMBER(38,0)) AS "order_count" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."INDUSTRY" ORDER BY "total_revenue" DESC NULLS LAST, "industry" ASC NULLS LAST
