package term

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
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
		{list, "-rep \"frank\": 2 match; give a whole name or an id:\n  9      Frank Guzman · North\n  18     Frank Soto"},
		{errors.Join(list, none), "-rep \"frank\": 2 match; give a whole name or an id:\n  9      Frank Guzman · North\n  18     Frank Soto\n-product \"nope\": no product has that name or id"},
		{fmt.Errorf("invalid value %q for flag -from: %w", "2025-02-30", fmt.Errorf("%w: from \"2025-02-30\" is not a date", dashboard.ErrInvalidFilter)), `-from "2025-02-30" is not a date`},
		{fmt.Errorf("invalid value %q for flag -top: parse error", "many"), `invalid value "many" for flag -top: parse error`},
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
