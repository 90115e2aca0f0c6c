-- want: 5:1 unexpected "DROP" after the end of the statement
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  METRICS (orders.n AS COUNT(*));
DROP TABLE orders;
