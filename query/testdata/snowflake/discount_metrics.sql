-- dialect: snowflake
-- fields: orders.segment, orders.average_discount, orders.total_discount, orders.discounted_orders, orders.gross_revenue
-- answered by: FCT_ORDERS
-- its distinct counts apart, by: FCT_ORDERS (no table answers the whole request:)
-- not SALES_BY_REGION: SALES_BY_REGION has no column for SEGMENT
-- not SALES_BY_REP: SALES_BY_REP has no column for SEGMENT
-- not DAILY_SALES: DAILY_SALES has no column for SEGMENT
-- not SALES_BY_PRODUCT: SALES_BY_PRODUCT has no column for SEGMENT
-- not SALES_BY_CUSTOMER: AVG does not re-aggregate from the rows of SALES_BY_CUSTOMER
SELECT "s"."segment" AS "segment", "s"."average_discount" AS "average_discount", "s"."total_discount" AS "total_discount", "d"."discounted_orders" AS "discounted_orders", "s"."gross_revenue" AS "gross_revenue" FROM (SELECT "orders"."SEGMENT" AS "segment", CAST(ROUND((SUM("orders"."DISCOUNT_PCT")) / NULLIF(COUNT("orders"."DISCOUNT_PCT"), 0), 4) AS NUMBER(38,4)) AS "average_discount", CAST(SUM("orders"."DISCOUNT_AMOUNT") AS NUMBER(38,2)) AS "total_discount", CAST(SUM("orders"."GROSS_AMOUNT") AS NUMBER(38,2)) AS "gross_revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."SEGMENT") AS "s" JOIN (SELECT "orders"."SEGMENT" AS "segment", CAST(COUNT(DISTINCT CASE WHEN "orders"."IS_DISCOUNTED" THEN "orders"."ORDER_ID" END) AS NUMBER(38,0)) AS "discounted_orders" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" GROUP BY "orders"."SEGMENT") AS "d" ON "s"."segment" IS NOT DISTINCT FROM "d"."segment" ORDER BY "segment" ASC NULLS LAST
