-- dialect: duckdb
-- fields: orders.industry, orders.total_revenue, orders.order_count
-- answered by: SALES_BY_CUSTOMER
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for INDUSTRY
-- not SALES_BY_REGION: SALES_BY_REGION has no column for INDUSTRY
-- not SALES_BY_REP: SALES_BY_REP has no column for INDUSTRY
-- not DAILY_SALES: DAILY_SALES has no column for INDUSTRY
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for INDUSTRY
SELECT "sales_by_customer"."INDUSTRY" AS "industry", CAST(SUM("sales_by_customer"."LIFETIME_REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE(SUM("sales_by_customer"."ORDERS"), 0) AS BIGINT) AS "orders" FROM "MARTS"."SALES_BY_CUSTOMER" AS "sales_by_customer" GROUP BY "sales_by_customer"."INDUSTRY" ORDER BY "revenue" DESC NULLS LAST, "industry" ASC NULLS LAST
