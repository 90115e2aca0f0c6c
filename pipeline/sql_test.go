package pipeline_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func script(stmts []string) []byte {
	return []byte(strings.Join(stmts, ";\n\n") + ";\n")
}

func TestRawSourcesFillEveryColumnWithItsKind(t *testing.T) {
	t.Parallel()
	g, err := datagen.New(datagen.Config{Seed: 5, Scale: 0.01, DirtyFraction: 0.3})
	require.NoError(t, err)
	sources := pipeline.RawSources(g)
	for _, tbl := range warehouse.RawTables() {
		src, ok := sources[tbl.Name]
		require.True(t, ok, tbl.Name)
		row := make([]any, len(tbl.Columns))
		for i := range src.Rows {
			clear(row)
			src.Fill(i, row)
			for c, col := range tbl.Columns {
				v := row[c]
				if v == nil {
					require.True(t, col.Nullable, "%s.%s is NULL but not nullable", tbl.Name, col.Name)
					continue
				}
				switch col.Type.Kind {
				case dialect.KindInt, dialect.KindDecimal:
					require.IsType(t, int64(0), v, "%s.%s", tbl.Name, col.Name)
				case dialect.KindText:
					require.IsType(t, "", v, "%s.%s", tbl.Name, col.Name)
				case dialect.KindDate, dialect.KindTimestamp:
					require.IsType(t, time.Time{}, v, "%s.%s", tbl.Name, col.Name)
					require.Equal(t, time.UTC, v.(time.Time).Location())
				}
			}
		}
	}
}

func TestSetupScriptGolden(t *testing.T) {
	t.Parallel()
	for _, d := range dialect.All() {
		script := pipeline.Script(d, warehouse.Names{})
		golden.Check(t, filepath.Join("testdata", string(d), "setup.sql"), []byte(script))
	}
	sf := pipeline.Script(dialect.Snowflake, warehouse.Names{})
	for _, want := range []string{
		`CREATE OR REPLACE DYNAMIC TABLE "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS"`,
		"TARGET_LAG = '5 minutes'", `WAREHOUSE = "SALES_ANALYTICS_WH"`, "REFRESH_MODE = INCREMENTAL", "REFRESH_MODE = FULL", "COMMENT = 'salesanalytics definition ",
		`CREATE OR REPLACE VIEW "SALES_ANALYTICS_DB"."STAGING"."STG_ORDERS"`,
		`PUT 'file://./sales_model.yaml' @"SALES_ANALYTICS_DB"."SEMANTIC"."SEMANTIC_MODELS"`,
		"PUT runs only from a client (snowsql -f setup.sql",
		"NUMBER(38,2)",
		`CREATE ROLE IF NOT EXISTS "SALES_ANALYST"`,
		`GRANT USAGE ON WAREHOUSE "SALES_ANALYTICS_WH" TO ROLE "SALES_ANALYST"`,
		`GRANT USAGE ON SCHEMA "SALES_ANALYTICS_DB"."MARTS" TO ROLE "SALES_ANALYST"`,
		`GRANT SELECT ON FUTURE DYNAMIC TABLES IN SCHEMA "SALES_ANALYTICS_DB"."MARTS" TO ROLE "SALES_ANALYST"`,
		`GRANT READ ON STAGE "SALES_ANALYTICS_DB"."SEMANTIC"."SEMANTIC_MODELS" TO ROLE "SALES_ANALYST"`,
		`GRANT DATABASE ROLE SNOWFLAKE.CORTEX_USER TO ROLE "SALES_ANALYST"`,
		"CREATE OR REPLACE SEMANTIC VIEW SALES_ANALYTICS_DB.SEMANTIC.SALES_ANALYTICS\n  TABLES (\n    orders AS SALES_ANALYTICS_DB.MARTS.FCT_ORDERS",
		`GRANT SELECT ON SEMANTIC VIEW "SALES_ANALYTICS_DB"."SEMANTIC"."SALES_ANALYTICS" TO ROLE "SALES_ANALYST"`,
	} {
		require.Contains(t, sf, want)
	}
	require.NotContains(t, sf, "DECIMAL(", "Snowflake DDL names NUMBER")
	require.NotContains(t, sf, "HUGEINT")
	duck := pipeline.Script(dialect.DuckDB, warehouse.Names{})
	require.NotContains(t, duck, "DYNAMIC TABLE")
	require.NotContains(t, duck, "SEMANTIC VIEW", "the embedded engine has no semantic views")
	// The semantic view's DDL in the script reads back as the staged model.
	start := strings.Index(sf, "CREATE OR REPLACE SEMANTIC VIEW")
	end := strings.Index(sf[start:], "');\n") + start + 3
	m, view, err := semantic.ParseSemanticViewDDL("setup.sql", []byte(sf[start:end]))
	require.NoError(t, err)
	require.Equal(t, "SALES_ANALYTICS_DB.SEMANTIC.SALES_ANALYTICS", view)
	want := semantic.SalesModel()
	require.Equal(t, want.Description, m.Description[:len(want.Description)])
	require.Contains(t, m.Description[len(want.Description):], "salesanalytics definition ")
	m.Description = want.Description
	require.True(t, want.Equal(m), "the semantic view is the staged model")
}

func TestPlanStepsInOrder(t *testing.T) {
	t.Parallel()
	var phases []pipeline.Phase
	for _, s := range pipeline.Plan(dialect.DuckDB, warehouse.Names{}) {
		if len(phases) == 0 || phases[len(phases)-1] != s.Phase {
			phases = append(phases, s.Phase)
		}
	}
	require.Equal(t, []pipeline.Phase{pipeline.PhaseInfrastructure, pipeline.PhaseRaw, pipeline.PhaseStaging, pipeline.PhaseMarts, pipeline.PhaseSemantic}, phases)
}

func TestShareToleranceIsFourStandardErrors(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want float64 // 4·√(0.09/n), worked by hand
	}{{100, 0.12}, {1_000, 0.0379473}, {100_000, 0.0037947}, {10_000_000, 0.00037947}} {
		require.InDelta(t, c.want, pipeline.ShareTolerance(0.10, c.n), 1e-6, "n=%d", c.n)
	}
	require.InDelta(t, 1.2, pipeline.ShareTolerance(0.10, 0), 1e-9, "no rows: one draw's bound")
}
