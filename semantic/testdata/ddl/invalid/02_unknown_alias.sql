-- want: 6:5 "ordrs" is not a table alias of TABLES (orders)
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  DIMENSIONS (
    orders.region AS REGION,
    ordrs.channel AS CHANNEL
  );
