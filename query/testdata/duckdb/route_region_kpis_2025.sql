-- dialect: duckdb
-- fields: orders.region, orders.total_revenue, orders.order_count, orders.average_order_value, orders.order_date
-- answered by: SALES_BY_REGION
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REGION
SELECT "sales_by_region"."REGION" AS "region", CAST(SUM("sales_by_region"."REVENUE") AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE(SUM("sales_by_region"."ORDERS"), 0) AS BIGINT) AS "orders", CAST((CAST((SUM("sales_by_region"."REVENUE")) * 1000 AS HUGEINT) // CAST(COALESCE(SUM("sales_by_region"."ORDERS"), 0) AS HUGEINT)) * 0.001 AS DECIMAL(38,2)) AS "aov" FROM "MARTS"."SALES_BY_REGION" AS "sales_by_region" WHERE "sales_by_region"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY "sales_by_region"."REGION" ORDER BY "region" ASC NULLS LAST
-- arg 1: time.Time 2025-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
