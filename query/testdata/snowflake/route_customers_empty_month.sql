-- dialect: snowflake
-- fields: orders.distinct_customers, orders.order_count, orders.order_date
-- answered by: SALES_BY_MONTH
-- not SALES_BY_YEAR: the range 2027-01-01 to 2027-01-31 does not start and end on whole years, the grain of SALES_BY_YEAR
-- not SALES_BY_SEGMENT_YEAR: the range 2027-01-01 to 2027-01-31 does not start and end on whole years, the grain of SALES_BY_SEGMENT_YEAR
-- not SALES_BY_REGION_YEAR: the range 2027-01-01 to 2027-01-31 does not start and end on whole years, the grain of SALES_BY_REGION_YEAR
-- not SALES_BY_INDUSTRY_YEAR: the range 2027-01-01 to 2027-01-31 does not start and end on whole years, the grain of SALES_BY_INDUSTRY_YEAR
SELECT CAST(COALESCE(SUM("sales_by_month"."CUSTOMERS"), 0) AS NUMBER(38,0)) AS "customers", CAST(COALESCE(SUM("sales_by_month"."ORDERS"), 0) AS NUMBER(38,0)) AS "orders" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_MONTH" AS "sales_by_month" WHERE "sales_by_month"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
-- arg 1: time.Time 2027-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2027-01-31 00:00:00 +0000 UTC
