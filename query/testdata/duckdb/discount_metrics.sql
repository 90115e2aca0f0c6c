-- dialect: duckdb
-- fields: orders.segment, orders.average_discount, orders.total_discount, orders.discounted_orders, orders.gross_revenue
-- answered by: FCT_ORDERS
-- not SALES_BY_REGION: SALES_BY_REGION has no column for SEGMENT
-- not SALES_BY_REP: SALES_BY_REP has no column for SEGMENT
-- not DAILY_SALES: DAILY_SALES has no column for SEGMENT
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for SEGMENT
-- not SALES_BY_CUSTOMER: AVG does not re-aggregate from the rows of SALES_BY_CUSTOMER
SELECT "orders"."SEGMENT" AS "segment", CAST((CAST((SUM("orders"."DISCOUNT_PCT")) * 100000 AS HUGEINT) // CAST(COUNT("orders"."DISCOUNT_PCT") AS HUGEINT)) * 0.00001 AS DECIMAL(38,4)) AS "average_discount", CAST(SUM("orders"."DISCOUNT_AMOUNT") AS DECIMAL(38,2)) AS "total_discount", CAST(COUNT(DISTINCT CASE WHEN "orders"."IS_DISCOUNTED" THEN "orders"."ORDER_ID" END) AS BIGINT) AS "discounted_orders", CAST(SUM("orders"."GROSS_AMOUNT") AS DECIMAL(38,2)) AS "gross_revenue" FROM "MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."SEGMENT" ORDER BY "segment" ASC NULLS LAST
