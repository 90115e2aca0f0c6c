package term

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// sqlIndent starts the continuation lines of WrapSQL.
const sqlIndent = "  "

// WrapSQL breaks each line of sql longer than width at its spaces outside
// quotes ('…' literals and "…" identifiers), the continuations indented by
// sqlIndent; a word longer than a line stands on a line of its own. Only a
// space between tokens becomes a line break, so the statement means the same:
// replacing "\n"+sqlIndent by " " gives sql back.
func WrapSQL(sql string, width int) string {
	lines := strings.Split(sql, "\n")
	for i, line := range lines {
		lines[i] = wrapSQLLine(line, width)
	}
	return strings.Join(lines, "\n")
}

func wrapSQLLine(line string, width int) string {
	var out, cur strings.Builder
	n := 0 // the width of cur
	for i, w := range splitOutsideQuotes(line) {
		ww := termui.Width(w)
		switch {
		case i == 0:
			cur.WriteString(w)
			n = ww
		case n+1+ww <= width:
			cur.WriteString(" " + w)
			n += 1 + ww
		default:
			out.WriteString(cur.String() + "\n")
			cur.Reset()
			cur.WriteString(sqlIndent + w)
			n = len(sqlIndent) + ww
		}
	}
	out.WriteString(cur.String())
	return out.String()
}

// splitOutsideQuotes splits line at each space outside quotes. A doubled
// quote inside a quoted part ('it”s') closes and reopens it, which keeps
// the count right.
func splitOutsideQuotes(line string) []string {
	var words []string
	var quote rune
	start := 0
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == ' ':
			words = append(words, line[start:i])
			start = i + 1
		}
	}
	return append(words, line[start:])
}
