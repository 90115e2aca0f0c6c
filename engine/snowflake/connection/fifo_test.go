//go:build unix

package connection_test

import (
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

// TestFIFOIsNotRead: a FIFO as the configuration, key or token file is refused
// at once; before, Resolve waited for a writer forever. The deadline only turns
// a hang into a failure.
func TestFIFOIsNotRead(t *testing.T) {
	t.Parallel()
	for _, which := range []string{"connections.toml", "key", "token"} {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "fifo")
		require.NoError(t, syscall.Mkfifo(fifo, 0o600))
		cfg := filepath.Join(dir, connection.ConnectionsFile)
		switch which {
		case "connections.toml":
			cfg = fifo
			require.NoError(t, syscall.Rename(fifo, filepath.Join(dir, connection.ConnectionsFile)))
		case "key":
			writeFile(t, cfg, fmt.Sprintf("[c]\naccount = \"a\"\nuser = \"u\"\nauthenticator = \"SNOWFLAKE_JWT\"\nprivate_key_file = %q\n", fifo), 0o600)
		case "token":
			writeFile(t, cfg, fmt.Sprintf("[c]\naccount = \"a\"\nauthenticator = \"OAUTH\"\ntoken_file_path = %q\n", fifo), 0o600)
		}
		opts, _ := options(t, dir, nil)
		done := make(chan error, 1)
		go func() { _, err := connection.Resolve("c", opts); done <- err }()
		select {
		case err := <-done:
			require.ErrorContains(t, err, "not a regular file", which)
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: Resolve still reading a FIFO after 30 s", which)
		}
	}
}
