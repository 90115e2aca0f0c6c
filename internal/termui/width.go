package termui

import (
	"strings"

	"github.com/jedib0t/go-pretty/v6/text"
)

// Output must not depend on the locale. go-runewidth, under go-pretty, counts
// East Asian ambiguous-width characters — every rule, block and dash this package
// draws (─ █ ▏ — …) — as two columns when LANG or LC_ALL names a CJK locale, which
// would change tables and charts from one machine to the next. Terminals draw them
// one column wide unless told otherwise, so this package fixes that choice for
// go-pretty's tables and its own measuring alike. Wide characters proper (東京)
// still count two.
func init() { text.OverrideRuneWidthEastAsianWidth(false) }

// width is the number of terminal columns s takes, escape sequences not counted.
func width(s string) int { return text.StringWidthWithoutEscSequences(Clean(s)) }

// pad pads s with spaces to w columns, on the right for left alignment and on the
// left for right alignment.
func pad(s string, w int, a Align) string {
	gap := strings.Repeat(" ", max(w-width(s), 0))
	if a == AlignRight {
		return gap + s
	}
	return s + gap
}

// trimLines removes the spaces at the end of each line, so that output has none.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
