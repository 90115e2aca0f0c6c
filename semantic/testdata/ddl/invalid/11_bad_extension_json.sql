-- want: 5:24 the CA extension is not valid: json: unknown field "colour"
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  DIMENSIONS (orders.region AS REGION)
  WITH EXTENSION (CA = '{"colour": "red"}');
