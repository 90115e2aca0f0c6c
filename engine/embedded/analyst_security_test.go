package embedded_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Statements smuggled past the guard must not run on the engine, and no file may
// be read through a SELECT.
func TestExecuteCannotWriteOrReadFiles(t *testing.T) {
	ctx := context.Background()
	eng := openMem(t)
	_, err := eng.DB().Exec(`CREATE TABLE canary AS SELECT 42 AS v`)
	require.NoError(t, err)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	require.NoError(t, os.WriteFile(secret, []byte("CANARY-SECRET"), 0o600))
	for _, sql := range []string{
		`SELECT '\'; DROP TABLE canary; --'`,
		`SELECT content FROM read_text('` + secret + `')`,
	} {
		res, err := analyst.Execute(ctx, eng, sql, analyst.ExecOptions{})
		if err == nil {
			for _, row := range res.Rows {
				for _, v := range row {
					require.NotContains(t, v, "CANARY-SECRET", "%q read the file", sql)
				}
			}
		}
		var v int
		require.NoError(t, eng.DB().QueryRow(`SELECT v FROM canary`).Scan(&v), "%q dropped the canary", sql)
	}
}

// Confinement is database-wide in DuckDB, so it must leave the SDK's own work
// possible: after analyst SQL ran, set-up and refresh still work on the engine,
// and a file can no longer be read through any connection.
func TestConfinedEngineStillRefreshes(t *testing.T) {
	ctx := context.Background()
	eng := openFile(t, tempDB(t))
	defer eng.Close()
	o := options(0.02, 0)
	mustSetup(t, eng, o)
	_, err := analyst.Execute(ctx, eng, `SELECT COUNT(*) FROM MARTS.FCT_ORDERS`, analyst.ExecOptions{})
	require.NoError(t, err)

	_, err = pipelinetest.Refresh(ctx, eng, warehouse.Names{}, o.Now)
	require.NoError(t, err)
	mustSetup(t, eng, o)
	_, err = eng.DB().ExecContext(ctx, `SET enable_external_access = true`)
	require.Error(t, err, "the configuration is locked")
	_, err = eng.DB().QueryContext(ctx, `SELECT * FROM read_text('/etc/hostname')`)
	require.Error(t, err, "no connection reads files")
}
