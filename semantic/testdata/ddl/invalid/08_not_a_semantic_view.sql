-- want: 2:8 expected SEMANTIC VIEW, found "VIEW"
CREATE VIEW sv AS SELECT 1;
