-- dialect: snowflake
-- fields: orders.segment, orders.total_revenue, orders.distinct_customers, orders.revenue_per_customer
-- answered by: SALES_BY_CUSTOMER
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for SEGMENT
-- not SALES_BY_REGION: SALES_BY_REGION has no column for SEGMENT
-- not SALES_BY_REP: SALES_BY_REP has no column for SEGMENT
-- not DAILY_SALES: DAILY_SALES has no column for SEGMENT
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for SEGMENT
SELECT "sales_by_customer"."SEGMENT" AS "segment", CAST(SUM("sales_by_customer"."LIFETIME_REVENUE") AS NUMBER(38,2)) AS "revenue", CAST(COUNT(DISTINCT "sales_by_customer"."CUSTOMER_ID") AS NUMBER(38,0)) AS "distinct_customers", CAST(ROUND((SUM("sales_by_customer"."LIFETIME_REVENUE")) / NULLIF(COUNT(DISTINCT "sales_by_customer"."CUSTOMER_ID"), 0), 2) AS NUMBER(38,2)) AS "revenue_per_customer" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_CUSTOMER" AS "sales_by_customer" GROUP BY "sales_by_customer"."SEGMENT" ORDER BY "segment" ASC NULLS LAST
