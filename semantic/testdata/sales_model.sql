CREATE OR REPLACE SEMANTIC VIEW SALES_ANALYTICS_DB.MARTS.SALES_ANALYTICS
  TABLES (
    orders AS SALES_ANALYTICS_DB.MARTS.FCT_ORDERS
      PRIMARY KEY (order_id)
      WITH SYNONYMS = ('sales', 'order lines', 'transactions')
      COMMENT = 'Every valid order, denormalised with its customer, product and sales rep.'
  )
  FACTS (
    orders.net_amount AS NET_AMOUNT
      WITH SYNONYMS = ('order value', 'net sales amount')
      COMMENT = 'Quantity × unit price less the discount, rounded to the cent.',
    orders.gross_amount AS GROSS_AMOUNT
      WITH SYNONYMS = ('list value')
      COMMENT = 'Quantity × unit price before any discount.',
    orders.discount_amount AS DISCOUNT_AMOUNT
      WITH SYNONYMS = ('discount value')
      COMMENT = 'Gross amount less net amount.',
    orders.quantity AS QUANTITY
      WITH SYNONYMS = ('units', 'order quantity')
      COMMENT = 'Units ordered.',
    orders.unit_price AS UNIT_PRICE
      WITH SYNONYMS = ('price', 'list price')
      COMMENT = 'Price per unit charged, USD.',
    orders.discount_pct AS DISCOUNT_PCT
      WITH SYNONYMS = ('discount rate', 'discount percentage')
      COMMENT = 'Discount as a fraction (0.15 is 15%); 0 when none.'
  )
  DIMENSIONS (
    orders.order_id AS ORDER_ID
      WITH SYNONYMS = ('order number')
      COMMENT = 'The order''s key.',
    orders.customer_id AS CUSTOMER_ID
      WITH SYNONYMS = ('customer number')
      COMMENT = 'The customer''s key.',
    orders.customer_name AS CUSTOMER_NAME
      WITH SYNONYMS = ('customer', 'client', 'account')
      COMMENT = 'The customer''s full name.',
    orders.segment AS SEGMENT
      WITH SYNONYMS = ('customer segment', 'market segment')
      COMMENT = 'Customer segment.',
    orders.industry AS INDUSTRY
      WITH SYNONYMS = ('vertical', 'customer industry')
      COMMENT = 'The customer''s industry.',
    orders.product_id AS PRODUCT_ID
      WITH SYNONYMS = ('product number', 'sku')
      COMMENT = 'The product''s key.',
    orders.product_name AS PRODUCT_NAME
      WITH SYNONYMS = ('product', 'item')
      COMMENT = 'The product''s name, Product_0001 to Product_0500.',
    orders.category AS CATEGORY
      WITH SYNONYMS = ('product category', 'product line')
      COMMENT = 'The product''s category.',
    orders.rep_id AS REP_ID
      WITH SYNONYMS = ('sales rep number')
      COMMENT = 'The sales rep''s key.',
    orders.rep_name AS REP_NAME
      WITH SYNONYMS = ('sales rep', 'salesperson', 'account executive')
      COMMENT = 'The sales rep''s full name.',
    orders.region AS REGION
      WITH SYNONYMS = ('sales region', 'territory')
      COMMENT = 'The sales rep''s region.',
    orders.status AS STATUS
      WITH SYNONYMS = ('order status')
      COMMENT = 'Where the order stands.',
    orders.channel AS CHANNEL
      WITH SYNONYMS = ('sales channel')
      COMMENT = 'Where the order was placed.',
    orders.is_discounted AS IS_DISCOUNTED
      WITH SYNONYMS = ('discounted', 'on discount')
      COMMENT = 'Whether the order had a discount.',
    orders.state AS STATE
      WITH SYNONYMS = ('customer state', 'us state')
      COMMENT = 'The customer''s US state code.',
    orders.order_date AS ORDER_DATE
      WITH SYNONYMS = ('date', 'purchase date', 'sale date')
      COMMENT = 'The day the order was placed (UTC).',
    orders.order_week AS ORDER_WEEK
      WITH SYNONYMS = ('week')
      COMMENT = 'Monday of the order''s week.',
    orders.order_month AS ORDER_MONTH
      WITH SYNONYMS = ('month')
      COMMENT = 'First day of the order''s month.',
    orders.order_quarter AS ORDER_QUARTER
      WITH SYNONYMS = ('quarter')
      COMMENT = 'First day of the order''s quarter.',
    orders.order_year AS ORDER_YEAR
      WITH SYNONYMS = ('year')
      COMMENT = 'The order''s calendar year.'
  )
  METRICS (
    orders.total_revenue AS SUM(orders.net_amount)
      WITH SYNONYMS = ('revenue', 'net revenue', 'sales revenue', 'total sales')
      COMMENT = 'Sum of net amounts.',
    orders.gross_revenue AS SUM(orders.gross_amount)
      WITH SYNONYMS = ('gross sales')
      COMMENT = 'Sum of gross amounts, before discounts.',
    orders.total_discount AS SUM(orders.discount_amount)
      WITH SYNONYMS = ('discounts', 'discount given')
      COMMENT = 'Sum of discount amounts.',
    orders.order_count AS COUNT(DISTINCT orders.order_id)
      WITH SYNONYMS = ('orders', 'number of orders')
      COMMENT = 'Number of distinct orders.',
    orders.units_sold AS SUM(orders.quantity)
      WITH SYNONYMS = ('units sold', 'total units')
      COMMENT = 'Sum of quantities.',
    orders.average_order_value AS SUM(orders.net_amount) / NULLIF(COUNT(DISTINCT orders.order_id), 0)
      WITH SYNONYMS = ('aov', 'avg order value')
      COMMENT = 'Revenue per order, rounded to the cent.',
    orders.distinct_customers AS COUNT(DISTINCT orders.customer_id)
      WITH SYNONYMS = ('customers', 'customer count', 'number of customers')
      COMMENT = 'Number of distinct customers who ordered.',
    orders.average_unit_price AS AVG(orders.unit_price)
      WITH SYNONYMS = ('avg price', 'average price')
      COMMENT = 'Mean unit price over orders.',
    orders.average_discount AS AVG(orders.discount_pct)
      WITH SYNONYMS = ('avg discount', 'average discount rate')
      COMMENT = 'Mean discount fraction over orders.',
    orders.revenue_per_customer AS SUM(orders.net_amount) / NULLIF(COUNT(DISTINCT orders.customer_id), 0)
      WITH SYNONYMS = ('revenue per client', 'customer value')
      COMMENT = 'Revenue divided by distinct customers, rounded to the cent.',
    orders.discounted_orders AS COUNT(DISTINCT CASE WHEN orders.is_discounted THEN orders.order_id END)
      WITH SYNONYMS = ('discounted order count', 'orders with discount')
      COMMENT = 'Number of distinct orders that had a discount.',
    orders.distinct_products AS COUNT(DISTINCT orders.product_id)
      WITH SYNONYMS = ('products sold', 'product count')
      COMMENT = 'Number of distinct products ordered.'
  )
  COMMENT = 'Sales orders of the sales analytics warehouse: revenue, orders, customers, products and sales reps over 2024–2025. One row per order in orders. Amounts are in USD, net of discounts unless a name says gross.'
  AI_SQL_GENERATION 'Round monetary values to 2 decimals. Revenue means net revenue (net_amount) unless the question says gross. Weeks start on Monday.'
  AI_QUESTION_CATEGORIZATION 'If a question asks about profit, margin or cost, consider it UNCLEAR and say that cost data is not in this model.'
  AI_VERIFIED_QUERIES (
    "total revenue last month" AS (
      QUESTION 'What was total revenue last month?'
      VERIFIED_AT 1767225600
      ONBOARDING_QUESTION TRUE
      VERIFIED_BY 'salesanalytics'
      SQL 'SELECT SUM(net_amount) AS total_revenue, COUNT(DISTINCT order_id) AS order_count
FROM __orders
WHERE order_date >= DATE_TRUNC(''month'', DATEADD(''month'', -1, CURRENT_DATE))
  AND order_date < DATE_TRUNC(''month'', CURRENT_DATE)
'
    ),
    "top 10 products by revenue" AS (
      QUESTION 'Top 10 products by revenue'
      VERIFIED_AT 1767225600
      ONBOARDING_QUESTION TRUE
      VERIFIED_BY 'salesanalytics'
      SQL 'SELECT product_name, category, SUM(net_amount) AS total_revenue
FROM __orders
GROUP BY product_name, category
ORDER BY total_revenue DESC
LIMIT 10
'
    ),
    "sales by region" AS (
      QUESTION 'Sales by region'
      VERIFIED_AT 1767225600
      ONBOARDING_QUESTION TRUE
      VERIFIED_BY 'salesanalytics'
      SQL 'SELECT region, SUM(net_amount) AS total_revenue
FROM __orders
GROUP BY region
ORDER BY total_revenue DESC
'
    ),
    "monthly revenue trend" AS (
      QUESTION 'How has revenue trended month by month?'
      VERIFIED_AT 1767225600
      VERIFIED_BY 'salesanalytics'
      SQL 'SELECT order_month, SUM(net_amount) AS total_revenue, COUNT(DISTINCT order_id) AS order_count
FROM __orders
GROUP BY order_month
ORDER BY order_month
'
    ),
    "revenue by customer segment" AS (
      QUESTION 'What is revenue by customer segment?'
      VERIFIED_AT 1767225600
      VERIFIED_BY 'salesanalytics'
      SQL 'SELECT segment, SUM(net_amount) AS total_revenue, COUNT(DISTINCT customer_id) AS customers
FROM __orders
GROUP BY segment
ORDER BY total_revenue DESC
'
    ),
    "top sales reps" AS (
      QUESTION 'Who are the top 10 sales reps by revenue?'
      VERIFIED_AT 1767225600
      VERIFIED_BY 'salesanalytics'
      SQL 'SELECT rep_name, region, SUM(net_amount) AS total_revenue, COUNT(DISTINCT order_id) AS order_count
FROM __orders
GROUP BY rep_name, region
ORDER BY total_revenue DESC
LIMIT 10
'
    )
  )
  WITH EXTENSION (CA = '{
  "name": "sales_analytics",
  "tables": [
    {
      "name": "orders",
      "dimensions": [
        {
          "name": "order_id",
          "data_type": "NUMBER(38,0)",
          "unique": true
        },
        {
          "name": "customer_id",
          "data_type": "NUMBER(38,0)"
        },
        {
          "name": "customer_name",
          "data_type": "VARCHAR"
        },
        {
          "name": "segment",
          "data_type": "VARCHAR",
          "sample_values": [
            "Enterprise",
            "SMB",
            "Consumer"
          ],
          "is_enum": true
        },
        {
          "name": "industry",
          "data_type": "VARCHAR",
          "sample_values": [
            "Technology",
            "Healthcare",
            "Finance",
            "Retail",
            "Manufacturing",
            "Education",
            "Energy",
            "Hospitality",
            "Logistics",
            "Media"
          ],
          "is_enum": true
        },
        {
          "name": "product_id",
          "data_type": "NUMBER(38,0)"
        },
        {
          "name": "product_name",
          "data_type": "VARCHAR",
          "sample_values": [
            "Product_0001",
            "Product_0004",
            "Product_0239"
          ]
        },
        {
          "name": "category",
          "data_type": "VARCHAR",
          "sample_values": [
            "ELECTRONICS",
            "SPORTS",
            "HOME",
            "CLOTHING",
            "BEAUTY",
            "TOYS",
            "BOOKS",
            "GROCERY",
            "AUTOMOTIVE",
            "OFFICE"
          ],
          "is_enum": true
        },
        {
          "name": "rep_id",
          "data_type": "NUMBER(38,0)"
        },
        {
          "name": "rep_name",
          "data_type": "VARCHAR"
        },
        {
          "name": "region",
          "data_type": "VARCHAR",
          "sample_values": [
            "North",
            "South",
            "East",
            "West"
          ],
          "is_enum": true
        },
        {
          "name": "status",
          "data_type": "VARCHAR",
          "sample_values": [
            "Completed",
            "Shipped",
            "Processing",
            "Returned"
          ],
          "is_enum": true
        },
        {
          "name": "channel",
          "data_type": "VARCHAR",
          "sample_values": [
            "Online",
            "Retail",
            "Partner",
            "Phone"
          ],
          "is_enum": true
        },
        {
          "name": "is_discounted",
          "data_type": "BOOLEAN",
          "sample_values": [
            "true",
            "false"
          ]
        },
        {
          "name": "state",
          "data_type": "VARCHAR",
          "sample_values": [
            "CA",
            "TX",
            "NY",
            "FL",
            "WA"
          ]
        }
      ],
      "time_dimensions": [
        {
          "name": "order_date",
          "data_type": "DATE"
        },
        {
          "name": "order_week",
          "data_type": "DATE"
        },
        {
          "name": "order_month",
          "data_type": "DATE"
        },
        {
          "name": "order_quarter",
          "data_type": "DATE"
        },
        {
          "name": "order_year",
          "data_type": "NUMBER(38,0)"
        }
      ],
      "facts": [
        {
          "name": "net_amount",
          "data_type": "NUMBER(38,2)"
        },
        {
          "name": "gross_amount",
          "data_type": "NUMBER(38,2)"
        },
        {
          "name": "discount_amount",
          "data_type": "NUMBER(38,2)"
        },
        {
          "name": "quantity",
          "data_type": "NUMBER(38,0)"
        },
        {
          "name": "unit_price",
          "data_type": "NUMBER(38,2)"
        },
        {
          "name": "discount_pct",
          "data_type": "NUMBER(10,4)"
        }
      ],
      "filters": [
        {
          "name": "completed_orders",
          "synonyms": [
            "completed"
          ],
          "description": "Orders whose status is Completed.",
          "expr": "STATUS = ''Completed''"
        },
        {
          "name": "discounted_only",
          "synonyms": [
            "only discounted orders"
          ],
          "description": "Orders that had a discount.",
          "expr": "IS_DISCOUNTED"
        },
        {
          "name": "enterprise_customers",
          "synonyms": [
            "enterprise"
          ],
          "description": "Orders from Enterprise customers.",
          "expr": "SEGMENT = ''Enterprise''"
        },
        {
          "name": "online_orders",
          "synonyms": [
            "online"
          ],
          "description": "Orders placed online.",
          "expr": "CHANNEL = ''Online''"
        }
      ]
    }
  ]
}');
