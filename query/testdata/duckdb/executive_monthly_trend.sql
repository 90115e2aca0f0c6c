-- dialect: duckdb
-- fields: orders.order_date, orders.total_revenue
-- answered by: SALES_BY_REGION
SELECT "sales_by_region"."MONTH" AS "order_date_month", CAST(SUM("sales_by_region"."REVENUE") AS DECIMAL(38,2)) AS "revenue" FROM "MARTS"."SALES_BY_REGION" AS "sales_by_region" GROUP BY "sales_by_region"."MONTH" ORDER BY "order_date_month" ASC NULLS LAST
