package embedded

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestUnwritableDirNamesNoProbeFile: a directory that takes no file is told
// by its name and the system's reason, never by the name of the probe file
// tried in it ("open /proc/.salesanalytics-probe-1292817203: …" before).
func TestUnwritableDirNamesNoProbeFile(t *testing.T) {
	err := checkWritableDir("/proc/x.duckdb")
	require.Error(t, err)
	require.Contains(t, err.Error(), `directory "/proc" is not writable: `)
	require.NotContains(t, err.Error(), "probe")
	require.ErrorIs(t, err, ErrOpen)
}
