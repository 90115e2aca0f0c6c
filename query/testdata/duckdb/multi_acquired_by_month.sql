-- dialect: duckdb
-- fields: customers.first_order_date, customers.acquired_customers, customers.lifetime_value
-- answered by: SALES_BY_CUSTOMER
SELECT CAST(DATE_TRUNC('month', "customers"."FIRST_ORDER_DATE") AS DATE) AS "first_order_date_month", CAST(COUNT(*) AS BIGINT) AS "acquired_customers", CAST(SUM("customers"."LIFETIME_REVENUE") AS DECIMAL(38,2)) AS "lifetime_value" FROM "MARTS"."SALES_BY_CUSTOMER" AS "customers" WHERE "customers"."FIRST_ORDER_DATE" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY CAST(DATE_TRUNC('month', "customers"."FIRST_ORDER_DATE") AS DATE) ORDER BY "first_order_date_month" ASC NULLS LAST
-- arg 1: time.Time 2024-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2024-12-31 00:00:00 +0000 UTC
