-- dialect: duckdb
-- fields: orders.total_revenue, orders.order_count, orders.average_order_value, orders.distinct_customers, orders.units_sold
-- answered by: FCT_ORDERS
-- not SALES_BY_REGION: orders.distinct_customers counts distinct values per row of SALES_BY_REGION, which only add up when the request groups by its whole key (REGION, MONTH)
-- not SALES_BY_REP: SUM(QUANTITY) is not a measure of SALES_BY_REP
-- not DAILY_SALES: orders.distinct_customers counts distinct values per row of DAILY_SALES, which only add up when the request groups by its whole key (SALES_DATE, REGION)
-- not SALES_BY_PRODUCT: COUNT(DISTINCT CUSTOMER_ID) is not a measure of SALES_BY_PRODUCT
-- not SALES_BY_CUSTOMER: SUM(QUANTITY) is not a measure of SALES_BY_CUSTOMER
SELECT CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "total_revenue", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "order_count", CAST((CAST((SUM("orders"."NET_AMOUNT")) * 1000 AS HUGEINT) // CAST(COUNT("orders"."ORDER_ID") AS HUGEINT)) * 0.001 AS DECIMAL(38,2)) AS "average_order_value", CAST(COUNT(DISTINCT "orders"."CUSTOMER_ID") AS BIGINT) AS "distinct_customers", CAST(SUM("orders"."QUANTITY") AS BIGINT) AS "units_sold" FROM "MARTS"."FCT_ORDERS" AS "orders"
