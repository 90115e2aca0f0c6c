-- dialect: snowflake
-- fields: orders.order_year, orders.total_revenue, orders.gross_revenue
-- answered by: FCT_ORDERS
-- not SALES_BY_REGION: SALES_BY_REGION has no column for ORDER_YEAR
-- not SALES_BY_REP: SALES_BY_REP has no column for ORDER_YEAR
-- not DAILY_SALES: DAILY_SALES has no column for ORDER_YEAR
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for ORDER_YEAR
-- not SALES_BY_CUSTOMER: SALES_BY_CUSTOMER has no column for ORDER_YEAR
-- not SALES_BY_CUSTOMER_YEAR: SUM(GROSS_AMOUNT) is not a measure of SALES_BY_CUSTOMER_YEAR
SELECT "orders"."ORDER_YEAR" AS "order_year_year", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue", CAST(SUM("orders"."GROSS_AMOUNT") AS NUMBER(38,2)) AS "gross_revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."ORDER_YEAR" ORDER BY "order_year_year" ASC NULLS LAST
