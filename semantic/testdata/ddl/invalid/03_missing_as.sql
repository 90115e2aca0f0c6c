-- want: 4:33 unexpected "SUM": expected AS and the metric's expression
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  METRICS (orders.total_revenue SUM(orders.amount));
