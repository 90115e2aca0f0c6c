-- dialect: snowflake
-- fields: orders.customer_id, orders.customer_name, orders.total_revenue, orders.order_count
-- answered by: SALES_BY_CUSTOMER
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for CUSTOMER_ID
-- not SALES_BY_REGION: SALES_BY_REGION has no column for CUSTOMER_ID
-- not SALES_BY_REP: SALES_BY_REP has no column for CUSTOMER_ID
-- not DAILY_SALES: DAILY_SALES has no column for CUSTOMER_ID
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for CUSTOMER_ID
SELECT "sales_by_customer"."CUSTOMER_ID" AS "customer_id", "sales_by_customer"."CUSTOMER_NAME" AS "customer_name", CAST(SUM("sales_by_customer"."LIFETIME_REVENUE") AS NUMBER(38,2)) AS "revenue", CAST(COALESCE(SUM("sales_by_customer"."ORDERS"), 0) AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_CUSTOMER" AS "sales_by_customer" GROUP BY "sales_by_customer"."CUSTOMER_ID", "sales_by_customer"."CUSTOMER_NAME" ORDER BY "revenue" DESC NULLS LAST, "customer_id" ASC NULLS LAST, "customer_name" ASC NULLS LAST LIMIT 10
