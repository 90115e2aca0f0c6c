package term

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// TestFailedExportLeavesTheOldFile writes a table of 64 KiB under a file-size
// limit of 8 KiB, so the write really fails half-way (EFBIG, as a full disk
// fails): the file of the same name from before stays as it was, and no
// stray file is left beside it. Without the limit the table replaces it
// whole, readable by all. (Not parallel: the limit is the process's.)
func TestFailedExportLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	f := dashboard.Filter{}
	table := dashboard.Table{Name: "regions", Columns: []string{"rank", "name"}}
	for i := range 4000 {
		table.Rows = append(table.Rows, []dashboard.Cell{{Text: strconv.Itoa(i)}, {Text: "West region"}})
	}
	path := filepath.Join(dir, dashboard.ExportName("executive", table.Name, f))
	old := "rank,name\n1,West\n"
	require.NoError(t, os.WriteFile(path, []byte(old), 0o640))
	require.NoError(t, os.Chmod(path, 0o640)) // whatever the umask

	var limit syscall.Rlimit
	require.NoError(t, syscall.Getrlimit(syscall.RLIMIT_FSIZE, &limit))
	small := limit
	small.Cur = 8 << 10
	require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small))
	err := writeFiles(io.Discard, dir, "executive", f, []dashboard.Table{table})
	require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit))
	require.ErrorIs(t, err, syscall.EFBIG)
	require.NotContains(t, err.Error(), ".tmp", "the error names no temporary file")

	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, old, string(b), "the old file is intact")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file is left")

	require.NoError(t, writeFiles(io.Discard, dir, "executive", f, []dashboard.Table{table}))
	b, err = os.ReadFile(path)
	require.NoError(t, err)
	require.Greater(t, len(b), 64<<10)
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "a replaced file keeps its mode")
	entries, err = os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1)
}

// TestNewExportTakesCreatesMode: a new export gets the mode os.Create gives a
// file in the same place (0666 less the umask), not the temporary file's 0600
// nor a fixed 0644 that would ignore a umask of 077.
func TestNewExportTakesCreatesMode(t *testing.T) {
	dir := t.TempDir()
	probe, err := os.Create(filepath.Join(dir, "probe"))
	require.NoError(t, err)
	require.NoError(t, probe.Close())
	want, err := os.Stat(probe.Name())
	require.NoError(t, err)

	f := dashboard.Filter{}
	table := dashboard.Table{Name: "regions", Columns: []string{"rank"}, Rows: [][]dashboard.Cell{{{Text: "1"}}}}
	require.NoError(t, writeFiles(io.Discard, dir, "executive", f, []dashboard.Table{table}))
	got, err := os.Stat(filepath.Join(dir, dashboard.ExportName("executive", table.Name, f)))
	require.NoError(t, err)
	require.Equal(t, want.Mode().Perm(), got.Mode().Perm())
}
