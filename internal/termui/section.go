package termui

import (
	"io"
	"strings"
)

// ruleChar draws rules and section lines.
const ruleChar = "─"

// Section writes a heading line that runs the width: "── Title ─────…", bold on a
// colour terminal. Write a blank line before it to separate it from what precedes.
func Section(w io.Writer, o Options, title string) error {
	title = Clean(title)
	rest := max(o.width()-width(title)-4, 2)
	line := ruleChar + ruleChar + " " + Paint(o, ToneBold, title) + " " + strings.Repeat(ruleChar, rest)
	_, err := io.WriteString(w, line+"\n")
	return err
}

// Rule writes a separator line that runs the width.
func Rule(w io.Writer, o Options) error {
	_, err := io.WriteString(w, Paint(o, ToneDim, strings.Repeat(ruleChar, o.width()))+"\n")
	return err
}
