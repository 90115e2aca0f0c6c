package sqlparse

import (
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
)

// QuoteString renders s as a string literal that d's engine reads back as s:
// quotes doubled on both, and on Snowflake, where a backslash escapes, backslashes
// doubled too. NUL bytes, which neither engine keeps in text, are dropped.
func QuoteString(d dialect.Dialect, s string) string {
	s = strings.ReplaceAll(s, "\x00", "")
	if d == dialect.Snowflake {
		s = strings.ReplaceAll(s, `\`, `\\`)
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
