package termui

import (
	"io"
	"strconv"
	"strings"

	"golang.org/x/term"
)

// DefaultWidth is the width, in columns, of output that does not go to a terminal,
// and of a terminal whose size cannot be read.
const DefaultWidth = 80

// MinWidth and MaxWidth bound [Options.Width]: charts narrower than MinWidth have no
// room for their bars, and wider than MaxWidth stop being readable.
const (
	MinWidth = 40
	MaxWidth = 120
)

// Options says how to render: every rendering function takes one, so that output is
// a pure function of its input and its Options. [Detect] chooses them for a real
// writer; tests set them directly.
type Options struct {
	// Width is the number of columns that bars, sparklines and rules fill. Zero means
	// [DefaultWidth]; other values are clamped to [MinWidth, MaxWidth].
	Width int
	// Color turns on ANSI colour and bold. [Detect] sets it only for a terminal and
	// never when NO_COLOR is set.
	Color bool
	// Terminal says the writer is an interactive terminal: [Progress] draws its
	// "\r" lines only then.
	Terminal bool
}

// Columns returns the width output fills: Width, or [DefaultWidth] for zero,
// clamped to [MinWidth, MaxWidth].
func (o Options) Columns() int { return o.width() }

// width returns the effective width.
func (o Options) width() int {
	if o.Width == 0 {
		return DefaultWidth
	}
	return min(max(o.Width, MinWidth), MaxWidth)
}

// Detect returns the Options for writing to w: a terminal gets its own width,
// progress lines and, unless NO_COLOR is set to anything non-empty or TERM is
// "dumb", colour; anything else (a pipe, a file, a buffer) gets [DefaultWidth], no
// colour and no progress lines, so output into a pipe is the same wherever it
// runs. COLUMNS, when set to a number, is the width either way (as ls reads
// it). getenv is usually os.Getenv.
func Detect(w io.Writer, getenv func(string) string) Options {
	fd, ok := terminalFd(w)
	size := func() (int, error) { return 0, errNoTerminal }
	if ok {
		size = func() (int, error) {
			width, _, err := term.GetSize(fd)
			return width, err
		}
	}
	return detect(ok, size, getenv)
}

// detect is [Detect] with the terminal test and its size taken as given.
func detect(terminal bool, size func() (int, error), getenv func(string) string) Options {
	o := Options{Width: DefaultWidth, Terminal: terminal}
	if terminal {
		if w, err := size(); err == nil && w > 0 {
			o.Width = min(max(w, MinWidth), MaxWidth)
		}
		o.Color = getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
	}
	if n, err := strconv.Atoi(strings.TrimSpace(getenv("COLUMNS"))); err == nil && n > 0 {
		o.Width = min(max(n, MinWidth), MaxWidth)
	}
	return o
}

// IsTerminal reports whether w is an interactive terminal. It asks the terminal
// driver (golang.org/x/term), so a pipe, a regular file and /dev/null (a character
// device, but no terminal) all answer false.
func IsTerminal(w io.Writer) bool {
	_, ok := terminalFd(w)
	return ok
}

// terminalFd returns w's file descriptor if w is a terminal.
func terminalFd(w io.Writer) (int, bool) {
	f, ok := w.(interface{ Fd() uintptr })
	if !ok {
		return 0, false
	}
	fd := int(f.Fd())
	return fd, term.IsTerminal(fd)
}
