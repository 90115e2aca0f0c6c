-- dialect: duckdb
-- fields: orders.state, orders.order_count, orders.net_amount
-- answered by: FCT_ORDERS
-- not SALES_BY_REGION: SALES_BY_REGION has no column for STATE
-- not SALES_BY_REP: SALES_BY_REP has no column for STATE
-- not DAILY_SALES: DAILY_SALES has no column for STATE
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for STATE
-- not SALES_BY_CUSTOMER: SALES_BY_CUSTOMER has no column for STATE
SELECT "orders"."STATE" AS "state", CAST(COUNT("orders"."ORDER_ID") AS BIGINT) AS "orders" FROM "MARTS"."FCT_ORDERS" AS "orders" WHERE "orders"."NET_AMOUNT" >= CAST(? AS DECIMAL(38,2)) GROUP BY "orders"."STATE" ORDER BY "orders" DESC NULLS LAST, "state" ASC NULLS LAST LIMIT 5
-- arg 1: string 2500.5
