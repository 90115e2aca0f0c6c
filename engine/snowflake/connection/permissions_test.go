package connection_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

// TestPermissions: a file group or others can write is refused, one they can
// read is used with a warning (config_manager.py's two checks), on every file
// the resolver reads; Windows skips the checks.
func TestPermissions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		file    string // which file gets mode
		mode    os.FileMode
		env     map[string]string
		goos    string
		wantErr bool
		warns   int
	}{
		{name: "owner only", file: "connections.toml", mode: 0o600},
		{name: "owner read-only", file: "connections.toml", mode: 0o400},
		{name: "others can write", file: "connections.toml", mode: 0o606, wantErr: true},
		{name: "group can write", file: "config.toml", mode: 0o620, wantErr: true},
		{name: "everyone can write", file: "config.toml", mode: 0o666, wantErr: true},
		{name: "group can read", file: "connections.toml", mode: 0o640, warns: 1},
		{name: "others can read", file: "config.toml", mode: 0o604, warns: 1},
		{name: "skip variable silences the read warning", file: "config.toml", mode: 0o644,
			env: map[string]string{"SF_SKIP_TOKEN_FILE_PERMISSIONS_VERIFICATION": "true"}},
		{name: "skip variable set to false does not", file: "config.toml", mode: 0o644,
			env: map[string]string{"SF_SKIP_TOKEN_FILE_PERMISSIONS_VERIFICATION": "false"}, warns: 1},
		{name: "the skip variable does not allow writable files", file: "config.toml", mode: 0o666,
			env: map[string]string{"SF_SKIP_TOKEN_FILE_PERMISSIONS_VERIFICATION": "true"}, wantErr: true},
		{name: "windows is not checked", file: "connections.toml", mode: 0o666, goos: "windows"},
		{name: "token file others can write", file: "token", mode: 0o666, wantErr: true},
		{name: "token file others can read", file: "token", mode: 0o644, warns: 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			tokenPath := filepath.Join(dir, "token")
			writeFile(t, filepath.Join(dir, "config.toml"), "default_connection_name = \"c\"\n", 0o600)
			writeFile(t, filepath.Join(dir, "connections.toml"),
				"[c]\naccount = \"a\"\nauthenticator = \"OAUTH\"\ntoken_file_path = \""+tokenPath+"\"\n", 0o600)
			writeFile(t, tokenPath, "oauth-token\n", 0o600)
			target := filepath.Join(dir, tc.file)
			require.NoError(t, os.Chmod(target, tc.mode))
			opts, warned := options(t, dir, tc.env)
			if tc.goos != "" {
				opts.GOOS = tc.goos
			}
			c, err := connection.Resolve("", opts)
			if tc.wantErr {
				require.ErrorIs(t, err, connection.ErrInsecureFile)
				require.ErrorContains(t, err, target)
				require.ErrorContains(t, err, "mode 0"+modeOctal(tc.mode))
				require.ErrorContains(t, err, "chmod 0600")
				return
			}
			require.NoError(t, err)
			require.Equal(t, connection.Secret("oauth-token"), c.Token)
			require.Len(t, *warned, tc.warns)
			require.Equal(t, *warned, c.Warnings)
			for _, w := range *warned {
				require.Contains(t, w, target)
				require.Contains(t, w, modeOctal(tc.mode))
				require.NotContains(t, w, "oauth-token")
			}
		})
	}
}

func modeOctal(m os.FileMode) string {
	const digits = "01234567"
	p := m.Perm()
	return string([]byte{digits[p>>6&7], digits[p>>3&7], digits[p&7]})
}

// TestOwnerCheck: a file someone else owns is used with a warning. Changing a
// file's owner needs root.
func TestOwnerCheck(t *testing.T) {
	t.Parallel()
	if os.Getuid() != 0 {
		t.Skip("chown needs root")
	}
	dir := fixture(t, "connsonly")
	path := filepath.Join(dir, "connections.toml")
	require.NoError(t, os.Chown(path, 12345, 12345))
	opts, warned := options(t, dir, nil)
	_, err := connection.Resolve("", opts)
	require.NoError(t, err)
	require.Len(t, *warned, 1)
	require.Contains(t, (*warned)[0], "owned by uid 12345")

	opts.UID = func() int { return 12345 }
	c, err := connection.Resolve("", opts)
	require.NoError(t, err)
	require.Empty(t, c.Warnings, "the owner is the current user")
}
