package engine_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func TestInsertBatchesSnowflakeGolden(t *testing.T) {
	g, err := datagen.New(datagen.Config{Seed: 3, Scale: 0.00005, DirtyFraction: 0.5})
	require.NoError(t, err)
	src := pipeline.RawSources(g)[warehouse.RawOrders().Name]
	require.Equal(t, int64(5), src.Rows)

	var out strings.Builder
	var batches []engine.Insert
	for ins := range engine.InsertBatches(dialect.Snowflake, warehouse.Names{}, warehouse.RawOrders(), src, 2) {
		batches = append(batches, ins)
		args, err := json.Marshal(renderArgs(ins.Args))
		require.NoError(t, err)
		fmt.Fprintf(&out, "-- %d rows\n%s;\n-- args: %s\n\n", ins.Rows, ins.SQL, args)
	}
	require.Len(t, batches, 3, "5 rows in batches of 2")
	require.Equal(t, []int{2, 2, 1}, []int{batches[0].Rows, batches[1].Rows, batches[2].Rows})
	for _, b := range batches {
		require.Equal(t, b.Rows*len(warehouse.RawOrders().Columns), strings.Count(b.SQL, "?"), "one placeholder per value")
		require.Len(t, b.Args, b.Rows*len(warehouse.RawOrders().Columns))
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
