package termui

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestProgressOnATerminal(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	p := NewProgress(&b, Options{Width: 40, Terminal: true})
	require.NoError(t, p.Update("loading ORDERS 10%"))
	require.NoError(t, p.Printf("loading %s %d%%", "ORDERS", 100))
	require.NoError(t, p.Update("done"))                      // shorter: the rest is blanked
	require.NoError(t, p.Update("\x1b[1mbold\x1b[0m\x1b[2J")) // colour and control removed
	n, err := fmt.Fprintf(p, "%s\n", strings.Repeat("x", 60))
	require.NoError(t, err)
	require.Equal(t, 61, n)
	require.NoError(t, p.Clear())
	require.NoError(t, p.Clear(), "clearing twice writes nothing more")
	require.Equal(t, strings.Join([]string{
		"\rloading ORDERS 10%",
		"\rloading ORDERS 100%",
		"\rdone" + strings.Repeat(" ", 15),
		"\rbold[2J",
		"\r" + strings.Repeat("x", 38) + "…",
		"\r" + strings.Repeat(" ", 39) + "\r",
	}, ""), b.String())
}

func TestProgressWritesNothingIntoAPipe(t *testing.T) {
	t.Parallel()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	t.Cleanup(func() { _ = r.Close() })
	p := NewProgress(w, Detect(w, os.Getenv))
	require.NoError(t, p.Update("loading"))
	require.NoError(t, p.Printf("%d", 1))
	_, err = p.Write([]byte("x\n"))
	require.NoError(t, err)
	require.NoError(t, p.Clear())
	require.NoError(t, w.Close())
	var got bytes.Buffer
	_, err = got.ReadFrom(r)
	require.NoError(t, err)
	require.Empty(t, got.String())
}

func TestProgressDrawsOnARealTerminal(t *testing.T) {
	t.Parallel()
	tty, ctl := openPTY(t, 80)
	p := NewProgress(tty, Detect(tty, func(string) string { return "" }))
	require.NoError(t, p.Update("step 1"))
	require.NoError(t, p.Clear())
	buf := make([]byte, 64)
	var got []byte
	for !bytes.HasSuffix(got, []byte("      \r")) {
		n, err := ctl.Read(buf)
		require.NoError(t, err)
		got = append(got, buf[:n]...)
	}
	require.Equal(t, "\rstep 1\r      \r", string(got))
}

func TestProgressIsSafeForConcurrentUse(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	p := NewProgress(&b, Options{Terminal: true})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				_ = p.Printf("worker %d row %d", g, i)
			}
		}()
	}
	wg.Wait()
	require.NoError(t, p.Clear())
	require.Equal(t, 801, strings.Count(b.String(), "\r")-1, "every update is one whole line")
}
