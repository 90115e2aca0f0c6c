package termui

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestDetectRules(t *testing.T) {
	t.Parallel()
	size := func(w int, err error) func() (int, error) { return func() (int, error) { return w, err } }
	for _, tc := range []struct {
		name     string
		terminal bool
		size     func() (int, error)
		env      map[string]string
		want     Options
	}{
		{"pipe", false, size(0, errNoTerminal), nil, Options{Width: DefaultWidth}},
		{"pipe", false, size(0, errNoTerminal), nil, Options{Width: DefaultWidth}},
		{"pipe ignores colour settings", false, size(0, errNoTerminal), map[string]string{"TERM": "xterm-256color"}, Options{Width: DefaultWidth}},
		{"COLUMNS sets a pipe's width", false, size(0, errNoTerminal), map[string]string{"COLUMNS": "100"}, Options{Width: 100}},
		{"COLUMNS is clamped", false, size(0, errNoTerminal), map[string]string{"COLUMNS": "200"}, Options{Width: MaxWidth}},
		{"COLUMNS not a number", false, size(0, errNoTerminal), map[string]string{"COLUMNS": "wide"}, Options{Width: DefaultWidth}},
		{"COLUMNS over the terminal's size", true, size(100, nil), map[string]string{"COLUMNS": "90"}, Options{Width: 90, Color: true, Terminal: true}},
		{"terminal", true, size(100, nil), nil, Options{Width: 100, Color: true, Terminal: true}},
		{"NO_COLOR", true, size(100, nil), map[string]string{"NO_COLOR": "1"}, Options{Width: 100, Terminal: true}},
		{"NO_COLOR empty is unset", true, size(100, nil), map[string]string{"NO_COLOR": ""}, Options{Width: 100, Color: true, Terminal: true}},
		{"dumb terminal", true, size(100, nil), map[string]string{"TERM": "dumb"}, Options{Width: 100, Terminal: true}},
		{"size unknown", true, size(0, errors.New("ioctl")), nil, Options{Width: DefaultWidth, Color: true, Terminal: true}},
		{"narrow", true, size(20, nil), nil, Options{Width: MinWidth, Color: true, Terminal: true}},
		{"wide", true, size(300, nil), nil, Options{Width: MaxWidth, Color: true, Terminal: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.want, detect(tc.terminal, tc.size, env(tc.env)))
		})
	}
}

func TestDetectOnRealWriters(t *testing.T) {
	t.Parallel()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	t.Cleanup(func() { _ = r.Close(); _ = w.Close() })
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	t.Cleanup(func() { _ = devnull.Close() })
	file, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = file.Close() })

	plain := Options{Width: DefaultWidth}
	for name, wr := range map[string]interface{ Write([]byte) (int, error) }{
		"pipe": w, "/dev/null (a character device)": devnull, "file": file, "buffer": &bytes.Buffer{},
	} {
		require.False(t, IsTerminal(wr), name)
		require.Equal(t, plain, Detect(wr, env(nil)), name)
	}

	tty, _ := openPTY(t, 132)
	require.True(t, IsTerminal(tty))
	require.Equal(t, Options{Width: MaxWidth, Color: true, Terminal: true}, Detect(tty, env(nil)))
	require.Equal(t, Options{Width: MaxWidth, Terminal: true}, Detect(tty, env(map[string]string{"NO_COLOR": "yes"})))
}

func TestDefaultWidth(t *testing.T) {
	t.Parallel()
	for in, want := range map[int]int{0: DefaultWidth, 1: MinWidth, 60: 60, 1000: MaxWidth} {
		require.Equal(t, want, Options{Width: in}.width(), "Width %d", in)
	}
}

// TestOutputIgnoresTheLocale runs the golden tests again in a CJK locale, where
// go-runewidth would count ─ █ — as two columns unless the package fixes them at one.
func TestOutputIgnoresTheLocale(t *testing.T) {
	t.Parallel()
	if os.Getenv("TERMUI_LOCALE_CHILD") != "" {
		t.Skip("already the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^(TestGolden|Example)$", "-test.count=1")
	cmd.Env = append(os.Environ(), "LC_ALL=ja_JP.UTF-8", "LANG=ja_JP.UTF-8", "RUNEWIDTH_EASTASIAN=1", "TERMUI_LOCALE_CHILD=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "PASS")
	require.Equal(t, 1, width("─"))
	require.Equal(t, 2, width("東"))
}
