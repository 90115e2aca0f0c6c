-- dialect: snowflake
-- fields: orders.region, orders.channel, orders.total_revenue
SELECT "orders"."REGION" AS "region", "orders"."CHANNEL" AS "channel", CAST(SUM("orders"."NET_AMOUNT") AS NUMBER(38,2)) AS "revenue" FROM "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" AS "orders" WHERE ("orders"."REGION" NOT IN (?) AND "orders"."CHANNEL" IN (?, ?)) GROUP BY "orders"."REGION", "orders"."CHANNEL" ORDER BY "region" ASC NULLS LAST, "channel" ASC NULLS LAST
-- arg 1: string North
-- arg 2: string Online
-- arg 3: string Phone
