package connection_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

// TestPrecedence resolves the fixtures under combinations of name and
// environment; the expectations follow the Python connector's and the CLI's
// documented precedence, written out by hand.
func TestPrecedence(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, fixture, conn string
		env                 map[string]string
		wantName, wantFile  string
		check               func(t *testing.T, c *connection.Connection)
		wantErr             []string
	}{
		{name: "config.toml default_connection_name, table from connections.toml",
			fixture: "both", wantName: "shared", wantFile: "connections.toml",
			check: func(t *testing.T, c *connection.Connection) {
				require.Equal(t, "myorg-shared_acct", c.Account)
				require.Equal(t, "shared_user", c.User)
				require.Equal(t, connection.Secret("shared-password"), c.Password)
				require.Equal(t, "SHARED_WH", c.Warehouse)
				require.Equal(t, 443, c.Port)
				require.Equal(t, connection.AuthSnowflake, c.Authenticator)
			}},
		{name: "env default name beats config.toml", fixture: "both",
			env: map[string]string{"SNOWFLAKE_DEFAULT_CONNECTION_NAME": "other"}, wantName: "other", wantFile: "connections.toml",
			check: func(t *testing.T, c *connection.Connection) {
				require.Equal(t, 8443, c.Port, `port = "8443" (a string) is a number too`)
				require.Equal(t, "https", c.Protocol)
			}},
		{name: "explicit name beats both", fixture: "both", conn: "shared",
			env: map[string]string{"SNOWFLAKE_DEFAULT_CONNECTION_NAME": "other"}, wantName: "shared", wantFile: "connections.toml"},
		{name: "connections.toml hides config.toml's connections", fixture: "both", conn: "onlyinconfig",
			wantErr: []string{`"onlyinconfig"`, "connections.toml", "valid names: other, shared"}},
		{name: "config.toml alone", fixture: "configonly", wantName: "prod", wantFile: "config.toml",
			check: func(t *testing.T, c *connection.Connection) {
				require.Equal(t, "ANALYST", c.Role)
				require.Equal(t, "SALES", c.Database)
				require.Equal(t, "MARTS", c.Schema)
				require.Equal(t, []string{"client_session_keep_alive"}, c.Ignored)
			}},
		{name: "connections.toml alone falls back to \"default\"", fixture: "connsonly", wantName: "default", wantFile: "connections.toml"},
		{name: "per-connection env override beats the file", fixture: "both",
			env: map[string]string{"SNOWFLAKE_CONNECTIONS_SHARED_USER": "env_user", "SNOWFLAKE_CONNECTIONS_SHARED_PORT": "9443",
				"SNOWFLAKE_CONNECTIONS_SHARED_PASSWORD": "env-password", "SNOWFLAKE_CONNECTIONS_OTHER_ROLE": "NOT_THIS_ONE"},
			wantName: "shared", wantFile: "connections.toml",
			check: func(t *testing.T, c *connection.Connection) {
				require.Equal(t, "env_user", c.User)
				require.Equal(t, 9443, c.Port)
				require.Equal(t, connection.Secret("env-password"), c.Password)
				require.Empty(t, c.Role, "another connection's override does not apply")
			}},
		{name: "generic SNOWFLAKE_<KEY> fills only what is missing", fixture: "both",
			env:      map[string]string{"SNOWFLAKE_USER": "generic_user", "SNOWFLAKE_ROLE": "GENERIC_ROLE"},
			wantName: "shared", wantFile: "connections.toml",
			check: func(t *testing.T, c *connection.Connection) {
				require.Equal(t, "shared_user", c.User)
				require.Equal(t, "GENERIC_ROLE", c.Role)
			}},
		{name: "SNOWFLAKE_CONNECTIONS replaces the files", fixture: "both",
			env:      map[string]string{"SNOWFLAKE_CONNECTIONS": "[shared]\naccount = \"from-env\"\nuser = \"u\"\npassword = \"p\"\n"},
			wantName: "shared", wantFile: "SNOWFLAKE_CONNECTIONS",
			check: func(t *testing.T, c *connection.Connection) { require.Equal(t, "from-env", c.Account) }},
		{name: "unknown default name lists the valid ones", fixture: "configonly",
			env:     map[string]string{"SNOWFLAKE_DEFAULT_CONNECTION_NAME": "staging"},
			wantErr: []string{`"staging"`, "SNOWFLAKE_DEFAULT_CONNECTION_NAME", "valid names: dev, prod"}},
		{name: "a near miss is suggested", fixture: "configonly", conn: "PROD",
			wantErr: []string{`did you mean "prod"`}},
		{name: "no files at all", fixture: "", conn: "",
			wantErr: []string{`"default"`, "no connections are defined", "SNOWFLAKE_HOME"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if tc.fixture != "" {
				dir = fixture(t, tc.fixture)
			}
			opts, warned := options(t, dir, tc.env)
			c, err := connection.Resolve(tc.conn, opts)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, connection.ErrUnknownConnection)
				for _, s := range tc.wantErr {
					require.ErrorContains(t, err, s)
				}
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.wantName, c.Name)
			if tc.wantFile == "SNOWFLAKE_CONNECTIONS" {
				require.Equal(t, tc.wantFile, c.Source)
			} else {
				require.Equal(t, filepath.Join(dir, tc.wantFile), c.Source)
			}
			require.Equal(t, *warned, c.Warnings)
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}

// TestNonTableEntryIsSkippedWithAWarning: `stray = "value"` under
// [connections] is not a connection.
func TestNonTableEntryIsSkippedWithAWarning(t *testing.T) {
	t.Parallel()
	opts, warned := options(t, fixture(t, "configonly"), nil)
	names, def, err := connection.Names(opts)
	require.NoError(t, err)
	require.Equal(t, []string{"dev", "prod"}, names)
	require.Equal(t, "prod", def)
	require.Len(t, *warned, 1)
	require.Contains(t, (*warned)[0], `skipping "stray"`)
	require.NotContains(t, (*warned)[0], "value")
}

// TestConfigDir follows sf_dirs.py: $SNOWFLAKE_HOME or ~/.snowflake when it
// exists, else the platform's configuration directory.
func TestConfigDir(t *testing.T) {
	t.Parallel()
	mkdir := func(t *testing.T, dir string) { writeFile(t, filepath.Join(dir, "config.toml"), "", 0o600) }
	cases := []struct {
		name, goos string
		// setup prepares home and returns the environment and the expected directory.
		setup func(t *testing.T, home string) (map[string]string, string)
	}{
		{"SNOWFLAKE_HOME that exists", "linux", func(t *testing.T, home string) (map[string]string, string) {
			mkdir(t, filepath.Join(home, ".snowflake"))
			mkdir(t, filepath.Join(home, "custom"))
			return map[string]string{"SNOWFLAKE_HOME": filepath.Join(home, "custom")}, filepath.Join(home, "custom")
		}},
		{"SNOWFLAKE_HOME with a tilde", "linux", func(t *testing.T, home string) (map[string]string, string) {
			mkdir(t, filepath.Join(home, "custom"))
			return map[string]string{"SNOWFLAKE_HOME": "~/custom"}, filepath.Join(home, "custom")
		}},
		{"~/.snowflake when it exists", "linux", func(t *testing.T, home string) (map[string]string, string) {
			mkdir(t, filepath.Join(home, ".snowflake"))
			return nil, filepath.Join(home, ".snowflake")
		}},
		{"a missing SNOWFLAKE_HOME falls back to the platform dir, not ~/.snowflake", "linux", func(t *testing.T, home string) (map[string]string, string) {
			mkdir(t, filepath.Join(home, ".snowflake"))
			return map[string]string{"SNOWFLAKE_HOME": filepath.Join(home, "nope")}, filepath.Join(home, ".config", "snowflake")
		}},
		{"linux XDG_CONFIG_HOME", "linux", func(t *testing.T, home string) (map[string]string, string) {
			return map[string]string{"XDG_CONFIG_HOME": "/xdg"}, filepath.Join("/xdg", "snowflake")
		}},
		{"linux default", "linux", func(t *testing.T, home string) (map[string]string, string) {
			return nil, filepath.Join(home, ".config", "snowflake")
		}},
		{"macOS", "darwin", func(t *testing.T, home string) (map[string]string, string) {
			return nil, filepath.Join(home, "Library", "Application Support", "snowflake")
		}},
		{"windows LOCALAPPDATA", "windows", func(t *testing.T, home string) (map[string]string, string) {
			return map[string]string{"LOCALAPPDATA": "/appdata/local"}, filepath.Join("/appdata/local", "snowflake")
		}},
		{"windows without LOCALAPPDATA", "windows", func(t *testing.T, home string) (map[string]string, string) {
			return nil, filepath.Join(home, "AppData", "Local", "snowflake")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			home := t.TempDir()
			env, want := tc.setup(t, home)
			got, err := connection.Options{Home: home, Env: envOf(env), GOOS: tc.goos}.ConfigDir()
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

// TestResolveReadsTheDirectoryItFinds: no Options.Dir, the files under
// $SNOWFLAKE_HOME are read.
func TestResolveReadsTheDirectoryItFinds(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "connsonly")
	c, err := connection.Resolve("local", connection.Options{Home: t.TempDir(), GOOS: "linux",
		Env: envOf(map[string]string{"SNOWFLAKE_HOME": dir})})
	require.NoError(t, err)
	require.Equal(t, filepath.Join(dir, "connections.toml"), c.Source)
	require.Equal(t, "127.0.0.1", c.Host)
}

// TestDefaultNameInConnectionsFileIsIgnored: the connector reads
// default_connection_name from config.toml only.
func TestDefaultNameInConnectionsFileIsIgnored(t *testing.T) {
	t.Parallel()
	c, err := resolveTOML(t, "default_connection_name = \"c\"\n[default]\naccount = \"a\"\nuser = \"u\"\npassword = \"p\"\n"+
		"[c]\naccount = \"b\"\nuser = \"u\"\npassword = \"p\"\n", nil)
	require.NoError(t, err, "resolveTOML asks for c by name")
	require.Len(t, c.Warnings, 1)
	require.Contains(t, c.Warnings[0], "default_connection_name is ignored here")

	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, connection.ConnectionsFile), "default_connection_name = \"c\"\n[default]\naccount = \"a\"\nuser = \"u\"\npassword = \"p\"\n[c]\naccount = \"b\"\n", 0o600)
	opts, _ := options(t, dir, nil)
	c, err = connection.Resolve("", opts)
	require.NoError(t, err)
	require.Equal(t, "default", c.Name)
}
