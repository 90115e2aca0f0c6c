package pipeline_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func script(stmts []string) []byte {
	return []byte(strings.Join(stmts, ";\n\n") + ";\n")
}

func TestInfrastructureSQLGolden(t *testing.T) {
	names := warehouse.DefaultNames()
	withRole := names
	withRole.Role, withRole.User = "ANALYST", "SVC_SALES"
	for _, d := range dialect.All() {
		golden.Check(t, filepath.Join("testdata", string(d), "infrastructure.sql"), script(pipeline.InfrastructureSQL(d, names)))
		var ddl []string
		for _, tbl := range warehouse.RawTables() {
			ddl = append(ddl, tbl.CreateSQL(d, names, true))
		}
		golden.Check(t, filepath.Join("testdata", string(d), "raw_tables.sql"), script(ddl))
	}
	golden.Check(t, filepath.Join("testdata", "snowflake", "infrastructure_role_user.sql"), script(pipeline.InfrastructureSQL(dialect.Snowflake, withRole)))
}

func TestInfrastructureIsIdempotentSQL(t *testing.T) {
	for _, d := range dialect.All() {
		for _, stmt := range pipeline.InfrastructureSQL(d, warehouse.Names{}) {
			if strings.HasPrefix(stmt, "CREATE") {
				require.Contains(t, stmt, "IF NOT EXISTS", "%s: %s", d, stmt)
			}
		}
	}
}

func TestInsertBatchesSnowflakeGolden(t *testing.T) {
	g, err := datagen.New(datagen.Config{Seed: 3, Scale: 0.00005, DirtyFraction: 0.5})
	require.NoError(t, err)
	src := pipeline.RawSources(g)[warehouse.RawOrders.Name]
	require.Equal(t, int64(5), src.Rows)

	var out strings.Builder
	var batches []pipeline.Insert
	for ins := range pipeline.InsertBatches(dialect.Snowflake, warehouse.Names{}, warehouse.RawOrders, src, 2) {
		batches = append(batches, ins)
		args, err := json.Marshal(renderArgs(ins.Args))
		require.NoError(t, err)
		fmt.Fprintf(&out, "-- %d rows\n%s;\n-- args: %s\n\n", ins.Rows, ins.SQL, args)
	}
	require.Len(t, batches, 3, "5 rows in batches of 2")
	require.Equal(t, []int{2, 2, 1}, []int{batches[0].Rows, batches[1].Rows, batches[2].Rows})
	for _, b := range batches {
		require.Equal(t, b.Rows*len(warehouse.RawOrders.Columns), strings.Count(b.SQL, "?"), "one placeholder per value")
		require.Len(t, b.Args, b.Rows*len(warehouse.RawOrders.Columns))
		for _, a := range b.Args {
			_, isFloat := a.(float64)
			require.False(t, isFloat, "no float reaches the driver")
		}
	}
	golden.Check(t, filepath.Join("testdata", "snowflake", "insert_orders.sql"), []byte(out.String()))
}

// renderArgs shows each argument with its Go type, so the golden file pins both.
func renderArgs(args []any) []string {
	out := make([]string, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case nil:
			out[i] = "nil"
		case time.Time:
			out[i] = "time:" + v.Format(time.RFC3339)
		default:
			out[i] = fmt.Sprintf("%T:%v", a, a)
		}
	}
	return out
}

func TestRawSourcesFillEveryColumnWithItsKind(t *testing.T) {
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
	for _, d := range dialect.All() {
		script := pipeline.Script(d, warehouse.Names{})
		golden.Check(t, filepath.Join("testdata", string(d), "setup.sql"), []byte(script))
	}
	sf := pipeline.Script(dialect.Snowflake, warehouse.Names{})
	for _, want := range []string{
		`CREATE OR REPLACE DYNAMIC TABLE "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS"`,
		"TARGET_LAG = '5 minutes'", `WAREHOUSE = "SALES_ANALYTICS_WH"`, "REFRESH_MODE = AUTO",
		`CREATE OR REPLACE VIEW "SALES_ANALYTICS_DB"."STAGING"."STG_ORDERS"`,
		`PUT file://sales_model.yaml @"SALES_ANALYTICS_DB"."SEMANTIC"."SEMANTIC_MODELS"`,
		"NUMBER(38,2)",
	} {
		require.Contains(t, sf, want)
	}
	require.NotContains(t, sf, "DECIMAL(", "Snowflake DDL names NUMBER")
	require.NotContains(t, sf, "HUGEINT")
	require.NotContains(t, pipeline.Script(dialect.DuckDB, warehouse.Names{}), "DYNAMIC TABLE")
}

func TestPlanStepsInOrder(t *testing.T) {
	var phases []pipeline.Phase
	for _, s := range pipeline.Plan(dialect.DuckDB, warehouse.Names{}) {
		if len(phases) == 0 || phases[len(phases)-1] != s.Phase {
			phases = append(phases, s.Phase)
		}
	}
	require.Equal(t, []pipeline.Phase{pipeline.PhaseInfrastructure, pipeline.PhaseRaw, pipeline.PhaseStaging, pipeline.PhaseMarts, pipeline.PhaseSemantic}, phases)
}

func TestParseDynamicTables(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	st, err := pipeline.ParseDynamicTables([]map[string]string{
		{"name": "FCT_ORDERS", "target_lag": "5 minutes", "refresh_mode": "INCREMENTAL", "scheduling_state": "ACTIVE", "data_timestamp": "1767268680.000000000 1440"},
		{"name": "DAILY_SALES", "target_lag": "1 hour", "refresh_mode": "FULL", "scheduling_state": "SUSPENDED", "data_timestamp": "2026-01-01T11:00:00Z"},
	}, now)
	require.NoError(t, err)
	require.Equal(t, 2*time.Minute, st[0].Lag)
	require.Equal(t, 5*time.Minute, st[0].TargetLag)
	require.True(t, st[0].WithinLag())
	require.Equal(t, time.Hour, st[1].Lag)
	require.False(t, st[1].WithinLag(), "suspended")
	_, err = pipeline.ParseDynamicTables([]map[string]string{{"name": "X", "target_lag": "soon"}}, now)
	require.ErrorContains(t, err, `dynamic table X: target_lag "soon"`)
	require.Equal(t, []string{`ALTER DYNAMIC TABLE "SALES_ANALYTICS_DB"."MARTS"."FCT_ORDERS" REFRESH`}, pipeline.RefreshDynamicTablesSQL(warehouse.Names{})[:1])
}
