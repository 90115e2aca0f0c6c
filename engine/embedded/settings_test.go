package embedded_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
)

// TestOpenSettings: the settings Open asks for are the ones the database runs with.
func TestOpenSettings(t *testing.T) {
	t.Parallel()
	eng, err := embedded.Open(context.Background(), embedded.Options{Threads: 1})
	require.NoError(t, err)
	defer eng.Close()
	setting := func(name string) string {
		var v string
		require.NoError(t, eng.DB().QueryRow(`SELECT value FROM duckdb_settings() WHERE name = ?`, name).Scan(&v))
		return v
	}
	require.Equal(t, "true", setting("allocator_background_threads"))
	require.Equal(t, "1", setting("threads"))
}
