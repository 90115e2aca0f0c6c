package semantic_test

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// ossieWantRE reads an invalid Ossie fixture's first line:
// "# want: LINE:COL key.path: message" (or "any" for the position).
var ossieWantRE = regexp.MustCompile(`^# want: (any|(\d+):(\d+)) ([^ ]*): (.*)$`)

// Every broken Ossie document names, on its first line, the key and the message
// of the error it must produce, and where (when the key is in the file).
func TestBrokenOssieReportsTheKey(t *testing.T) {
	t.Parallel()
	eachInvalidFixture(t, "testdata/ossie/invalid/*.yaml", 20, ossieWantRE, func(t *testing.T, file string, data []byte, w []string) {
		if strings.HasSuffix(file, "23_empty.yaml") {
			data = nil // the fixture is empty but for its want line
		}

		m, err := semantic.ParseOssie(file, data)
		require.Nil(t, m)
		require.ErrorIs(t, err, semantic.ErrInvalidModel)
		var perr *semantic.Error
		require.True(t, errors.As(err, &perr))
		for _, p := range perr.Problems {
			if p.Path != w[4] || !strings.Contains(p.Message, w[5]) {
				continue
			}
			if w[1] != "any" {
				line, _ := strconv.Atoi(w[2])
				col, _ := strconv.Atoi(w[3])
				require.Equal(t, [2]int{line, col}, [2]int{p.Pos.Line, p.Pos.Column}, "position of %q", p.Message)
			}
			require.Contains(t, err.Error(), p.String())
			return
		}
		t.Fatalf("no problem at %q contains %q; got:\n%v", w[4], w[5], err)
	})
}

func TestOssieLargerThanTheLimitIsRefused(t *testing.T) {
	t.Parallel()
	big := make([]byte, semantic.MaxModelSize+1)
	for i := range big {
		big[i] = ' '
	}
	_, err := semantic.ParseOssie("big.yaml", big)
	require.ErrorContains(t, err, "a semantic model may be at most")
}

// Aliases cannot blow a small document up into a huge one.
func TestOssieAliasBombIsRefused(t *testing.T) {
	t.Parallel()
	doc := "version: 0.2.0.dev0\nx0: &a0 [n, n, n, n, n, n, n, n, n, n]\n"
	for i := 1; i < 8; i++ {
		doc += "x" + strconv.Itoa(i) + ": &a" + strconv.Itoa(i) + " [" + strings.Repeat("*a"+strconv.Itoa(i-1)+", ", 9) + "*a" + strconv.Itoa(i-1) + "]\n"
	}
	doc += "semantic_model: [*a7]\n"
	_, err := semantic.ParseOssie("bomb.yaml", []byte(doc))
	require.Error(t, err)
}
