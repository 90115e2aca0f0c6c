package connection

import "fmt"

// maxNesting bounds how deeply arrays and inline tables may nest in a
// configuration file: the TOML parser's time grows with depth (a 100,000-deep
// array took seconds), and no connection needs more than a few levels.
const maxNesting = 64

// checkNesting refuses a document whose brackets nest deeper than maxNesting.
// It skips comments and the four kinds of TOML strings, so brackets inside a
// value (a password, say) do not count; it says only the line, never the text.
func checkNesting(source string, data []byte) error {
	depth, line := 0, 1
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line++
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end, lines := skipString(data, i)
			i, line = end, line+lines
		case '[', '{':
			depth++
			if depth > maxNesting {
				return fmt.Errorf("%w: %s:%d: arrays and tables nest deeper than %d levels", ErrSyntax, source, line, maxNesting)
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}

// skipString returns the index of the last byte of the string starting at i
// (or the end of data), and how many newlines it spans.
func skipString(data []byte, i int) (end, lines int) {
	q := data[i]
	multi := i+2 < len(data) && data[i+1] == q && data[i+2] == q
	j := i + 1
	if multi {
		j = i + 3
	}
	for ; j < len(data); j++ {
		c := data[j]
		switch {
		case c == '\n':
			if !multi {
				return j - 1, lines // an unterminated string ends at its line; the parser reports it
			}
			lines++
		case c == '\\' && q == '"':
			j++
			if j < len(data) && data[j] == '\n' {
				lines++
			}
		case c == q && !multi:
			return j, lines
		case c == q && j+2 < len(data) && data[j+1] == q && data[j+2] == q:
			// up to two more quotes may belong to the content: """a""""" ends at the last three
			for j+3 < len(data) && data[j+3] == q {
				j++
			}
			return j + 2, lines
		}
	}
	return len(data) - 1, lines
}
