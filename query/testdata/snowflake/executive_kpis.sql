-- dialect: snowflake
-- fields: orders.total_revenue, orders.order_count, orders.average_order_value, orders.distinct_customers, orders.units_sold
-- answered by: SALES_BY_REGION
-- its distinct counts apart, by: SALES_BY_CUSTOMER (no table answers the whole request:)
-- not SALES_BY_REGION: orders.distinct_customers counts distinct values per row of SALES_BY_REGION, which only add up when the request groups by its whole key (REGION, MONTH)
-- not SALES_BY_REP: SUM(QUANTITY) is not a measure of SALES_BY_REP
-- not DAILY_SALES: orders.distinct_customers counts distinct values per row of DAILY_SALES, which only add up when the request groups by its whole key (SALES_DATE, REGION)
-- not SALES_BY_PRODUCT: COUNT(DISTINCT CUSTOMER_ID) is not a measure of SALES_BY_PRODUCT
-- not SALES_BY_CUSTOMER: SUM(QUANTITY) is not a measure of SALES_BY_CUSTOMER
SELECT "s"."total_revenue" AS "total_revenue", "s"."order_count" AS "order_count", "s"."average_order_value" AS "average_order_value", "d"."distinct_customers" AS "distinct_customers", "s"."units_sold" AS "units_sold" FROM (SELECT CAST(SUM("sales_by_region"."REVENUE") AS NUMBER(38,2)) AS "total_revenue", CAST(COALESCE(SUM("sales_by_region"."ORDERS"), 0) AS NUMBER(38,0)) AS "order_count", CAST(ROUND((SUM("sales_by_region"."REVENUE")) / NULLIF(COALESCE(SUM("sales_by_region"."ORDERS"), 0), 0), 2) AS NUMBER(38,2)) AS "average_order_value", CAST(SUM("sales_by_region"."UNITS") AS NUMBER(38,0)) AS "units_sold" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_REGION" AS "sales_by_region") AS "s" CROSS JOIN (SELECT CAST(COUNT(DISTINCT "sales_by_customer"."CUSTOMER_ID") AS NUMBER(38,0)) AS "distinct_customers" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_CUSTOMER" AS "sales_by_customer") AS "d"
