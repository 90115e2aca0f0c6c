-- dialect: snowflake
-- fields: orders.total_revenue, orders.order_count, orders.average_order_value, orders.distinct_customers, orders.units_sold
-- answered by: SALES_BY_CUSTOMER_YEAR
-- not SALES_BY_MONTH: orders.distinct_customers counts distinct values per row of SALES_BY_MONTH, which only add up when the request groups by all of MONTH (one row per group)
-- not SALES_BY_REGION: orders.distinct_customers counts distinct values per row of SALES_BY_REGION, which only add up when the request groups by all of REGION, MONTH (one row per group)
-- not SALES_BY_REP: SUM(QUANTITY) is not a measure of SALES_BY_REP
-- not DAILY_SALES: orders.distinct_customers counts distinct values per row of DAILY_SALES, which only add up when the request groups by all of SALES_DATE, REGION (one row per group)
-- not SALES_BY_PRODUCT: COUNT(DISTINCT CUSTOMER_ID) is not a measure of SALES_BY_PRODUCT
-- not SALES_BY_CUSTOMER: SUM(QUANTITY) is not a measure of SALES_BY_CUSTOMER
SELECT CAST(SUM("sales_by_customer_year"."REVENUE") AS NUMBER(38,2)) AS "total_revenue", CAST(COALESCE(SUM("sales_by_customer_year"."ORDERS"), 0) AS NUMBER(38,0)) AS "order_count", CAST(ROUND((SUM("sales_by_customer_year"."REVENUE")) / NULLIF(COALESCE(SUM("sales_by_customer_year"."ORDERS"), 0), 0), 2) AS NUMBER(38,2)) AS "average_order_value", CAST(COUNT(DISTINCT "sales_by_customer_year"."CUSTOMER_ID") AS NUMBER(38,0)) AS "distinct_customers", CAST(SUM("sales_by_customer_year"."UNITS") AS NUMBER(38,0)) AS "units_sold" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_CUSTOMER_YEAR" AS "sales_by_customer_year"
