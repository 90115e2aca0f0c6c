-- want: 5:24 the CA extension describes dimension orders.channel, which the DDL does not define
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  DIMENSIONS (orders.region AS REGION)
  WITH EXTENSION (CA = '{"tables": [{"name": "orders", "dimensions": [{"name": "region", "data_type": "VARCHAR"}, {"name": "channel", "data_type": "VARCHAR"}]}]}');
