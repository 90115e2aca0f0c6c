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
