-- dialect: duckdb
-- fields: orders.rep_name, orders.rep_id, orders.region, orders.total_revenue, orders.order_count, orders.distinct_customers, orders.average_order_value
-- answered by: FCT_ORDERS
-- not SALES_BY_REGION: SALES_BY_REGION has no column for REP_NAME
-- not SALES_BY_REP: orders.distinct_customers counts distinct values per row of SALES_BY_REP, which only add up when the request groups by its whole key (REP_ID, MONTH)
-- not DAILY_SALES: DAILY_SALES has no column for REP_NAME
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for REP_NAME
-- not SALES_BY_CUSTOMER: SALES_BY_CUSTOMER has no column for REP_NAME
SELECT "orders"."REP_NAME" AS "rep_name", "orders"."REP_ID" AS "rep_id", "orders"."REGION" AS "region", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "orders", CAST(COUNT(DISTINCT "orders"."CUSTOMER_ID") AS BIGINT) AS "customers", CAST((CAST((SUM("orders"."NET_AMOUNT")) * 1000 AS HUGEINT) // CAST(COUNT("orders"."ORDER_ID") AS HUGEINT)) * 0.001 AS DECIMAL(38,2)) AS "aov" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."REP_NAME", "orders"."REP_ID", "orders"."REGION" ORDER BY "revenue" DESC NULLS LAST, "rep_name" ASC NULLS LAST, "rep_id" ASC NULLS LAST, "region" ASC NULLS LAST
