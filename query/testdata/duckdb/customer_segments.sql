-- dialect: duckdb
-- fields: orders.segment, orders.total_revenue, orders.distinct_customers, orders.revenue_per_customer
-- answered by: SALES_BY_CUSTOMER
-- not SALES_BY_REGION: SALES_BY_REGION has no column for SEGMENT
-- not SALES_BY_REP: SALES_BY_REP has no column for SEGMENT
-- not DAILY_SALES: DAILY_SALES has no column for SEGMENT
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for SEGMENT
SELECT "sales_by_customer"."SEGMENT" AS "segment", CAST(SUM("sales_by_customer"."LIFETIME_REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COUNT(DISTINCT "sales_by_customer"."CUSTOMER_ID") AS BIGINT) AS "distinct_customers", CAST(CAST(SIGN(CAST((SUM("sales_by_customer"."LIFETIME_REVENUE")) * 100 AS HUGEINT)) * SIGN(CAST((COUNT(DISTINCT "sales_by_customer"."CUSTOMER_ID")) * 1 AS HUGEINT)) * ((ABS(CAST((SUM("sales_by_customer"."LIFETIME_REVENUE")) * 100 AS HUGEINT)) * 100 * 2 + ABS(CAST((COUNT(DISTINCT "sales_by_customer"."CUSTOMER_ID")) * 1 AS HUGEINT)) * 100) // NULLIF(ABS(CAST((COUNT(DISTINCT "sales_by_customer"."CUSTOMER_ID")) * 1 AS HUGEINT)) * 100 * 2, 0)) AS DECIMAL(38,0)) * CAST(0.01 AS DECIMAL(3,2)) AS DECIMAL(38,2)) AS "revenue_per_customer" FROM "MARTS"."SALES_BY_CUSTOMER" AS "sales_by_customer" GROUP BY "sales_by_customer"."SEGMENT" ORDER BY "segment" ASC NULLS LAST
