-- dialect: snowflake
-- fields: orders.order_date, orders.region, orders.total_revenue, orders.units_sold
-- answered by: SALES_BY_REGION
-- not SALES_BY_MONTH: SALES_BY_MONTH has no column for REGION
SELECT DATE_TRUNC('quarter', "sales_by_region"."MONTH") AS "order_date_quarter", "sales_by_region"."REGION" AS "region", CAST(SUM("sales_by_region"."REVENUE") AS NUMBER(38,2)) AS "revenue", CAST(SUM("sales_by_region"."UNITS") AS NUMBER(38,0)) AS "units_sold" FROM "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_REGION" AS "sales_by_region" WHERE "sales_by_region"."REGION" IN (?, ?) GROUP BY DATE_TRUNC('quarter', "sales_by_region"."MONTH"), "sales_by_region"."REGION" ORDER BY "order_date_quarter" ASC NULLS LAST, "region" ASC NULLS LAST
-- arg 1: string East
-- arg 2: string West
