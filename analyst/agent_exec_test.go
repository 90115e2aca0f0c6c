//go:build cgo

package analyst_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
)

// The agent's events reach the caller as they arrive, then the SQL of its
// Cortex Analyst call runs on the real embedded engine, read-only, and its
// exact result follows; the streamed answer equals the one Ask assembles from
// the same run's response event alone (no deltas). The figures are cortexSQL's, written out by hand.
func TestAgentStreamsAndRunsTheSQL(t *testing.T) {
	eng, err := embedded.Open(context.Background(), embedded.Options{Threads: 1})
	require.NoError(t, err)
	t.Cleanup(func() { eng.Close() })
	f := newAgentFake(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 2 {
			respond(w, agentAnswer(cortexSQL, []string{"Revenue by month"}, 83473))
			return
		}
		streamHeaders(w)
		agentEvents(w, cortexSQL)
	})
	a := f.agent(t, nil)
	a.Engine = eng
	var parts []analyst.Part
	got, err := a.AskStream(context.Background(), nil, "revenue by region", func(p analyst.Part) error {
		parts = append(parts, p)
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, []analyst.PartKind{analyst.PartStatus, analyst.PartStatus, analyst.PartStatus, analyst.PartText, analyst.PartText,
		analyst.PartSQL, analyst.PartStatus, analyst.PartResult}, kinds(parts))
	require.Equal(t, []string{"Planning the next steps", "Generating SQL", "Forming the answer"},
		[]string{parts[0].Status, parts[1].Status, parts[2].Status})
	require.Equal(t, "West sold 12.50 and East 7.25.", got.Text)
	require.Equal(t, got.Text, joined(parts))
	require.Equal(t, cortexSQL, got.SQL)
	require.Same(t, got.Result, parts[7].Result)

	requireCortexSQLResult(t, got.Result)

	want, err := a.Ask(context.Background(), nil, "revenue by region")
	require.NoError(t, err)
	require.Equal(t, want.Text, got.Text)
	require.Equal(t, want.SQL, got.SQL)
	require.Equal(t, want.Result, got.Result)
	require.Equal(t, []string{"Revenue by month"}, want.Suggestions)
	require.False(t, got.Declined)
}
