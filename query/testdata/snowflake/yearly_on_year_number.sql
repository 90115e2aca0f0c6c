-- dialect: snowflake
-- fields: orders.order_year, orders.total_revenue, orders.gross_revenue
SELECT "orders"."ORDER_YEAR" AS "order_year_year", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(SUM("orders"."GROSS_AMOUNT") AS NUMBER(38,2)) AS "gross_revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."ORDER_YEAR" ORDER BY "order_year_year" ASC NULLS LAST
