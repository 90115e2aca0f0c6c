-- dialect: snowflake
-- fields: orders.order_date, orders.rep_id, orders.rep_name, orders.total_revenue, orders.distinct_customers
-- answered by: SALES_BY_REP
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REP_ID
-- not SALES_BY_REGION: SALES_BY_REGION has no column for REP_ID
SELECT "sales_by_rep"."MONTH" AS "order_date_month", "sales_by_rep"."REP_ID" AS "rep_id", "sales_by_rep"."REP_NAME" AS "rep_name", CAST("sales_by_rep"."REVENUE" AS NUMBER(38,2)) AS "revenue", CAST("sales_by_rep"."CUSTOMERS" AS NUMBER(38,0)) AS "customers" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_REP" AS "sales_by_rep" WHERE "sales_by_rep"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) ORDER BY "order_date_month" ASC NULLS LAST, "rep_id" ASC NULLS LAST, "rep_name" ASC NULLS LAST
-- arg 1: time.Time 2025-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
