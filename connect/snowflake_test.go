package connect_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/internal/snowfake"
	"github.com/salesanalytics/salesanalytics/pipeline"
)

// TestOpenNamesTheMartsASnowflakeWarehouseLacks: a Snowflake warehouse set
// up before the model gained a mart (here: set up, then one dropped) is
// refused when a program that reads opens it, naming the mart, the
// connection and the command that creates it — the planner would otherwise
// route a whole-year request to a table that is not there; `setup` itself
// opens it, and after it the readers do. Through the real driver against the
// loopback Snowflake, the connection read from a connections.toml.
func TestOpenNamesTheMartsASnowflakeWarehouseLacks(t *testing.T) {
	for k, v := range snowfake.DriverEnv {
		t.Setenv(k, v)
	}
	ctx := context.Background()
	duck, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { duck.Close() })
	fake, err := snowfake.New(ctx, duck.DB(), snowfake.Options{User: "user", Password: "pass"})
	require.NoError(t, err)
	srv := httptest.NewServer(fake)
	t.Cleanup(func() { srv.Close(); fake.Close() })
	_, port, err := net.SplitHostPort(srv.Listener.Addr().String())
	require.NoError(t, err)
	home := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(home, "connections.toml"), []byte(fmt.Sprintf(`[loop]
account = "fakeacct"
user = "user"
password = "pass"
host = "127.0.0.1"
port = %s
protocol = "http"
database = "SALES_ANALYTICS_DB"
`, port)), 0o600))
	t.Setenv("SNOWFLAKE_HOME", home)

	setup := connect.Flags{Engine: "snowflake", Connection: "loop", Setup: true}
	wh, err := setup.Open(ctx, io.Discard)
	require.NoError(t, err, "setup opens a warehouse with no marts")
	opts := pipeline.DefaultOptions()
	opts.Data.Scale = 0.01
	_, err = wh.Setup(ctx, opts)
	require.NoError(t, err)
	require.NoError(t, wh.Close())

	read := connect.Flags{Engine: "snowflake", Connection: "loop"}
	wh, err = read.Open(ctx, io.Discard)
	require.NoError(t, err, "a warehouse with every mart opens")
	require.NoError(t, wh.Close())

	wh, err = setup.Open(ctx, io.Discard)
	require.NoError(t, err)
	_, err = wh.Engine().DB().ExecContext(ctx, `DROP DYNAMIC TABLE "SALES_ANALYTICS_DB"."MARTS"."SALES_BY_REGION_YEAR"`)
	require.NoError(t, err)
	require.NoError(t, wh.Close())
	_, err = read.Open(ctx, io.Discard)
	require.ErrorIs(t, err, connect.ErrMissingMarts)
	require.EqualError(t, err, `Snowflake, -connection "loop": the warehouse lacks the marts SALES_BY_REGION_YEAR of the model `+
		"(set up before they were added): create them with `salesanalytics setup -engine snowflake -connection \"loop\"`")
	require.NotContains(t, err.Error(), "pass")

	wh, err = setup.Open(ctx, io.Discard)
	require.NoError(t, err, "setup opens it to create the mart")
	_, err = wh.Setup(ctx, opts)
	require.NoError(t, err)
	require.NoError(t, wh.Close())
	wh, err = read.Open(ctx, io.Discard)
	require.NoError(t, err, "after setup the readers open it")
	require.NoError(t, wh.Close())
}
