package term

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// PrintFlags writes fs's flags as [flag.FlagSet.PrintDefaults] does, a flag's
// name and type on one line and its text below, but with the text wrapped at
// its spaces to the width of w (COLUMNS, the terminal's, 80 in a pipe) and
// indented with spaces, so -h fits an 80-column terminal and never breaks a
// word.
func PrintFlags(w io.Writer, fs *flag.FlagSet) {
	var b strings.Builder
	out := fs.Output()
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(out)
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if text, ok := strings.CutPrefix(line, "    \t"); ok {
			Hang(w, "        ", text)
			continue
		}
		// A one-letter flag has its text on its own line after a tab.
		name, text, _ := strings.Cut(line, "\t")
		if text != "" {
			name += strings.Repeat(" ", max(8-termui.Width(name), 1))
		}
		Hang(w, name, text)
	}
}

// Hang writes text after lead, wrapped at its spaces to the width of w
// (COLUMNS, the terminal's, 80 in a pipe): the lines after the first are
// indented as wide as lead, and a word is never broken. Help texts, command
// lists and prose answers use it.
func Hang(w io.Writer, lead, text string) {
	width := Columns(w)
	indent := strings.Repeat(" ", termui.Width(lead))
	for i, line := range strings.Split(termui.Wrap(text, max(width-len(indent), 20), ""), "\n") {
		if i == 0 {
			fmt.Fprintln(w, strings.TrimRight(lead+line, " "))
		} else {
			fmt.Fprintln(w, indent+line)
		}
	}
}

// Usage returns a usage function for fs (its Usage field, or flag.Usage for
// flag.CommandLine) that writes "Usage of NAME:" and the flags as
// [PrintFlags] does, to fs's output.
func Usage(fs *flag.FlagSet) func() {
	return func() {
		fmt.Fprintf(fs.Output(), "Usage of %s:\n", filepath.Base(fs.Name()))
		PrintFlags(fs.Output(), fs)
	}
}

// Columns is the width output to w gets: COLUMNS when set, else the
// terminal's width, 80 in a pipe or a file.
func Columns(w io.Writer) int { return termui.Detect(w, os.Getenv).Columns() }
