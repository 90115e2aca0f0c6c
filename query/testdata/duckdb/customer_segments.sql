-- dialect: duckdb
-- fields: orders.segment, orders.total_revenue, orders.distinct_customers, orders.revenue_per_customer
-- answered by: SALES_BY_CUSTOMER
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for SEGMENT
-- not SALES_BY_REGION: SALES_BY_REGION has no column for SEGMENT
-- not SALES_BY_REP: SALES_BY_REP has no column for SEGMENT
-- not DAILY_SALES: DAILY_SALES has no column for SEGMENT
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for SEGMENT
SELECT "sales_by_customer"."SEGMENT" AS "segment", CAST(SUM("sales_by_customer"."LIFETIME_REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COUNT(DISTINCT "sales_by_customer"."CUSTOMER_ID") AS BIGINT) AS "distinct_customers", CAST((CAST((SUM("sales_by_customer"."LIFETIME_REVENUE")) * 1000 AS HUGEINT) // CAST(COUNT(DISTINCT "sales_by_customer"."CUSTOMER_ID") AS HUGEINT)) * 0.001 AS DECIMAL(38,2)) AS "revenue_per_customer" FROM "MARTS"."SALES_BY_CUSTOMER" AS "sales_by_customer" GROUP BY "sales_by_customer"."SEGMENT" ORDER BY "segment" ASC NULLS LAST
