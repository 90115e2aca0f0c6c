-- want: 4:22 "select" is a Snowflake reserved word
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  DIMENSIONS (orders."select" AS REGION)
  WITH EXTENSION (CA = '{"tables": [{"name": "orders", "dimensions": [{"name": "select", "data_type": "VARCHAR"}]}]}');
