package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// Updating reports whether -update was given.
func Updating() bool { return *update }

// Check compares got with the file at path (relative to the test's package), or
// writes got there under -update.
func Check(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		require.NoError(tb, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(tb, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(tb, err, "missing golden file; run go test -update")
	require.Equal(tb, string(want), string(got), "golden file %s differs; run go test -update to accept", path)
}
