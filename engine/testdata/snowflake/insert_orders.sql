-- 2 rows
INSERT INTO "SALES_ANALYTICS_DB"."RAW"."ORDERS" ("ORDER_ID", "CUSTOMER_ID", "PRODUCT_ID", "REP_ID", "ORDER_DATE", "QUANTITY", "UNIT_PRICE", "DISCOUNT_PCT", "STATUS", "CHANNEL", "LOADED_AT") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- args: ["int64:1","int64:1","int64:50","int64:46","time:2025-09-23T00:00:00Z","int64:1","string:2425.94","string:0.0000","string:Completed","string:Online","time:2025-09-24T08:19:51Z","int64:2","int64:1","int64:10","int64:40","time:2025-04-27T00:00:00Z","int64:3","string:1103.21","string:0.0000","string:Completed","string:Online","time:2025-04-28T10:15:15Z"]

-- 2 rows
INSERT INTO "SALES_ANALYTICS_DB"."RAW"."ORDERS" ("ORDER_ID", "CUSTOMER_ID", "PRODUCT_ID", "REP_ID", "ORDER_DATE", "QUANTITY", "UNIT_PRICE", "DISCOUNT_PCT", "STATUS", "CHANNEL", "LOADED_AT") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- args: ["int64:3","int64:1","int64:477","int64:3","time:2024-11-02T00:00:00Z","int64:1","string:13.73","string:0.0000","string:Shipped","string:Online","time:2024-11-03T04:01:38Z","int64:4","int64:1","int64:100","int64:47","time:2100-01-01T00:00:00Z","int64:3","string:3869.88","string:0.0000","string:Completed","string:Partner","time:2024-03-02T02:25:03Z"]

-- 1 rows
INSERT INTO "SALES_ANALYTICS_DB"."RAW"."ORDERS" ("ORDER_ID", "CUSTOMER_ID", "PRODUCT_ID", "REP_ID", "ORDER_DATE", "QUANTITY", "UNIT_PRICE", "DISCOUNT_PCT", "STATUS", "CHANNEL", "LOADED_AT") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- args: ["int64:5","int64:1","int64:33","int64:4","time:2025-03-26T00:00:00Z","int64:-1","string:193.33","string:0.0000","string:Completed","string:Online","time:2025-03-27T01:48:27Z"]

