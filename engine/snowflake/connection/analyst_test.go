package connection_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

func TestURL(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		c    connection.Connection
		want string
	}{
		{"org-account", connection.Connection{Account: "MyOrg-My_Acct"}, "https://myorg-my-acct.snowflakecomputing.com"},
		{"locator with region", connection.Connection{Account: "xy12345.us-east-2.aws"}, "https://xy12345.us-east-2.aws.snowflakecomputing.com"},
		{"legacy region key", connection.Connection{Account: "xy12345", Region: "eu-west-1"}, "https://xy12345.eu-west-1.snowflakecomputing.com"},
		{"China", connection.Connection{Account: "xy12345.cn-north-1.aws"}, "https://xy12345.cn-north-1.aws.snowflakecomputing.cn"},
		{"a full host as account", connection.Connection{Account: "acct.snowflakecomputing.com"}, "https://acct.snowflakecomputing.com"},
		{"host, protocol and port", connection.Connection{Account: "a", Host: "127.0.0.1", Protocol: "http", Port: 8080}, "http://127.0.0.1:8080"},
		{"default port is omitted", connection.Connection{Account: "a", Port: 443}, "https://a.snowflakecomputing.com"},
		{"other https port", connection.Connection{Account: "a", Port: 8443}, "https://a.snowflakecomputing.com:8443"},
		{"privatelink host", connection.Connection{Account: "a", Host: "a.us-west-2.privatelink.snowflakecomputing.com"}, "https://a.us-west-2.privatelink.snowflakecomputing.com"},
	}
	for _, tc := range cases {
		got, err := tc.c.URL()
		require.NoError(t, err, tc.name)
		require.Equal(t, tc.want, got, tc.name)
	}
	_, err := connection.Connection{Account: "bad/acct"}.URL()
	require.ErrorIs(t, err, connection.ErrInvalid)
}

func TestAccountName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][2]string{
		"myorg-acct":            {"myorg-acct", ""},
		"xy12345.us-east-2.aws": {"xy12345", "us-east-2.aws"},
		"xy12345.us-east-2.snowflakecomputing.com": {"xy12345", "us-east-2"},
		"acct.snowflakecomputing.com":              {"acct", ""},
	} {
		a, r := connection.Connection{Account: in}.AccountName()
		require.Equal(t, want, [2]string{a, r}, in)
	}
}

// TestAnalyst: the settings a Cortex Analyst client takes, for each token kind,
// and a clear refusal for a password connection.
func TestAnalyst(t *testing.T) {
	t.Parallel()
	k := testKey(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "key.p8"), pkcs8PEM(t, k), 0o600)
	writeFile(t, filepath.Join(dir, "pat"), "  pat-value\n", 0o600)
	body := fmt.Sprintf(`
[jwt]
account = "myorg-acct"
user = "svc"
private_key_file = %q

[oauth]
account = "myorg-acct"
authenticator = "OAUTH"
token = "oauth-value"

[pat]
account = "myorg-acct"
user = "svc"
authenticator = "PROGRAMMATIC_ACCESS_TOKEN"
token = "overridden by the file"
token_file_path = %q

[password]
account = "myorg-acct"
user = "svc"
password = "pw"
`, filepath.Join(dir, "key.p8"), filepath.Join(dir, "pat"))
	cdir := t.TempDir()
	writeFile(t, filepath.Join(cdir, connection.ConnectionsFile), body, 0o600)
	opts, _ := options(t, cdir, nil)
	get := func(name string) connection.AnalystSettings {
		c, err := connection.Resolve(name, opts)
		require.NoError(t, err)
		s, err := c.Analyst()
		require.NoError(t, err)
		require.Equal(t, "https://myorg-acct.snowflakecomputing.com", s.BaseURL)
		require.True(t, s.Kind.Valid())
		return s
	}
	jwt := get("jwt")
	require.Equal(t, connection.TokenKeyPairJWT, jwt.Kind)
	require.True(t, k.Equal(jwt.PrivateKey))
	require.Equal(t, [2]string{"myorg-acct", "svc"}, [2]string{jwt.Account, jwt.User})
	require.Empty(t, jwt.Token)

	oauth := get("oauth")
	require.Equal(t, connection.TokenOAuth, oauth.Kind)
	require.Equal(t, connection.Secret("oauth-value"), oauth.Token)
	require.Nil(t, oauth.PrivateKey)

	pat := get("pat")
	require.Equal(t, connection.TokenPAT, pat.Kind)
	require.Equal(t, connection.Secret("pat-value"), pat.Token, "token_file_path wins and is trimmed")

	c, err := connection.Resolve("password", opts)
	require.NoError(t, err)
	_, err = c.Analyst()
	require.ErrorIs(t, err, connection.ErrInvalid)
	require.ErrorContains(t, err, "SNOWFLAKE_JWT")
	require.NotContains(t, err.Error(), "pw\"")
	require.False(t, connection.TokenKind("BASIC").Valid())
}

// TestNoSecretInOutput prints a resolved connection every way fmt can and
// looks for the credentials.
func TestNoSecretInOutput(t *testing.T) {
	t.Parallel()
	k := testKey(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "key.p8"), pkcs8PEM(t, k), 0o600)
	body := fmt.Sprintf("[c]\naccount = \"a\"\nuser = \"u\"\npassword = \"PW-s3cret\"\ntoken = \"TOK-s3cret\"\nprivate_key_file = %q\n", filepath.Join(dir, "key.p8"))
	c, err := resolveTOML(t, body, nil)
	require.NoError(t, err)
	s, err := c.Analyst()
	require.NoError(t, err)
	keyDigits := k.D.String()[:12]
	for _, format := range []string{"%v", "%+v", "%s", "%#v", "%q", "%x"} {
		for _, v := range []any{c, *c, s, c.Password, c.Token} {
			out := fmt.Sprintf(format, v)
			require.NotContains(t, out, "s3cret", format)
			require.NotContains(t, strings.ToLower(out), strings.ToLower(fmt.Sprintf("%x", "PW-s3cret")), format)
			require.NotContains(t, out, keyDigits, format)
		}
	}
	require.Contains(t, c.String(), "password=[redacted]")
	require.Contains(t, c.String(), "token=[redacted]")
	require.Equal(t, "PW-s3cret", string(c.Password), "the value is there for whoever sends it")
}
