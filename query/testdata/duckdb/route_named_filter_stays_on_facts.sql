-- dialect: duckdb
-- fields: orders.region, orders.total_revenue, orders.completed_orders
-- answered by: FCT_ORDERS
-- not SALES_BY_REGION: SALES_BY_REGION has no column for STATUS
-- not SALES_BY_REP: SALES_BY_REP has no column for STATUS
-- not DAILY_SALES: DAILY_SALES has no column for STATUS
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for REGION
-- not SALES_BY_CUSTOMER: SALES_BY_CUSTOMER has no column for REGION
-- not SALES_BY_CUSTOMER_YEAR: SALES_BY_CUSTOMER_YEAR has no column for REGION
SELECT "orders"."REGION" AS "region", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue" FROM "MARTS"."FCT_ORDERS" AS "orders" WHERE (("orders"."STATUS" = 'Completed')) GROUP BY "orders"."REGION" ORDER BY "region" ASC NULLS LAST
