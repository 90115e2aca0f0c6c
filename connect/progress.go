package connect

import (
	"io"
	"os"

	"github.com/salesanalytics/salesanalytics/internal/termui"
	"github.com/salesanalytics/salesanalytics/pipeline"
)

// Progress prints set-up progress on one rewritten line, and only to a
// terminal: into a pipe or a file it prints nothing (see [termui.Progress]).
type Progress struct{ line *termui.Progress }

// NewProgress returns a Progress writing to w, enabled when w is a terminal.
func NewProgress(w io.Writer) *Progress {
	return &Progress{line: termui.NewProgress(w, termui.Detect(w, os.Getenv))}
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool { return termui.IsTerminal(w) }

// Printf rewrites the progress line.
func (p *Progress) Printf(format string, args ...any) { _ = p.line.Printf(format, args...) }

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
func (p *Progress) Done() { _ = p.line.Clear() }
