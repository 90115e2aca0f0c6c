package term

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// TestMessage: one line, but a list keeps a line an item, joined problems a
// line each; the flag package's preamble goes where the value's own message
// names the flag; a driver's caret line is no list item.
func TestMessage(t *testing.T) {
	list := &dashboard.NameError{Key: "rep", Name: "frank", Matches: []dashboard.NameMatch{{ID: 9, Name: "Frank Guzman", About: "North"}, {ID: 18, Name: "Frank Soto"}}}
	none := &dashboard.NameError{Key: "product", Name: "nope"}
	for _, c := range []struct {
		err  error
		want string
	}{
		{errors.New("disk on fire\nsecond line"), "disk on fire second line"},
		{errors.New("Binder Error: no column x\n\nLINE 1: SELECT x\n               ^"), "Binder Error: no column x LINE 1: SELECT x ^"},
		{list, "-rep \"frank\": 2 match:\n  9      Frank Guzman · North\n  18     Frank Soto\ngive a whole name or an id"},
		{errors.Join(list, none), "-rep \"frank\": 2 match:\n  9      Frank Guzman · North\n  18     Frank Soto\ngive a whole name or an id\n-product \"nope\": no such product"},
		{fmt.Errorf("invalid value %q for flag -from: %w", "2025-02-30", fmt.Errorf("%w: from \"2025-02-30\" is not a date", dashboard.ErrInvalidFilter)), `-from "2025-02-30" is not a date`},
		{fmt.Errorf("invalid value %q for flag -top: parse error", "many"), `invalid value "many" for flag -top: parse error`},
		// The query layer's prefixes: "salesanalytics query: query: invalid request: metric: semantic: …" was the old line.
		{fmt.Errorf("%w: metric: %w", query.ErrInvalidRequest, fmt.Errorf("%w %q", semantic.ErrUnknownField, "customer_count")), `metric: unknown field "customer_count"`},
		{errors.New("invalid request: top: -3 is not between 1 and 10000"), "top: -3 is not between 1 and 10000"},
	} {
		require.Equal(t, c.want, Message(c.err))
	}
	require.ErrorIs(t, list, dashboard.ErrInvalidFilter, "a name error is a usage error")
}

func TestMessageCleansControlCharacters(t *testing.T) {
	got := Message(errors.New("2 match:\n  1   Evil\x1b[2J Name\n  2   Other"))
	require.NotContains(t, got, "\x1b")
	require.Contains(t, got, "Evil")
}

// TestLongNameKeepsTheFirstLineWithin80: whatever name was typed, the first
// line of a name error, after the longest program name, fits 80 columns; the
// list and the advice follow on lines of their own.
func TestLongNameKeepsTheFirstLineWithin80(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Maximiliana Featherstonehaugh-", 6)
	matches := []dashboard.NameMatch{{ID: 4383, Name: "Natalie Kelley", About: "Consumer"}}
	for _, err := range []error{
		&dashboard.NameError{Key: "customer", Name: long},
		&dashboard.NameError{Key: "customer", Name: long, Matches: matches, More: 99_998},
		&dashboard.NameError{Key: "customer", Name: long, Shared: true, Matches: matches, More: 99_998},
	} {
		first, _, _ := strings.Cut("sales_rep_leaderboard: "+Message(err), "\n")
		require.LessOrEqual(t, utf8.RuneCountInString(first), 80, first)
		require.Contains(t, first, `"Maximiliana Feather…"`)
	}
}
