-- dialect: snowflake
-- fields: orders.order_date, orders.channel, orders.total_revenue
-- answered by: FCT_ORDERS
-- not SALES_BY_REGION: SALES_BY_REGION has no column for CHANNEL
-- not SALES_BY_REP: SALES_BY_REP has no column for CHANNEL
-- not DAILY_SALES: DAILY_SALES has no column for CHANNEL
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for CHANNEL
-- not SALES_BY_CUSTOMER: SALES_BY_CUSTOMER has no column for ORDER_DATE
-- not SALES_BY_CUSTOMER_YEAR: SALES_BY_CUSTOMER_YEAR has no column for CHANNEL
SELECT "orders"."ORDER_QUARTER" AS "order_date_quarter", "orders"."CHANNEL" AS "channel", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."ORDER_QUARTER", "orders"."CHANNEL" ORDER BY "order_date_quarter" ASC NULLS LAST, "channel" ASC NULLS LAST
