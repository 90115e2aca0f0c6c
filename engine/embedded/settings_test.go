package embedded_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
)

// TestOpenSettings: the settings Open asks for are the ones the database runs with.
func TestOpenSettings(t *testing.T) {
	t.Parallel()
	eng, err := embedded.Open(context.Background(), embedded.Options{Threads: 1, MemoryLimit: "1GB"})
	require.NoError(t, err)
	defer eng.Close()
	require.Equal(t, "true", setting(t, eng, "allocator_background_threads"))
	require.Equal(t, "1", setting(t, eng, "threads"))
	require.Equal(t, "953.6 MiB", setting(t, eng, "memory_limit"))
	require.Equal(t, "FSST", setting(t, eng, "disabled_compression_methods"))
}

// TestOpenFileMemoryLimit: a file opened read-write without a memory limit
// gets DefaultFileMemoryLimit; one in memory or opened read-only keeps DuckDB's
// default; a given limit wins, read-only too.
func TestOpenFileMemoryLimit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, c := range []struct {
		opts embedded.Options
		want string
	}{
		{embedded.Options{Path: filepath.Join(dir, "a.duckdb")}, "1.5 GiB"},
		{embedded.Options{Path: filepath.Join(dir, "b.duckdb"), MemoryLimit: "1GB"}, "953.6 MiB"},
		{embedded.Options{Path: filepath.Join(dir, "a.duckdb"), ReadOnly: true, MemoryLimit: "1GB"}, "953.6 MiB"},
	} {
		eng, err := embedded.Open(context.Background(), c.opts)
		require.NoError(t, err)
		require.Equal(t, c.want, setting(t, eng, "memory_limit"))
		require.NoError(t, eng.Close())
	}
	for _, opts := range []embedded.Options{{}, {Path: filepath.Join(dir, "a.duckdb"), ReadOnly: true}} {
		eng, err := embedded.Open(context.Background(), opts)
		require.NoError(t, err)
		require.NotEqual(t, "1.5 GiB", setting(t, eng, "memory_limit"), "%+v", opts)
		require.NoError(t, eng.Close())
	}
}

// TestOpenFileBlockAllocator: a file opened read-write with the default memory
// limit keeps fileBlockAllocatorMemory of DuckDB's block memory instead of
// returning it to the system; a given limit, memory and read-only opens keep
// DuckDB's default (none).
func TestOpenFileBlockAllocator(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.duckdb")
	for _, c := range []struct {
		opts embedded.Options
		want string
	}{
		{embedded.Options{Path: path}, "1.0 GiB"},
		{embedded.Options{Path: filepath.Join(dir, "b.duckdb"), MemoryLimit: "1GB"}, "0 bytes"},
		{embedded.Options{Path: path, ReadOnly: true}, "0 bytes"},
		{embedded.Options{}, "0 bytes"},
	} {
		eng, err := embedded.Open(context.Background(), c.opts)
		require.NoError(t, err)
		require.Equal(t, c.want, setting(t, eng, "block_allocator_memory"), "%+v", c.opts)
		require.NoError(t, eng.Close())
	}
}

// TestOpenFSST: with FSST off (the default) a high-cardinality text column is
// not stored FSST-compressed; with Options.FSST it may be.
func TestOpenFSST(t *testing.T) {
	t.Parallel()
	for _, fsst := range []bool{false, true} {
		eng, err := embedded.Open(context.Background(), embedded.Options{Path: filepath.Join(t.TempDir(), "f.duckdb"), FSST: fsst})
		require.NoError(t, err)
		_, err = eng.DB().Exec(`CREATE TABLE t AS SELECT 'customer number ' || (i * 7919 % 100003)::VARCHAR AS s FROM range(200000) r(i)`)
		require.NoError(t, err)
		_, err = eng.DB().Exec(`CHECKPOINT`)
		require.NoError(t, err)
		var n int
		require.NoError(t, eng.DB().QueryRow(`SELECT COUNT(*) FROM pragma_storage_info('t') WHERE compression = 'FSST'`).Scan(&n))
		require.Equal(t, fsst, n > 0, "FSST segments with Options.FSST=%v: %d", fsst, n)
		require.NoError(t, eng.Close())
	}
}

func setting(t *testing.T, eng *embedded.Engine, name string) string {
	t.Helper()
	var v string
	require.NoError(t, eng.DB().QueryRow(`SELECT value FROM duckdb_settings() WHERE name = ?`, name).Scan(&v))
	return v
}
