-- dialect: duckdb
-- fields: orders.total_revenue, orders.order_count, orders.average_order_value, orders.order_date
-- answered by: SALES_BY_MONTH
-- not SALES_BY_YEAR: the range 2027-01-01 to 2027-01-31 does not start and end on whole years, the grain of SALES_BY_YEAR
-- not SALES_BY_SEGMENT_YEAR: the range 2027-01-01 to 2027-01-31 does not start and end on whole years, the grain of SALES_BY_SEGMENT_YEAR
-- not SALES_BY_REGION_YEAR: the range 2027-01-01 to 2027-01-31 does not start and end on whole years, the grain of SALES_BY_REGION_YEAR
-- not SALES_BY_INDUSTRY_YEAR: the range 2027-01-01 to 2027-01-31 does not start and end on whole years, the grain of SALES_BY_INDUSTRY_YEAR
SELECT CAST(SUM("sales_by_month"."REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE(SUM("sales_by_month"."ORDERS"), 0) AS BIGINT) AS "orders", CAST((CAST((SUM("sales_by_month"."REVENUE")) * 1000 AS HUGEINT) // CAST(COALESCE(SUM("sales_by_month"."ORDERS"), 0) AS HUGEINT)) * 0.001 AS DECIMAL(38,2)) AS "aov" FROM "MARTS"."SALES_BY_MONTH" AS "sales_by_month" WHERE "sales_by_month"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
-- arg 1: time.Time 2027-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2027-01-31 00:00:00 +0000 UTC
