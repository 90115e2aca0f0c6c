-- dialect: snowflake
-- fields: orders.region, orders.total_revenue
SELECT "orders"."REGION" AS "region", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."REGION" ORDER BY "revenue" DESC NULLS LAST, "region" ASC NULLS LAST
