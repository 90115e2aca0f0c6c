-- dialect: snowflake
-- fields: orders.segment, orders.total_revenue, orders.distinct_customers, orders.revenue_per_customer
SELECT "orders"."SEGMENT" AS "segment", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(COUNT(DISTINCT "orders"."CUSTOMER_ID") AS NUMBER(38,0)) AS "distinct_customers", CAST(ROUND((SUM("orders"."NET_AMOUNT")) / NULLIF(COUNT(DISTINCT "orders"."CUSTOMER_ID"), 0), 2) AS NUMBER(38,2)) AS "revenue_per_customer" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."SEGMENT" ORDER BY "segment" ASC NULLS LAST
