-- want: 4:1 TABLES is required
CREATE SEMANTIC VIEW sv
  DIMENSIONS (orders.region AS REGION);
