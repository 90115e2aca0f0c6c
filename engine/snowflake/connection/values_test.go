package connection_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

const base = "[c]\naccount = \"a\"\nuser = \"u\"\npassword = \"p\"\n"

func TestValues(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body string
		env        map[string]string
		check      func(t *testing.T, c *connection.Connection)
		wantErr    []string // substrings; ErrInvalid
	}{
		{name: "port as an integer", body: base + "port = 8443\n",
			check: func(t *testing.T, c *connection.Connection) { require.Equal(t, 8443, c.Port) }},
		{name: "port as a string", body: base + "port = \" 8443 \"\n",
			check: func(t *testing.T, c *connection.Connection) { require.Equal(t, 8443, c.Port) }},
		{name: "port out of range", body: base + "port = 70000\n", wantErr: []string{"port", "1 to 65535", "key port"}},
		{name: "port zero", body: base + "port = 0\n", wantErr: []string{"port", "1 to 65535"}},
		{name: "port not a number", body: base + "port = \"https\"\n", wantErr: []string{"port"}},
		{name: "port a float", body: base + "port = 443.0\n", wantErr: []string{"port", "integer or a string", "float"}},
		{name: "port from the environment", body: base + "port = 1\n", env: map[string]string{"SNOWFLAKE_CONNECTIONS_C_PORT": "x"},
			wantErr: []string{"port", "$SNOWFLAKE_CONNECTIONS_C_PORT"}},
		{name: "protocol upper-case", body: base + "protocol = \"HTTP\"\n",
			check: func(t *testing.T, c *connection.Connection) { require.Equal(t, "http", c.Protocol) }},
		{name: "protocol unknown", body: base + "protocol = \"ftp\"\n", wantErr: []string{"protocol", `"ftp"`, "https, http"}},
		{name: "string key with an array", body: base + "role = [\"A\"]\n", wantErr: []string{"role", "must be a string", "array"}},
		{name: "integer where a string is expected is kept as text", body: base + "schema = 2024\n",
			check: func(t *testing.T, c *connection.Connection) { require.Equal(t, "2024", c.Schema) }},
		{name: "authenticator lower-case", body: "[c]\naccount = \"a\"\nauthenticator = \"oauth\"\ntoken = \"t\"\n",
			check: func(t *testing.T, c *connection.Connection) {
				require.Equal(t, connection.AuthOAuth, c.Authenticator)
				require.Empty(t, c.User, "OAuth needs no user")
			}},
		{name: "authenticator unknown lists the valid ones", body: base + "authenticator = \"kerberos\"\n",
			wantErr: []string{"authenticator", `"kerberos"`, "SNOWFLAKE_JWT", "PROGRAMMATIC_ACCESS_TOKEN", "Okta URL"}},
		{name: "okta URL", body: base + "authenticator = \"https://MyOrg.okta.com\"\n",
			check: func(t *testing.T, c *connection.Connection) {
				require.Equal(t, connection.AuthOkta, c.Authenticator)
				require.Equal(t, "https://myorg.okta.com", c.OktaURL)
			}},
		{name: "account missing", body: "[c]\nuser = \"u\"\npassword = \"p\"\n", wantErr: []string{"account is missing", "SNOWFLAKE_CONNECTIONS_C_ACCOUNT"}},
		{name: "account from generic env", body: "[c]\nuser = \"u\"\npassword = \"p\"\n", env: map[string]string{"SNOWFLAKE_ACCOUNT": "env-acct"},
			check: func(t *testing.T, c *connection.Connection) { require.Equal(t, "env-acct", c.Account) }},
		{name: "user missing", body: "[c]\naccount = \"a\"\npassword = \"p\"\n", wantErr: []string{"user is missing", "SNOWFLAKE"}},
		{name: "password missing", body: "[c]\naccount = \"a\"\nuser = \"u\"\n", wantErr: []string{"password is missing", "SNOWFLAKE_CONNECTIONS_C_PASSWORD", "SNOWFLAKE_PASSWORD"}},
		{name: "password from the environment", body: "[c]\naccount = \"a\"\nuser = \"u\"\n", env: map[string]string{"SNOWFLAKE_PASSWORD": "pw"},
			check: func(t *testing.T, c *connection.Connection) { require.Equal(t, connection.Secret("pw"), c.Password) }},
		{name: "PAT without token", body: "[c]\naccount = \"a\"\nauthenticator = \"PROGRAMMATIC_ACCESS_TOKEN\"\n",
			wantErr: []string{"PROGRAMMATIC_ACCESS_TOKEN needs token or token_file_path"}},
		{name: "JWT without key", body: "[c]\naccount = \"a\"\nuser = \"u\"\nauthenticator = \"SNOWFLAKE_JWT\"\n",
			wantErr: []string{"SNOWFLAKE_JWT needs private_key_file"}},
		{name: "unknown keys are listed, not kept", body: base + "login_timeout = 30\nzeta = \"z\"\n",
			check: func(t *testing.T, c *connection.Connection) {
				require.Equal(t, []string{"login_timeout", "zeta"}, c.Ignored)
			}},
		{name: "warehouse, database and schema from env overrides", body: "[c]\naccount = \"a\"\nuser = \"u\"\npassword = \"p\"\n",
			env: map[string]string{"SNOWFLAKE_CONNECTIONS_C_WAREHOUSE": "WH", "SNOWFLAKE_CONNECTIONS_C_DATABASE": "DB", "SNOWFLAKE_CONNECTIONS_C_SCHEMA": "S"},
			check: func(t *testing.T, c *connection.Connection) {
				require.Equal(t, [3]string{"WH", "DB", "S"}, [3]string{c.Warehouse, c.Database, c.Schema})
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := resolveTOML(t, tc.body, tc.env)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, connection.ErrInvalid)
				for _, s := range tc.wantErr {
					require.ErrorContains(t, err, s)
				}
				return
			}
			require.NoError(t, err)
			tc.check(t, c)
		})
	}
}

func TestAuthenticatorValid(t *testing.T) {
	t.Parallel()
	for _, a := range connection.Authenticators() {
		require.True(t, a.Valid(), a)
	}
	require.False(t, connection.Authenticator("snowflake").Valid(), "values are upper-case")
	require.False(t, connection.Authenticator("").Valid())
}

// TestSyntaxErrorNamesFileAndLine: the bare value on line 4 is not shown.
func TestSyntaxErrorNamesFileAndLine(t *testing.T) {
	t.Parallel()
	dir := fixture(t, "syntax")
	opts, _ := options(t, dir, nil)
	_, err := connection.Resolve("", opts)
	require.ErrorIs(t, err, connection.ErrSyntax)
	require.ErrorContains(t, err, dir+"/config.toml:4:")
	require.ErrorContains(t, err, `connections.prod.password`)
	require.NotContains(t, err.Error(), "hunter2")

	_, err = resolveTOML(t, "[c]\naccount = \"a\"\npassword = \"unterminated-s3cret\n", nil)
	require.ErrorIs(t, err, connection.ErrSyntax)
	require.ErrorContains(t, err, "connections.toml:3:")
	require.NotContains(t, err.Error(), "s3cret")

	_, err = resolveTOML(t, "[c]\naccount = \"a\"\nport = 12s3cret\n", nil)
	require.ErrorIs(t, err, connection.ErrSyntax)
	require.NotContains(t, err.Error(), "s3cret")

	_, _, err = connection.Names(connection.Options{Dir: t.TempDir(), Env: envOf(map[string]string{"SNOWFLAKE_CONNECTIONS": "[x\n"})})
	require.ErrorIs(t, err, connection.ErrSyntax)
	require.ErrorContains(t, err, "SNOWFLAKE_CONNECTIONS:2:")
}

// TestNestingLimit: a deeply nested array is refused before the parser sees
// it; brackets inside strings and comments do not count.
func TestNestingLimit(t *testing.T) {
	t.Parallel()
	deep := base + "x = " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n"
	_, err := resolveTOML(t, deep, nil)
	require.ErrorIs(t, err, connection.ErrSyntax)
	require.ErrorContains(t, err, "connections.toml:5: arrays and tables nest deeper than 64")

	brackets := strings.Repeat("[{", 100)
	ok := "[c]\naccount = \"a\"\nuser = \"u\"\n# " + brackets + "\npassword = \"" + brackets + "\\\"\"\n" +
		"role = '" + brackets + "'\nwarehouse = \"\"\"\n" + brackets + "\"\"\"\"\"\ndatabase = '''" + brackets + "'''\n" +
		"extra = [[[\"x\"]]]\n"
	c, err := resolveTOML(t, ok, nil)
	require.NoError(t, err)
	require.Equal(t, connection.Secret(brackets+`"`), c.Password)
	require.Equal(t, brackets, c.Role)
	require.Equal(t, brackets+`""`, c.Warehouse)
	require.Equal(t, brackets, c.Database)
}
