package embedded_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
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
		res, err := analyst.Execute(ctx, eng.DB(), sql, analyst.ExecOptions{})
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
