package snowflake_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/engine/snowflake"
	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
	"github.com/salesanalytics/salesanalytics/internal/snowfake"
)

// TestOpenByConnectionName connects the way a Snowflake CLI user does: a named
// connection in connections.toml, its password from SNOWFLAKE_CONNECTIONS_<NAME>_*,
// through the real driver to the loopback server.
func TestOpenByConnectionName(t *testing.T) {
	ctx := context.Background()
	duck, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(t, err)
	defer duck.Close()
	fake, err := snowfake.New(ctx, duck.DB(), snowfake.Options{User: "svc", Password: "pw-x"})
	require.NoError(t, err)
	defer fake.Close()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	u, err := url.Parse(srv.URL)
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "connections.toml"), fmt.Appendf(nil,
		"[fake]\naccount = \"fakeacct\"\nuser = \"svc\"\nhost = %q\nport = %q\nprotocol = \"http\"\ndatabase = \"memory\"\n", u.Hostname(), u.Port()), 0o600))
	env := map[string]string{"SNOWFLAKE_CONNECTIONS_FAKE_PASSWORD": "pw-x"}
	opts := connection.Options{Dir: dir, Env: func(k string) (string, bool) { v, ok := env[k]; return v, ok }}

	eng, err := snowflake.Open(ctx, snowflake.Options{Connection: "fake", Resolve: opts})
	require.NoError(t, err)
	defer eng.Close()
	var n string
	require.NoError(t, eng.DB().QueryRowContext(ctx, "SELECT 1::NUMBER(38,2)").Scan(&n))
	require.Equal(t, "1.00", n, "JSON results: NUMBER arrives as exact text")

	env["SNOWFLAKE_CONNECTIONS_FAKE_PASSWORD"] = "wrong-secret-value"
	_, err = snowflake.Open(ctx, snowflake.Options{Connection: "fake", Resolve: opts})
	require.ErrorIs(t, err, snowflake.ErrOpen)
	require.NotContains(t, err.Error(), "wrong-secret-value", "no credential in an error")

	_, err = snowflake.Open(ctx, snowflake.Options{Connection: "nope", Resolve: opts})
	require.ErrorContains(t, err, "fake", "an unknown connection lists the valid ones")
}

// TestLiveAccount runs against a real Snowflake account when
// SALESANALYTICS_SNOWFLAKE_CONNECTION names a connection; it is skipped otherwise.
func TestLiveAccount(t *testing.T) {
	name := os.Getenv("SALESANALYTICS_SNOWFLAKE_CONNECTION")
	if name == "" {
		t.Skip("set SALESANALYTICS_SNOWFLAKE_CONNECTION to a connection name to run against a real account")
	}
	ctx := context.Background()
	eng, err := engine.Open(ctx, engine.Config{Name: "snowflake", Connection: name})
	require.NoError(t, err)
	defer eng.Close()
	var one string
	require.NoError(t, eng.DB().QueryRowContext(ctx, "SELECT 1::NUMBER(38,2)").Scan(&one))
	require.Equal(t, "1.00", one)
}
