package termui

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/jedib0t/go-pretty/v6/text"
)

// Progress draws a status line that rewrites itself ("\r") on a terminal, and
// writes nothing at all anywhere else: a pipe or a file receives no progress, only
// what the program prints for good. It is safe for concurrent use.
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	width int
	shown int // columns of the line now on screen
}

// NewProgress returns a Progress for w that draws only when o.Terminal is set (as
// [Detect] sets it for a terminal).
func NewProgress(w io.Writer, o Options) *Progress {
	return &Progress{w: w, on: o.Terminal, width: o.width()}
}

// Update replaces the status line with msg: plain text ([Clean]ed, colour
// removed), cut to the width.
func (p *Progress) Update(msg string) error {
	if !p.on {
		return nil
	}
	msg = cut(text.StripEscape(Clean(msg)), p.width-1)
	p.mu.Lock()
	defer p.mu.Unlock()
	n := width(msg)
	_, err := io.WriteString(p.w, "\r"+msg+strings.Repeat(" ", max(p.shown-n, 0)))
	p.shown = n
	return err
}

// Printf is Update with a format.
func (p *Progress) Printf(format string, args ...any) error {
	if !p.on {
		return nil
	}
	return p.Update(fmt.Sprintf(format, args...))
}

// Write makes a Progress an io.Writer: each write replaces the status line with
// its text, a trailing line break dropped. It always reports len(b) written unless
// the terminal write fails.
func (p *Progress) Write(b []byte) (int, error) {
	if err := p.Update(strings.TrimRight(string(b), "\r\n")); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Clear erases the status line and returns the cursor to its start, so that the
// next output starts on a clean line.
func (p *Progress) Clear() error {
	if !p.on {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown == 0 {
		return nil
	}
	_, err := io.WriteString(p.w, "\r"+strings.Repeat(" ", p.shown)+"\r")
	p.shown = 0
	return err
}

// cut shortens s to at most n columns, ending it with "…" when it had to.
func cut(s string, n int) string {
	if width(s) <= n {
		return s
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		rw := width(string(r))
		if used+rw > n-1 {
			break
		}
		b.WriteRune(r)
		used += rw
	}
	return b.String() + "…"
}
