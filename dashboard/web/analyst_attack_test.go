package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
)

// cortexAttacks are issue 24's reproducers as Cortex Analyst would send them:
// R1 aborted the process, R2 poisoned the pooled connection (every page 500
// after), R3 opened the logs to every analyst query, R4 ran SQL held in a
// string past the guard (a sequence moved, temp files read), R5 built values
// that ignored the memory limit and the timeout.
var cortexAttacks = []struct{ name, sql string }{
	{"R1 enable_logging to a file", `SELECT * FROM enable_logging(storage = 'file', storage_path = 'x')`},
	{"R2 enable_profiling to a file", `SELECT * FROM enable_profiling(save_location = 'x.txt')`},
	{"R3 enable_logging QueryLog", `SELECT * FROM enable_logging('QueryLog')`},
	{"R3 read the logs", `SELECT * FROM duckdb_logs`},
	{"R4 SQL from a string moves a sequence", `SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT nextval(''canary_seq'')'))`},
	{"R4 SQL from a string reads temp files", `SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT * FROM read_text(current_setting(''temp_directory'') || ''/*'')'))`},
	{"sequence", `SELECT nextval('canary_seq')`},
	{"temp files", `SELECT * FROM glob(current_setting('temp_directory') || '/*')`},
	{"settings", `SELECT * FROM duckdb_settings()`},
	{"R5 repeat", `SELECT repeat('x', 2000000000)`},
	{"R5 printf", `SELECT printf('%2000000000d', 1)`},
	{"R5 lpad", `SELECT lpad('x', 2000000000, 'y')`},
	{"R5 range as text", `SELECT CAST(range(1000000000) AS VARCHAR)`},
	{"R5 a value the allow-list cannot see: 6.4 GB of string_agg", `SELECT length(string_agg(s, '')) FROM (SELECT 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' AS s FROM range(1000000) a, range(100) b)`},
}

// Each attack, sent as Cortex's answer, gets the analyst page an answer (a
// refusal or an error, never a crash or a hang past the timeout); after each,
// the dashboard's pages answer 200, no setting changed and the sequence did not
// move; and a legitimate answer still shows its table at the end.
func TestCortexAttacksLeaveTheDashboardServing(t *testing.T) {
	base := newSite(t, 0.03, false) // its own engine: it gets a canary sequence
	db := base.eng.DB()
	_, err := db.Exec(`CREATE SEQUENCE IF NOT EXISTS canary_seq`)
	require.NoError(t, err)

	var answer atomic.Value
	answer.Store(cortexRegions)
	cortex := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"request_id": "r-1", "message": map[string]any{
			"role": "analyst", "content": []map[string]any{
				{"type": "text", "text": "This is our interpretation."},
				{"type": "sql", "statement": answer.Load().(string)},
			}}})
	}))
	t.Cleanup(cortex.Close)
	ca := &analyst.Cortex{
		Client: &analyst.Client{BaseURL: cortex.URL, Auth: analyst.PAT("pat-0123"), MaxRetries: -1},
		Base:   analyst.Request{SemanticModelFile: "@SALES_ANALYTICS_DB.SEMANTIC.SEMANTIC_MODELS/sales_model.yaml"},
		Engine: base.eng,
		Exec:   analyst.ExecOptions{Timeout: 20 * time.Second},
	}
	s := base.withAnalyst(t, web.FromAnalyst(ca), 0)
	ask := func() (*http.Response, string) {
		return s.get(t, "/analyst?q="+url.QueryEscape("revenue by region in 2025"))
	}
	res, body := ask() // the first analyst query confines the engine: the state to keep is the confined one
	require.Equal(t, http.StatusOK, res.StatusCode, body)
	before := engineState(t, base)

	for _, a := range cortexAttacks {
		answer.Store(a.sql)
		start := time.Now()
		res, body := ask()
		t.Logf("%s: analyst page %d in %s", a.name, res.StatusCode, time.Since(start).Round(time.Millisecond))
		require.NotContains(t, body, "<table", "%s: no result table", a.name)
		res, body = s.get(t, "/executive")
		require.Equal(t, http.StatusOK, res.StatusCode, "%s: the dashboard still serves: %s", a.name, body)
		require.Equal(t, before, engineState(t, base), "%s: nothing changed", a.name)
	}
	answer.Store(cortexRegions)
	res, body = ask()
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Len(t, parsePage(t, body).table(t, "answer-1"), 4, "the analyst still answers")
}

// engineState is what no analyst query may change: every setting and every
// sequence's value, read through the engine's own handle.
func engineState(t *testing.T, s *site) string {
	t.Helper()
	var settings, seqs string
	require.NoError(t, s.eng.DB().QueryRowContext(context.Background(),
		`SELECT string_agg(name || '=' || COALESCE(value, ''), ',' ORDER BY name) FROM duckdb_settings()`).Scan(&settings))
	require.NoError(t, s.eng.DB().QueryRowContext(context.Background(),
		`SELECT string_agg(sequence_name || ':' || COALESCE(CAST(last_value AS VARCHAR), '-'), ',' ORDER BY sequence_name) FROM duckdb_sequences()`).Scan(&seqs))
	return settings + "\n" + seqs
}
