package term

import (
	"github.com/salesanalytics/salesanalytics/internal/termui"
	"regexp"
	"strings"
)

// flagValue is the flag package's "invalid value" preamble, followed by a
// message that names the flag itself ("from "2025-02-30" is not a date").
var flagValue = regexp.MustCompile(`invalid value ".*?" for flag -([A-Za-z0-9_-]+): ([A-Za-z0-9_-]+) `)

// Message renders an error for a person at a terminal, after the program's
// name: the package prefixes dropped ("dashboard: invalid filter: ",
// "usage: ", "query: invalid request: ", "semantic: ", the flag package's preamble where the message names the flag), on one line — except the lists an error gives one item a line,
// indented by exactly two spaces (the matches of an ambiguous -rep name), which keep
// their lines, and what follows such a list, which starts a line of its own.
// Several errors joined ([errors.Join]: every problem at once) are a line, or
// a line and its list, each.
func Message(err error) string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var parts, msgs []string
		for _, e := range j.Unwrap() {
			parts, msgs = append(parts, Message(e)), append(msgs, e.Error())
		}
		if err.Error() == strings.Join(msgs, "\n") {
			return strings.Join(parts, "\n")
		}
	}
	s := err.Error()
	for _, prefix := range []string{"dashboard: invalid filter: ", "usage: ", "query: invalid request: ", "semantic: "} {
		s = strings.ReplaceAll(s, prefix, "")
	}
	s = strings.TrimPrefix(s, "invalid request: ") // a request's own checks (-top -3)
	s = flagValue.ReplaceAllStringFunc(s, func(m string) string {
		if g := flagValue.FindStringSubmatch(m); g[1] == g[2] {
			return "-" + g[1] + " " // the value's own message says it all
		}
		return m
	})
	var b strings.Builder
	inList := false
	for i, line := range strings.Split(s, "\n") {
		item := len(line) > 2 && line[:2] == "  " && line[2] != ' ' // not a caret under a statement
		line = strings.TrimRight(line, " \t\r")
		switch {
		case i == 0:
		case item || inList:
			b.WriteByte('\n')
		case strings.TrimSpace(line) == "":
			continue
		default:
			b.WriteByte(' ')
			line = strings.Join(strings.Fields(line), " ")
		}
		if i == 0 {
			line = strings.Join(strings.Fields(line), " ")
		}
		b.WriteString(termui.Clean(line)) // names from the data may hold control characters
		inList = item
	}
	return strings.TrimSpace(b.String())
}
