-- want: 4:15 data_type is required
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  DIMENSIONS (orders.region AS REGION);
