-- want: 6:29 does not aggregate
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  FACTS (orders.amount AS AMOUNT)
  METRICS (
    orders.total_revenue AS orders.amount
  )
  WITH EXTENSION (CA = '{"tables": [{"name": "orders", "facts": [{"name": "amount", "data_type": "NUMBER(38,2)"}]}]}');
