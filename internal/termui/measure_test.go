package termui

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWidthCountsTerminalColumns(t *testing.T) {
	for s, want := range map[string]int{
		"revenue": 7,
		Paint(Options{Color: true}, ToneBold, "ab"): 2, // colour counts none
		"東京":                 4,  // wide characters two
		"─…—":                3,  // ambiguous ones one, whatever the locale
		"a\x1b]0;title\x07b": 10, // other escapes are cleaned to text first
	} {
		require.Equal(t, want, Width(s), "%q", s)
	}
}
