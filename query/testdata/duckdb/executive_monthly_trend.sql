-- dialect: duckdb
-- fields: orders.order_date, orders.total_revenue
-- answered by: SALES_BY_MONTH
-- not SALES_BY_YEAR: orders.order_date by month: SALES_BY_YEAR holds the year as a number, not a date
-- not SALES_BY_SEGMENT_YEAR: orders.order_date by month: SALES_BY_SEGMENT_YEAR holds the year as a number, not a date
-- not SALES_BY_REGION_YEAR: orders.order_date by month: SALES_BY_REGION_YEAR holds the year as a number, not a date
-- not SALES_BY_INDUSTRY_YEAR: orders.order_date by month: SALES_BY_INDUSTRY_YEAR holds the year as a number, not a date
SELECT "sales_by_month"."MONTH" AS "order_date_month", CAST("sales_by_month"."REVENUE" AS DECIMAL(38,2)) AS "revenue" FROM "MARTS"."SALES_BY_MONTH" AS "sales_by_month" ORDER BY "order_date_month" ASC NULLS LAST
