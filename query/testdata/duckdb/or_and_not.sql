-- dialect: duckdb
-- fields: orders.segment, orders.total_revenue, orders.region, orders.channel
SELECT "orders"."SEGMENT" AS "segment", CAST(SUM("orders"."NET_AMOUNT") AS DECIMAL(38,2)) AS "revenue" FROM "MARTS"."FCT_ORDERS" AS "orders" WHERE ("orders"."SEGMENT" = ? OR ("orders"."REGION" = ? AND NOT ("orders"."CHANNEL" = ?))) GROUP BY "orders"."SEGMENT" ORDER BY "segment" ASC NULLS LAST
-- arg 1: string Enterprise
-- arg 2: string West
-- arg 3: string Online
