-- want: 5:13 unclosed string literal
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  DIMENSIONS (orders.region AS REGION)
  COMMENT = 'Sales by region;
