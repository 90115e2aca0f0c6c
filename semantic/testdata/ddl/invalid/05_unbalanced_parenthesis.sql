-- want: 4:49 unbalanced parentheses
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  METRICS (orders.revenue AS SUM(orders.amount)));
