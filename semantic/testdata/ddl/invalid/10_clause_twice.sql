-- want: 6:3 COMMENT is given twice
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  DIMENSIONS (orders.region AS REGION)
  COMMENT = 'one'
  COMMENT = 'two'
  WITH EXTENSION (CA = '{"tables": [{"name": "orders", "dimensions": [{"name": "region", "data_type": "VARCHAR"}]}]}');
