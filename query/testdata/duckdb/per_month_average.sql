-- dialect: duckdb
-- fields: orders.order_date, orders.region, orders.total_revenue, orders.order_count, orders.distinct_customers
-- answered by: SALES_BY_REGION
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REGION
WITH "g" AS (SELECT "sales_by_region"."MONTH" AS "order_date_month", "sales_by_region"."REGION" AS "region", CAST("sales_by_region"."REVENUE" AS DECIMAL(38,2)) AS "revenue", CAST(COALESCE("sales_by_region"."ORDERS", 0) AS BIGINT) AS "orders", CAST("sales_by_region"."CUSTOMERS" AS BIGINT) AS "distinct_customers" FROM "MARTS"."SALES_BY_REGION" AS "sales_by_region" WHERE "sales_by_region"."MONTH" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)) SELECT x."region", CAST((CAST((COALESCE(SUM(x."revenue"), 0)) * 1000 AS HUGEINT) // CAST(12 AS HUGEINT)) * 0.001 AS DECIMAL(38,2)) AS "revenue_per_month", CAST((CAST((COALESCE(SUM(x."orders"), 0)) * 100000 AS HUGEINT) // CAST(12 AS HUGEINT)) * 0.00001 AS DECIMAL(38,4)) AS "orders_per_month", CAST((CAST((COALESCE(SUM(x."distinct_customers"), 0)) * 100000 AS HUGEINT) // CAST(12 AS HUGEINT)) * 0.00001 AS DECIMAL(38,4)) AS "distinct_customers_per_month" FROM "g" AS x GROUP BY x."region" ORDER BY "region" ASC NULLS LAST
-- arg 1: time.Time 2025-01-01 00:00:00 +0000 UTC
-- arg 2: time.Time 2025-12-31 00:00:00 +0000 UTC
