package snowflake_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/warehouse"
)

// TestShowViewsContract: COMMENT ON VIEW and SHOW VIEWS through the real driver
// and the loopback server. SHOW VIEWS lists the views of one schema only, by
// name, each with exactly the comment it was given (none for a view without
// one, a quote kept), LIKE filters by name without regard to case, and a
// re-created view loses its comment, as on Snowflake.
func TestShowViewsContract(t *testing.T) {
	ctx := context.Background()
	f := startFake(t)
	db := f.eng.DB()
	for _, stmt := range []string{
		`CREATE DATABASE IF NOT EXISTS "T"`,
		`CREATE SCHEMA IF NOT EXISTS "T"."S"`,
		`CREATE SCHEMA IF NOT EXISTS "T"."OTHER"`,
		`CREATE OR REPLACE VIEW "T"."S"."V_ONE" AS SELECT 1 AS "X"`,
		`CREATE OR REPLACE VIEW "T"."S"."V_TWO" AS SELECT 2 AS "X"`,
		`CREATE OR REPLACE VIEW "T"."S"."PLAIN" AS SELECT 3 AS "X"`,
		`CREATE OR REPLACE VIEW "T"."OTHER"."V_ONE" AS SELECT 4 AS "X"`,
		`COMMENT ON VIEW "T"."S"."V_ONE" IS 'first'`,
		`COMMENT ON VIEW "T"."S"."V_TWO" IS 'it''s second'`,
		`COMMENT ON VIEW "T"."OTHER"."V_ONE" IS 'elsewhere'`,
	} {
		_, err := db.ExecContext(ctx, stmt)
		require.NoError(t, err, stmt)
	}
	show := func(stmt string) map[string]string {
		t.Helper()
		rows, err := db.QueryContext(ctx, stmt)
		require.NoError(t, err, stmt)
		defer rows.Close()
		cols, err := rows.Columns()
		require.NoError(t, err)
		require.Equal(t, []string{"name", "database_name", "schema_name", "comment", "is_secure", "is_materialized"}, cols)
		out := map[string]string{}
		for rows.Next() {
			var name, db, schema, secure, materialized string
			var comment *string
			require.NoError(t, rows.Scan(&name, &db, &schema, &comment, &secure, &materialized))
			require.Equal(t, [4]string{"T", "S", "false", "false"}, [4]string{db, schema, secure, materialized})
			out[name] = "<none>"
			if comment != nil {
				out[name] = *comment
			}
		}
		require.NoError(t, rows.Err())
		return out
	}
	require.Equal(t, map[string]string{"V_ONE": "first", "V_TWO": "it's second", "PLAIN": "<none>"}, show(`SHOW VIEWS IN SCHEMA "T"."S"`))
	require.Equal(t, map[string]string{"V_ONE": "first", "V_TWO": "it's second"}, show(`SHOW VIEWS LIKE 'v%' IN SCHEMA "T"."S"`))
	require.Equal(t, map[string]string{"V_TWO": "it's second"}, show(`show views like '%TWO' in schema "T"."S"`))

	_, err := db.ExecContext(ctx, `CREATE OR REPLACE VIEW "T"."S"."V_ONE" AS SELECT 5 AS "X"`)
	require.NoError(t, err)
	require.Equal(t, "<none>", show(`SHOW VIEWS LIKE 'V_ONE' IN SCHEMA "T"."S"`)["V_ONE"])

	_, err = db.QueryContext(ctx, `SHOW VIEWS`)
	require.ErrorContains(t, err, "IN SCHEMA")
}

// The engine reads a layer's view comments from SHOW VIEWS.
func TestViewCommentsReadsShowViews(t *testing.T) {
	ctx := context.Background()
	f := startFake(t)
	n := warehouse.Names{Database: "T", Staging: "S"}
	db := f.eng.DB()
	for _, stmt := range []string{
		`CREATE DATABASE IF NOT EXISTS "T"`,
		`CREATE SCHEMA IF NOT EXISTS "T"."S"`,
		`CREATE OR REPLACE VIEW "T"."S"."A" AS SELECT 1 AS "X"`,
		`CREATE OR REPLACE VIEW "T"."S"."B" AS SELECT 1 AS "X"`,
		`COMMENT ON VIEW "T"."S"."A" IS 'salesanalytics definition abc'`,
	} {
		_, err := db.ExecContext(ctx, stmt)
		require.NoError(t, err, stmt)
	}
	got, err := f.eng.ViewComments(ctx, n, warehouse.Staging)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"A": "salesanalytics definition abc", "B": ""}, got)
}
