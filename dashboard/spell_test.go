package dashboard_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// TestSpellMatchesValuesIgnoringCase: the one spelling rule the flags
// (Catalog.Spell) and the web's query (FilterField.Spell) share — a value
// matched ignoring case takes the data's spelling; one matching nothing, and
// an id field's value, stay as given.
func TestSpellMatchesValuesIgnoringCase(t *testing.T) {
	t.Parallel()
	cat := &dashboard.Catalog{Regions: []string{"East", "West"}, Segments: []string{"SMB", "Enterprise"}, Channels: []string{"Online"}}
	fields := map[string]dashboard.FilterField{}
	for _, ff := range dashboard.FilterFields() {
		fields[ff.Key] = ff
	}
	for _, c := range []struct{ key, in, want string }{
		{dashboard.KeyRegion, "west", "West"},
		{dashboard.KeyRegion, "WEST", "West"},
		{dashboard.KeyRegion, "Mars", "Mars"},
		{dashboard.KeySegment, "smb", "SMB"},
		{dashboard.KeyChannel, "ONLINE", "Online"},
		{dashboard.KeyCustomer, "west", "west"},
	} {
		require.Equal(t, c.want, fields[c.key].Spell(cat, c.in), "%s=%s", c.key, c.in)
	}
	f := cat.Spell(dashboard.Filter{Regions: []string{"east", "Mars"}, Segments: []string{"enterprise"}, Channel: "online"})
	require.Equal(t, []string{"East", "Mars"}, f.Regions)
	require.Equal(t, []string{"Enterprise"}, f.Segments)
	require.Equal(t, "Online", f.Channel)
}
