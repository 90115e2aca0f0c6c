package embedded_test

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/scan"
)

// TestOpenTurnsExtensionFetchingOff: no extension is installed from the network
// or loaded from the user's extension directory behind the SDK's back.
func TestOpenTurnsExtensionFetchingOff(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	for _, name := range []string{"autoinstall_known_extensions", "autoload_known_extensions"} {
		var v string
		require.NoError(t, eng.DB().QueryRow(`SELECT value FROM duckdb_settings() WHERE name = ?`, name).Scan(&v))
		require.Equal(t, "false", v, name)
	}
}

// TestOpenTakesThePathAsAFileName: a '?' in the path would be read by DuckDB as
// settings (w.duckdb?access_mode=read_only); it is refused, naming the path, and
// nothing is created.
func TestOpenTakesThePathAsAFileName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, ro := range []bool{false, true} {
		p := filepath.Join(dir, "w.duckdb?access_mode=read_only")
		_, err := embedded.Open(context.Background(), embedded.Options{Path: p, ReadOnly: ro})
		require.ErrorIs(t, err, embedded.ErrOpen)
		require.ErrorContains(t, err, "w.duckdb?access_mode=read_only")
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		require.Empty(t, entries)
	}
}

func sha(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

// TestReadOnlyOpenWritesNothing: a read-only engine reads the file, refuses to
// write it, leaves its bytes and its directory as they were, and shares the file
// with another read-only handle; a missing file is an error, not a new database.
func TestReadOnlyOpenWritesNothing(t *testing.T) {
	t.Parallel()
	path := tempDB(t)
	rw := openFile(t, path)
	_, err := rw.DB().Exec(`CREATE TABLE t AS SELECT 1 AS x`)
	require.NoError(t, err)
	require.NoError(t, rw.Close())
	before := sha(t, path)
	list := func() []string {
		es, err := os.ReadDir(filepath.Dir(path))
		require.NoError(t, err)
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		return names
	}
	files := list()

	ro, err := embedded.Open(context.Background(), embedded.Options{Path: path, ReadOnly: true})
	require.NoError(t, err)
	require.True(t, ro.ReadOnly())
	var x int
	require.NoError(t, ro.DB().QueryRow(`SELECT x FROM t`).Scan(&x))
	require.Equal(t, 1, x)
	_, err = ro.DB().Exec(`INSERT INTO t VALUES (2)`)
	require.ErrorContains(t, err, "read-only")
	require.NoError(t, ro.Close())
	require.Equal(t, before, sha(t, path))
	require.Equal(t, files, list())

	_, err = embedded.Open(context.Background(), embedded.Options{Path: path + ".missing", ReadOnly: true})
	require.ErrorIs(t, err, os.ErrNotExist)
	require.Equal(t, files, list())
}

// TestReadOnlyOpenNeedsNoWritableDirectory: a file in a directory the process
// may not write is viewed read-only. As root the permission bits do not stop the
// process, so this proves the open asks for no write only when run as another
// user (the program test runs it as nobody).
func TestReadOnlyOpenNeedsNoWritableDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "sales.duckdb")
	rw := openFile(t, path)
	_, err := rw.DB().Exec(`CREATE TABLE t AS SELECT 1 AS x`)
	require.NoError(t, err)
	require.NoError(t, rw.Close())
	require.NoError(t, os.Chmod(path, 0o444))
	require.NoError(t, os.Chmod(dir, 0o555))
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	before := sha(t, path)
	ro, err := embedded.Open(context.Background(), embedded.Options{Path: path, ReadOnly: true})
	require.NoError(t, err)
	require.NoError(t, ro.DB().QueryRow(`SELECT count(*) FROM t`).Err())
	require.NoError(t, ro.Close())
	require.Equal(t, before, sha(t, path))
}

// TestSmallIntegersReadExactly: every integer width DuckDB has, at its limits,
// reads exactly through the scanners, with no float on the way; a value past
// int64 is an error naming the column, not a wrapped number.
func TestSmallIntegersReadExactly(t *testing.T) {
	t.Parallel()
	eng := openMem(t)
	cols := []struct{ typ, min, max string }{
		{"TINYINT", "-128", "127"},
		{"SMALLINT", "-32768", "32767"},
		{"INTEGER", "-2147483648", "2147483647"},
		{"UTINYINT", "0", "255"},
		{"USMALLINT", "0", "65535"},
		{"UINTEGER", "0", "4294967295"},
		{"UBIGINT", "0", "18446744073709551615"},
	}
	for _, c := range cols {
		for _, v := range []string{c.min, c.max} {
			var d decimal.Decimal
			require.NoError(t, eng.DB().QueryRow(`SELECT CAST('`+v+`' AS `+c.typ+`)`).Scan(scan.Decimal(&d)), c.typ)
			require.Equal(t, v, d.String(), c.typ)
		}
	}
	res, err := query.RunSQL(context.Background(), eng.DB(),
		`SELECT CAST(-128 AS TINYINT) AS a, CAST(65535 AS USMALLINT) AS b, CAST(255 AS UTINYINT) AS c, CAST(9223372036854775807 AS UBIGINT) AS d`, 10)
	require.NoError(t, err)
	require.Equal(t, query.Row{int64(-128), int64(65535), int64(255), int64(9223372036854775807)}, res.Rows[0])
	_, err = query.RunSQL(context.Background(), eng.DB(), `SELECT CAST(18446744073709551615 AS UBIGINT) AS big`, 10)
	require.ErrorContains(t, err, "column big")
	require.ErrorContains(t, err, "18446744073709551615")
}
