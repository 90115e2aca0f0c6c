package snowflake_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// withoutSemanticView drops the checkpoints only engines with semantic views run.
func withoutSemanticView(checks []pipeline.Check) []pipeline.Check {
	var out []pipeline.Check
	for _, c := range checks {
		if !strings.HasPrefix(c.Name, "semantic view") {
			out = append(out, c)
		}
	}
	return out
}

// showTable runs a SHOW command through the driver and returns its column
// names and rows (NULL as "<null>").
func showTable(t *testing.T, db *sql.DB, stmt string) ([]string, [][]string) {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), stmt)
	require.NoError(t, err, stmt)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(t, err)
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		require.NoError(t, rows.Scan(ptrs...))
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = "<null>"
			if v.Valid {
				row[i] = v.String
			}
		}
		out = append(out, row)
	}
	require.NoError(t, rows.Err())
	return cols, out
}

// TestSemanticViewsContract: CREATE SEMANTIC VIEW, SHOW SEMANTIC VIEWS and SHOW
// SEMANTIC METRICS IN through the real driver and the loopback server, with
// the output columns Snowflake documents (show-semantic-views,
// show-semantic-metrics), names folded to upper case as Snowflake folds
// unquoted identifiers, metrics ordered by table and name.
func TestSemanticViewsContract(t *testing.T) {
	ctx := context.Background()
	db := startFake(t).eng.DB()
	for _, stmt := range []string{
		`CREATE DATABASE IF NOT EXISTS "T"`,
		`CREATE SCHEMA IF NOT EXISTS "T"."S"`,
		`CREATE TABLE "T"."S"."ORDERS" ("ID" NUMBER(38,0), "AMOUNT" NUMBER(38,2), "REGION" VARCHAR)`,
	} {
		_, err := db.ExecContext(ctx, stmt)
		require.NoError(t, err, stmt)
	}
	create := `CREATE OR REPLACE SEMANTIC VIEW T.S.SV
  TABLES (orders AS T.S.ORDERS PRIMARY KEY (id))
  FACTS (orders.amount AS AMOUNT)
  DIMENSIONS (orders.id AS ID, orders.region AS REGION)
  METRICS (
    orders.revenue AS SUM(orders.amount) WITH SYNONYMS = ('sales') COMMENT = 'Net revenue',
    orders.order_count AS COUNT(orders.id),
    revenue_per_order AS orders.revenue / NULLIF(orders.order_count, 0)
  )
  COMMENT = 'it''s the view'
  WITH EXTENSION (CA = '{"tables": [{"name": "orders", "dimensions": [{"name": "id", "data_type": "NUMBER(38,0)"}, {"name": "region", "data_type": "VARCHAR"}], "facts": [{"name": "amount", "data_type": "NUMBER(38,2)"}]}]}')`
	_, err := db.ExecContext(ctx, create)
	require.NoError(t, err)

	cols, rows := showTable(t, db, `SHOW SEMANTIC VIEWS IN SCHEMA "T"."S"`)
	require.Equal(t, []string{"created_on", "name", "database_name", "schema_name", "comment", "owner", "owner_role_type", "extension"}, cols)
	require.Len(t, rows, 1)
	require.Equal(t, []string{"SV", "T", "S", "it's the view"}, rows[0][1:5])
	_, rows = showTable(t, db, `SHOW SEMANTIC VIEWS LIKE 'nope%' IN SCHEMA "T"."S"`)
	require.Empty(t, rows)

	cols, rows = showTable(t, db, `SHOW SEMANTIC METRICS IN T.S.SV`)
	require.Equal(t, []string{"database_name", "schema_name", "semantic_view_name", "table_name", "name", "data_type", "synonyms", "comment"}, cols)
	require.Equal(t, [][]string{
		{"T", "S", "SV", "<null>", "REVENUE_PER_ORDER", "<null>", "<null>", "<null>"},
		{"T", "S", "SV", "ORDERS", "ORDER_COUNT", "<null>", "<null>", "<null>"},
		{"T", "S", "SV", "ORDERS", "REVENUE", "<null>", `["sales"]`, "Net revenue"},
	}, rows)
	_, rows = showTable(t, db, `SHOW SEMANTIC METRICS LIKE 'rev%' IN SV`)
	require.Len(t, rows, 2, "LIKE ignores case; an unqualified view name resolves")

	// Without OR REPLACE an existing view is an error; a broken statement names
	// its line and column; a view over a missing table is refused.
	_, err = db.ExecContext(ctx, strings.Replace(create, "OR REPLACE ", "", 1))
	require.ErrorContains(t, err, "already exists")
	_, err = db.ExecContext(ctx, strings.Replace(create, "FACTS (orders.amount AS AMOUNT)", "FACTS (orders.amount AMOUNT)", 1))
	require.ErrorContains(t, err, "CREATE SEMANTIC VIEW:3:24")
	_, err = db.ExecContext(ctx, strings.Replace(create, "T.S.ORDERS", "T.S.MISSING", 1))
	require.ErrorContains(t, err, "does not exist")
	_, err = db.QueryContext(ctx, `SHOW SEMANTIC METRICS IN T.S.NOPE`)
	require.ErrorContains(t, err, "does not exist")
}

// semanticViewDDL returns the statements among sent that create the semantic
// view or grant on it.
func semanticViewDDL(sent []string) []string {
	var out []string
	for _, q := range sent {
		if u := strings.ToUpper(q); strings.Contains(u, "SEMANTIC VIEW") && !strings.HasPrefix(u, "SHOW") {
			out = append(out, q)
		}
	}
	return out
}

// TestSetupCreatesTheSemanticViewOnce: the set-up creates the sales semantic
// view and grants SELECT on it; a second run sends no DDL to it; a view made
// from another model (one metric short, an older fingerprint) is re-created,
// and the checkpoint then finds every metric of the model.
func TestSetupCreatesTheSemanticViewOnce(t *testing.T) {
	ctx := context.Background()
	f := startFake(t)
	o := testOptions(f.clock)
	sent := len(f.fake.Queries())
	res, err := pipelinetest.Setup(ctx, f.eng, o)
	require.NoError(t, err)
	require.NotNil(t, res.SemanticView)
	require.Equal(t, pipeline.BuildCreated, res.SemanticView.Action)
	ddl := semanticViewDDL(f.fake.Queries()[sent:])
	require.Len(t, ddl, 2, "%q", ddl)
	require.True(t, strings.HasPrefix(ddl[0], "CREATE OR REPLACE SEMANTIC VIEW SALES_ANALYTICS_DB.SEMANTIC.SALES_ANALYTICS"))
	require.Equal(t, `GRANT SELECT ON SEMANTIC VIEW "SALES_ANALYTICS_DB"."SEMANTIC"."SALES_ANALYTICS" TO ROLE "SALES_ANALYST"`, ddl[1])
	rep, err := pipelinetest.Validate(ctx, f.eng, o)
	require.NoError(t, err)
	require.True(t, rep.Passed(), "%s", rep)
	var semanticChecks []string
	for _, c := range rep.Checks {
		if strings.HasPrefix(c.Name, "semantic view") {
			semanticChecks = append(semanticChecks, c.Name+"="+c.Actual)
		}
	}
	require.Len(t, semanticChecks, 2)
	require.Contains(t, semanticChecks[1], "TOTAL_REVENUE")

	sent = len(f.fake.Queries())
	again, err := pipelinetest.Setup(ctx, f.eng, o)
	require.NoError(t, err)
	require.Equal(t, pipeline.BuildUnchanged, again.SemanticView.Action)
	require.Empty(t, semanticViewDDL(f.fake.Queries()[sent:]), "a second set-up must not re-create the semantic view")

	// The view as another model made it: one metric short, another fingerprint.
	m := semantic.SalesModel()
	m.Tables[0].Metrics = m.Tables[0].Metrics[:len(m.Tables[0].Metrics)-1]
	m.Description += "\n\n" + warehouse.FingerprintComment("0123456789abcdef01234567")
	old, _, err := m.SemanticViewDDL(pipeline.SemanticViewRef(o.Names))
	require.NoError(t, err)
	_, err = f.eng.DB().ExecContext(ctx, old)
	require.NoError(t, err)
	rep, err = pipelinetest.Validate(ctx, f.eng, o)
	require.NoError(t, err)
	require.False(t, rep.Passed(), "the checkpoint sees the missing metric")
	require.Equal(t, "semantic view metrics", rep.Failed()[0].Name)

	sent = len(f.fake.Queries())
	third, err := pipelinetest.Setup(ctx, f.eng, o)
	require.NoError(t, err)
	require.Equal(t, pipeline.BuildReplaced, third.SemanticView.Action)
	require.Len(t, semanticViewDDL(f.fake.Queries()[sent:]), 2, "re-created and granted again")
	rep, err = pipelinetest.Validate(ctx, f.eng, o)
	require.NoError(t, err)
	require.True(t, rep.Passed(), "%s", rep)
}
