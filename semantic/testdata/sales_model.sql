CREATE OR REPLACE SEMANTIC VIEW SALES_ANALYTICS_DB.MARTS.SALES_ANALYTICS
  TABLES (
    orders AS SALES_ANALYTICS_DB.MARTS.FCT_ORDERS
      PRIMARY KEY (order_id)
      WITH SYNONYMS = ('sales', 'order lines', 'transactions')
      COMMENT = 'Every valid order, denormalised with its customer, product and sales rep.',
    customers AS SALES_ANALYTICS_DB.MARTS.SALES_BY_CUSTOMER
      PRIMARY KEY (customer_key)
      WITH SYNONYMS = ('clients', 'accounts')
      COMMENT = 'One row per customer who has ordered, with the first and latest order ever.',
    sales_reps AS SALES_ANALYTICS_DB.STAGING.STG_SALES_REPS
      PRIMARY KEY (rep_key)
      WITH SYNONYMS = ('reps', 'quotas')
      COMMENT = 'One row per sales rep, with the rep''s annual quota.',
    products AS SALES_ANALYTICS_DB.STAGING.STG_PRODUCTS
      PRIMARY KEY (product_key)
      WITH SYNONYMS = ('catalogue', 'catalog')
      COMMENT = 'The product catalogue, one row per product, with list price and unit cost.'
  )
  RELATIONSHIPS (
    orders_to_customers AS orders (customer_id) REFERENCES customers (customer_key),
    orders_to_sales_reps AS orders (rep_id) REFERENCES sales_reps (rep_key),
    orders_to_products AS orders (product_id) REFERENCES products (product_key)
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
      COMMENT = 'Discount as a fraction (0.15 is 15%); 0 when none.',
    customers.lifetime_revenue AS LIFETIME_REVENUE
      WITH SYNONYMS = ('customer lifetime revenue')
      COMMENT = 'Net revenue over all of the customer''s orders.',
    customers.lifetime_orders AS ORDERS
      WITH SYNONYMS = ('orders ever')
      COMMENT = 'Orders the customer has placed, ever.',
    sales_reps.annual_quota AS ANNUAL_QUOTA
      WITH SYNONYMS = ('yearly quota')
      COMMENT = 'The rep''s revenue quota for a year, USD.',
    sales_reps.monthly_quota AS sales_reps.annual_quota / 12
      WITH SYNONYMS = ('quota per month')
      COMMENT = 'A twelfth of the annual quota, rounded to the cent.',
    products.list_price AS UNIT_PRICE
      WITH SYNONYMS = ('catalogue price')
      COMMENT = 'The product''s list price, USD.',
    products.unit_cost AS UNIT_COST
      WITH SYNONYMS = ('cost')
      COMMENT = 'What a unit of the product costs, USD.'
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
      COMMENT = 'The order''s calendar year.',
    customers.customer_key AS CUSTOMER_ID
      WITH SYNONYMS = ('customer key')
      COMMENT = 'The customer''s key (orders.customer_id).',
    customers.first_order_date AS FIRST_ORDER_DATE
      WITH SYNONYMS = ('customer since', 'acquisition date')
      COMMENT = 'The day of the customer''s first order ever.',
    customers.first_order_month AS DATE_TRUNC('MONTH', FIRST_ORDER_DATE)
      WITH SYNONYMS = ('acquisition month')
      COMMENT = 'First day of the month of the customer''s first order ever.',
    customers.last_order_date AS LAST_ORDER_DATE
      WITH SYNONYMS = ('latest order date')
      COMMENT = 'The day of the customer''s latest order.',
    sales_reps.rep_key AS REP_ID
      WITH SYNONYMS = ('rep key')
      COMMENT = 'The rep''s key (orders.rep_id).',
    sales_reps.hire_date AS HIRE_DATE
      WITH SYNONYMS = ('rep hire date')
      COMMENT = 'The day the rep was hired.',
    products.product_key AS PRODUCT_ID
      WITH SYNONYMS = ('product key')
      COMMENT = 'The product''s key (orders.product_id).'
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
      COMMENT = 'Number of distinct products ordered.',
    orders.new_customers AS COUNT(DISTINCT CASE WHEN customers.first_order_month = orders.order_month THEN orders.customer_id END)
      WITH SYNONYMS = ('first-time customers', 'acquired customers')
      COMMENT = 'Customers among the orders counted whose first order ever falls in the month of one of those orders: by month, the customers who ordered that month for the first time. Their first order is read from customers, whatever the filters.',
    orders.returning_customers AS COUNT(DISTINCT CASE WHEN customers.first_order_month < orders.order_month THEN orders.customer_id END)
      WITH SYNONYMS = ('repeat customers')
      COMMENT = 'Customers among the orders counted who had ordered in an earlier month: by month, distinct customers less new customers.',
    customers.acquired_customers AS COUNT(*)
      WITH SYNONYMS = ('customers acquired')
      COMMENT = 'Customers counted once, at their first order: restrict first_order_date to a period for the customers acquired in it.',
    customers.lifetime_value AS SUM(customers.lifetime_revenue)
      WITH SYNONYMS = ('total lifetime revenue')
      COMMENT = 'Lifetime revenue of the customers counted.',
    sales_reps.quota AS SUM(sales_reps.monthly_quota)
      WITH SYNONYMS = ('sales quota', 'target', 'revenue target')
      COMMENT = 'The reps'' quota over the request''s date range: each month''s quota summed over the months of the range, a month the range covers in part prorated by its days. It is a rate per month, never summed over the orders it is set against.',
    products.catalogue_products AS COUNT(*)
      WITH SYNONYMS = ('products in the catalogue')
      COMMENT = 'Products in the catalogue counted.',
    products.average_unit_cost AS AVG(products.unit_cost)
      WITH SYNONYMS = ('mean unit cost')
      COMMENT = 'Mean unit cost of the products counted, rounded to the cent.',
    products.average_list_price AS AVG(products.list_price)
      WITH SYNONYMS = ('mean list price')
      COMMENT = 'Mean list price of the products counted, rounded to the cent.',
    quota_attainment AS CAST(orders.total_revenue AS NUMBER(38,4)) / sales_reps.quota
      WITH SYNONYMS = ('attainment', 'percent of quota')
      COMMENT = 'Revenue as a fraction of quota over the same groups and period, four places (0.9512 is 95.12%): each aggregated at its own table''s grain, then divided.'
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
          "data_type": "DATE",
          "date_parts": [
            {
              "grain": "week",
              "expr": "ORDER_WEEK"
            },
            {
              "grain": "month",
              "expr": "ORDER_MONTH"
            },
            {
              "grain": "quarter",
              "expr": "ORDER_QUARTER"
            }
          ]
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
    },
    {
      "name": "customers",
      "dimensions": [
        {
          "name": "customer_key",
          "data_type": "NUMBER(38,0)",
          "unique": true
        }
      ],
      "time_dimensions": [
        {
          "name": "first_order_date",
          "data_type": "DATE"
        },
        {
          "name": "first_order_month",
          "data_type": "DATE"
        },
        {
          "name": "last_order_date",
          "data_type": "DATE"
        }
      ],
      "facts": [
        {
          "name": "lifetime_revenue",
          "data_type": "NUMBER(38,2)"
        },
        {
          "name": "lifetime_orders",
          "data_type": "NUMBER(38,0)"
        }
      ]
    },
    {
      "name": "sales_reps",
      "dimensions": [
        {
          "name": "rep_key",
          "data_type": "NUMBER(38,0)",
          "unique": true
        }
      ],
      "time_dimensions": [
        {
          "name": "hire_date",
          "data_type": "DATE"
        }
      ],
      "facts": [
        {
          "name": "annual_quota",
          "data_type": "NUMBER(38,2)"
        },
        {
          "name": "monthly_quota",
          "data_type": "NUMBER(38,2)"
        }
      ],
      "metrics": [
        {
          "name": "quota",
          "per": "month"
        }
      ]
    },
    {
      "name": "products",
      "dimensions": [
        {
          "name": "product_key",
          "data_type": "NUMBER(38,0)",
          "unique": true
        }
      ],
      "facts": [
        {
          "name": "list_price",
          "data_type": "NUMBER(38,2)"
        },
        {
          "name": "unit_cost",
          "data_type": "NUMBER(38,2)"
        }
      ]
    }
  ],
  "relationships": [
    {
      "name": "orders_to_customers",
      "join_type": "inner",
      "relationship_type": "many_to_one"
    },
    {
      "name": "orders_to_sales_reps",
      "join_type": "inner",
      "relationship_type": "many_to_one"
    },
    {
      "name": "orders_to_products",
      "join_type": "inner",
      "relationship_type": "many_to_one"
    }
  ]
}');
