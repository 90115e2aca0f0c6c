package embedded_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// The bound-INSERT load path (Snowflake's) must store exactly what the Appender
// stores: run both on the embedded engine and compare every row.
func TestInsertBatchesStoreWhatTheAppenderStores(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	eng := openMem(t)
	o := options(0.02, 0.2)
	mustSetup(t, eng, o)
	appended := dbChecksum(t, eng.DB())

	g, err := datagen.New(o.Data)
	require.NoError(t, err)
	n := warehouse.Names{}
	tx, err := eng.DB().BeginTx(ctx, nil)
	require.NoError(t, err)
	for _, tbl := range warehouse.RawTables() {
		_, err := tx.Exec(tbl.CreateSQL(dialect.DuckDB, n, true))
		require.NoError(t, err)
		for ins := range engine.InsertBatches(dialect.DuckDB, n, tbl, pipeline.RawSources(g)[tbl.Name], 0) {
			_, err := tx.Exec(ins.SQL, ins.Args...)
			require.NoError(t, err)
		}
	}
	require.NoError(t, tx.Commit())
	require.Equal(t, appended, dbChecksum(t, eng.DB()))
}
