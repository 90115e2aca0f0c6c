package cli

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/salesanalytics/salesanalytics/pipeline"
)

// Progress prints set-up progress on one rewritten line, and only to a
// terminal: into a pipe or a file it prints nothing.
type Progress struct {
	w  io.Writer
	on bool
}

// NewProgress returns a Progress writing to w, enabled when w is a terminal.
func NewProgress(w io.Writer) *Progress {
	return &Progress{w: w, on: IsTerminal(w)}
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Printf rewrites the progress line.
func (p *Progress) Printf(format string, args ...any) {
	if p.on {
		fmt.Fprintf(p.w, "\r\033[K"+format, args...)
	}
}

// Event shows one set-up event.
func (p *Progress) Event(e pipeline.Event) {
	switch {
	case e.Table != "" && e.Total > 0:
		p.Printf("  %s: %s rows %3d%%", e.Phase, e.Table, 100*e.Done/e.Total)
	case e.Finished:
		p.Printf("  %s ✓", e.Phase)
	}
}

// Done clears the progress line.
func (p *Progress) Done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
