-- want: 7:41 2 referring columns but 1 referenced ones
CREATE SEMANTIC VIEW sv
  TABLES (
    orders AS DB.S.ORDERS PRIMARY KEY (id),
    customers AS DB.S.CUSTOMERS PRIMARY KEY (id)
  )
  RELATIONSHIPS (to_customers AS orders (customer_id, region) REFERENCES customers (id))
  DIMENSIONS (customers.region AS REGION);
