package snowflake_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
	"github.com/salesanalytics/salesanalytics/pipeline"
)

// TestLiveSemanticView runs against a real Snowflake account when
// SALESANALYTICS_SNOWFLAKE_CONNECTION names a connection (skipped otherwise):
// the set-up creates the sales semantic view (or finds it current), the
// checkpoints find it and its metrics with Snowflake's own SHOW commands, and
// Cortex Analyst answers a question through it (semantic_view), running its SQL
// through the read-only guard.
func TestLiveSemanticView(t *testing.T) {
	name := os.Getenv("SALESANALYTICS_SNOWFLAKE_CONNECTION")
	if name == "" {
		t.Skip("set SALESANALYTICS_SNOWFLAKE_CONNECTION to a connection name to run against a real account")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	eng, err := engine.Open(ctx, engine.Config{Name: "snowflake", Connection: name})
	require.NoError(t, err)
	defer eng.Close()
	w, err := pipeline.New(eng, pipeline.Config{})
	require.NoError(t, err)
	res, err := w.Setup(ctx, pipeline.DefaultOptions())
	require.NoError(t, err)
	require.NotNil(t, res.SemanticView)
	t.Logf("semantic view: %s", res.SemanticView.Action)
	rep, err := w.Validate(ctx, pipeline.DefaultOptions())
	require.NoError(t, err)
	for _, c := range rep.Checks {
		if strings.HasPrefix(c.Name, "semantic view") {
			require.True(t, c.Pass, "%s: expected %s, got %s", c.Name, c.Expected, c.Actual)
		}
	}

	conn, err := connection.Resolve(name, connection.Options{})
	require.NoError(t, err)
	st, err := conn.Analyst()
	if err != nil {
		t.Skipf("the connection cannot call Cortex Analyst's REST API: %v", err)
	}
	auth := analyst.ConnectionAuth(st)
	runner, ok := eng.(analyst.ReadOnlyRunner)
	require.True(t, ok)
	view := pipeline.SemanticViewRef(w.Names())
	a := &analyst.Cortex{Client: &analyst.Client{BaseURL: st.BaseURL, Auth: auth}, Base: analyst.View(view, ""), Engine: runner}
	ans, err := a.Ask(ctx, nil, "What was total revenue by region?")
	require.NoError(t, err)
	t.Logf("Cortex Analyst over %s: declined=%v verified=%q SQL:\n%s", view, ans.Declined, ans.VerifiedQuery, ans.SQL)
	require.Equal(t, view, ans.Model.SemanticView)
	require.False(t, ans.Declined, ans.Text)
	require.NotNil(t, ans.Result)
	require.NotEmpty(t, ans.Result.Rows)
}
