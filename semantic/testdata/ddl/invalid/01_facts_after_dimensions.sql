-- want: 8:3 FACTS must come before DIMENSIONS
CREATE SEMANTIC VIEW sv
  TABLES (
    orders AS DB.S.T PRIMARY KEY (id)
  )
  DIMENSIONS (
    orders.region AS REGION)
  FACTS (orders.amount AS AMOUNT)
  WITH EXTENSION (CA = '{"tables": [{"name": "orders", "dimensions": [{"name": "region", "data_type": "VARCHAR"}], "facts": [{"name": "amount", "data_type": "NUMBER(38,2)"}]}]}');
