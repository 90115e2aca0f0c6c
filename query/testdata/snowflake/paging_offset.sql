-- dialect: snowflake
-- fields: orders.product_name, orders.total_revenue
SELECT "orders"."PRODUCT_NAME" AS "product_name", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."PRODUCT_NAME" ORDER BY "revenue" DESC NULLS LAST, "product_name" ASC NULLS LAST LIMIT 5 OFFSET 5
