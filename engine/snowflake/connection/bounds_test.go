package connection_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

// TestKeyShapeLimit: a dotted key of 20,000 parts (37 s in the TOML parser) and
// an over-long key are refused before the parser sees them, naming the line;
// keys of ordinary shape, and dots in values, strings and comments, pass.
func TestKeyShapeLimit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, body, want string }{
		{"dotted", base + strings.Repeat("a.", 20_000) + "b = 1\n", "connections.toml:5: a key has more than 32 dotted parts"},
		{"header", base + "[" + strings.Repeat("a.", 40) + "b]\n", "connections.toml:5: a key has more than 32 dotted parts"},
		{"array header", base + "[[" + strings.Repeat("a.", 40) + "b]]\n", "connections.toml:5: a key has more than 32 dotted parts"},
		{"inline", base + "x = {y = 1, " + strings.Repeat("a.", 40) + "b = 2}\n", "connections.toml:5: a key has more than 32 dotted parts"},
		{"quoted", base + `"` + strings.Repeat("k", 2000) + "\" = 1\n", "connections.toml:5: a key is longer than 1024 bytes"},
	} {
		_, err := resolveTOML(t, tc.body, nil)
		require.ErrorIs(t, err, connection.ErrSyntax, tc.name)
		require.ErrorContains(t, err, tc.want, tc.name)
	}
	big := base + "x = \"" + strings.Repeat("k", 1<<20) + "\"\n"
	_, err := resolveTOML(t, big, nil)
	require.ErrorContains(t, err, "bytes; the limit is 1048576")
	_, _, err = connection.Names(connection.Options{Dir: t.TempDir(), Env: envOf(map[string]string{"SNOWFLAKE_CONNECTIONS": big})})
	require.ErrorIs(t, err, connection.ErrSyntax)
	require.ErrorContains(t, err, "SNOWFLAKE_CONNECTIONS is 1048627 bytes; the limit is 1048576")

	ok := base + "role = \"" + strings.Repeat("a.", 2000) + "\" # " + strings.Repeat("b.", 100) + "\n" +
		"x.y.z = 1.5\nv = [1.5, 2.5,\n  " + strings.Repeat("3.5, ", 100) + "]\n" +
		"w = {p.q = 2, r = [4.5, 5.5]}\n[d." + strings.Repeat("e.", 30) + "f]\ng = 1\n"
	c, err := resolveTOML(t, ok, nil)
	require.NoError(t, err)
	require.Equal(t, strings.Repeat("a.", 2000), c.Role)
}
