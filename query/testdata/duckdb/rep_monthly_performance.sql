-- dialect: duckdb
-- fields: orders.order_date, orders.total_revenue, orders.order_count, orders.rep_id
-- answered by: SALES_BY_REP
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REP_ID
-- not SALES_BY_REGION: SALES_BY_REGION has no column for REP_ID
SELECT "sales_by_rep"."MONTH" AS "order_date_month", CAST(SUM("sales_by_rep"."REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE(SUM("sales_by_rep"."ORDERS"), 0) AS BIGINT) AS "orders" FROM "MARTS"."SALES_BY_REP" AS "sales_by_rep" WHERE "sales_by_rep"."REP_ID" = ? GROUP BY "sales_by_rep"."MONTH" ORDER BY "order_date_month" ASC NULLS LAST
-- arg 1: int64 7
