-- want: 4:1 a semantic view needs a DIMENSIONS or a METRICS clause
CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
