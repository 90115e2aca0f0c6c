//go:build cgo

package analyst_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/engine"
	_ "github.com/salesanalytics/salesanalytics/engine/snowflake"
	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

// TestLiveCortexAgents asks Cortex Agents, with a Cortex Analyst tool over the
// sales semantic view, on a real account when SALESANALYTICS_SNOWFLAKE_CONNECTION
// names a key-pair, OAuth or PAT connection; it is skipped otherwise. The view is
// SALESANALYTICS_SEMANTIC_VIEW, by default SALES_ANALYTICS_DB.SEMANTIC.SALES_ANALYTICS
// as the set-up creates it. The SQL runs read-only on the same account.
func TestLiveCortexAgents(t *testing.T) {
	name := os.Getenv("SALESANALYTICS_SNOWFLAKE_CONNECTION")
	if name == "" {
		t.Skip("set SALESANALYTICS_SNOWFLAKE_CONNECTION to a connection name to ask Cortex Agents on a real account")
	}
	view := os.Getenv("SALESANALYTICS_SEMANTIC_VIEW")
	if view == "" {
		view = "SALES_ANALYTICS_DB.SEMANTIC.SALES_ANALYTICS"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	conn, err := connection.Resolve(name, connection.Options{})
	require.NoError(t, err)
	st, err := conn.Analyst()
	require.NoError(t, err)
	auth := analyst.ConnectionAuth(st)
	eng, err := engine.Open(ctx, engine.Config{Name: "snowflake", Connection: name})
	require.NoError(t, err)
	defer eng.Close()
	runner, ok := eng.(analyst.ReadOnlyRunner)
	require.True(t, ok)

	a := &analyst.Agent{Client: &analyst.Client{BaseURL: st.BaseURL, Auth: auth},
		Base: analyst.AnalystAgent("sales_analyst", view, conn.Warehouse), Engine: runner, Threads: true, OriginApplication: "salesanalytics"}
	first, err := analyst.AskStream(ctx, a, nil, "What was total revenue by region?", nil)
	require.NoError(t, err)
	require.False(t, first.Declined, "%s", first.Text)
	require.NotEmpty(t, first.Result.Rows)
	t.Logf("%s\n%s", first.Text, first.SQL)

	next, err := a.Ask(ctx, []*analyst.Answer{first}, "And only for the West region?")
	require.NoError(t, err)
	t.Logf("%s\n%s", next.Text, next.SQL)
}
