-- want: 4:15 a dimension cannot be PRIVATE
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  DIMENSIONS (PRIVATE orders.region AS REGION)
  WITH EXTENSION (CA = '{"tables": [{"name": "orders", "dimensions": [{"name": "region", "data_type": "VARCHAR"}]}]}');
