-- The common WITH clause of every expected answer: hand-written over RAW only.
-- It applies the cleaning STAGING documents (warehouse/staging_sql.go, rules.go)
-- and FCT_ORDERS' inner joins, so that "ords" holds exactly the valid orders:
--   * text trimmed; STATE and CATEGORY upper case;
--   * an order is valid when it has a customer, its customer, product and rep
--     exist, QUANTITY > 0, ORDER_DATE is not after RAW.SETTINGS.AS_OF_DATE, and it
--     is the first delivery of its ORDER_ID (by LOADED_AT, then by content);
--   * GROSS = QUANTITY * UNIT_PRICE, NET = ROUND(GROSS * (1 - DISCOUNT_PCT), 2);
--   * no status is excluded: Returned and Processing orders count, as in FCT_ORDERS.
-- An entry's sql follows this clause: it starts with SELECT, or with ", name AS
-- (...)" to add CTEs of its own.
WITH numbered AS (
  SELECT o.*,
         ROW_NUMBER() OVER (PARTITION BY o.ORDER_ID
                            ORDER BY o.LOADED_AT, o.CUSTOMER_ID NULLS LAST, o.PRODUCT_ID, o.REP_ID,
                                     o.ORDER_DATE, o.QUANTITY, o.UNIT_PRICE, o.DISCOUNT_PCT,
                                     o.STATUS, o.CHANNEL) AS delivery
  FROM RAW.ORDERS o
),
custs AS (
  SELECT CUSTOMER_ID, TRIM(CUSTOMER_NAME) AS CUSTOMER_NAME, TRIM(SEGMENT) AS SEGMENT,
         TRIM(INDUSTRY) AS INDUSTRY, TRIM(CITY) AS CITY, UPPER(TRIM(STATE)) AS STATE, CREATED_AT
  FROM RAW.CUSTOMERS
),
prods AS (
  SELECT PRODUCT_ID, TRIM(PRODUCT_NAME) AS PRODUCT_NAME, UPPER(TRIM(CATEGORY)) AS CATEGORY,
         UNIT_PRICE AS LIST_PRICE, UNIT_COST
  FROM RAW.PRODUCTS
),
reps AS (
  SELECT REP_ID, TRIM(REP_NAME) AS REP_NAME, TRIM(REGION) AS REGION, HIRE_DATE, ANNUAL_QUOTA
  FROM RAW.SALES_REPS
),
ords AS (
  SELECT n.ORDER_ID, n.CUSTOMER_ID, n.PRODUCT_ID, n.REP_ID, n.ORDER_DATE,
         YEAR(n.ORDER_DATE) AS ORDER_YEAR,
         CAST(DATE_TRUNC('quarter', n.ORDER_DATE) AS DATE) AS ORDER_QUARTER,
         CAST(DATE_TRUNC('month', n.ORDER_DATE) AS DATE) AS ORDER_MONTH,
         n.QUANTITY, n.UNIT_PRICE, n.DISCOUNT_PCT, n.DISCOUNT_PCT > 0 AS IS_DISCOUNTED,
         n.QUANTITY * n.UNIT_PRICE AS GROSS,
         ROUND(n.QUANTITY * n.UNIT_PRICE * (1 - n.DISCOUNT_PCT), 2) AS NET,
         TRIM(n.STATUS) AS STATUS, TRIM(n.CHANNEL) AS CHANNEL,
         c.CUSTOMER_NAME, c.SEGMENT, c.INDUSTRY, c.CITY, c.STATE,
         p.PRODUCT_NAME, p.CATEGORY, r.REP_NAME, r.REGION
  FROM numbered n
  JOIN custs c ON c.CUSTOMER_ID = n.CUSTOMER_ID
  JOIN prods p ON p.PRODUCT_ID = n.PRODUCT_ID
  JOIN reps r ON r.REP_ID = n.REP_ID
  CROSS JOIN RAW.SETTINGS s
  WHERE n.delivery = 1 AND n.QUANTITY > 0 AND n.ORDER_DATE <= s.AS_OF_DATE
)
