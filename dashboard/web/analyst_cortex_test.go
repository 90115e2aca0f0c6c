package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
)

// cortexRegions is the SQL the fake Cortex Analyst answers with: revenue by
// region in 2025 over the marts, which the embedded engine runs read-only.
const cortexRegions = `SELECT REGION AS region, SUM(NET_AMOUNT) AS revenue FROM MARTS.FCT_ORDERS ` +
	`WHERE ORDER_DATE BETWEEN DATE '2025-01-01' AND DATE '2025-12-31' GROUP BY REGION ORDER BY REGION`

// Cortex Analyst's events pass through the page's stream as they arrive: the
// fake Cortex sends its next event only once the browser's side has read the
// web event the last one became. Its SQL then runs on the embedded warehouse,
// and the table's figures equal the view API's for the year.
func TestAnalystStreamsCortexAsItArrives(t *testing.T) {
	t.Parallel()
	base := newSite(t, 0.05, false) // its own engine: the analyst's first query confines it
	read := make(chan string, 16)   // the web events the test has read, by name
	cortex := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != analyst.MessagePath || r.Header.Get("Authorization") != "Bearer pat-0123" {
			http.Error(w, `{"message":"no"}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		send := func(event string, data any, want string) {
			b, _ := json.Marshal(data)
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b)
			w.(http.Flusher).Flush()
			if want == "" {
				return
			}
			select {
			case got := <-read:
				if got != want {
					t.Errorf("after Cortex's %s event the page read a %s event, want %s", event, got, want)
				}
			case <-time.After(time.Minute): // an event's wait, not a measure
				t.Errorf("the page did not pass Cortex's %s event on before the next", event)
			}
		}
		send("status", map[string]any{"status": "interpreting_question", "status_message": "Interpreting question"}, "status")
		send("message.content.delta", map[string]any{"index": 0, "type": "text", "text_delta": "This is our interpretation: "}, "text")
		send("message.content.delta", map[string]any{"index": 0, "type": "text", "text_delta": "revenue <by> region in 2025."}, "text")
		send("status", map[string]any{"status": "generating_sql"}, "status")
		send("message.content.delta", map[string]any{"index": 1, "type": "sql", "statement_delta": cortexRegions}, "")
		send("status", map[string]any{"status": "done", "status_message": "Done"}, "")
	}))
	t.Cleanup(cortex.Close)
	ca := &analyst.Cortex{
		Client: &analyst.Client{BaseURL: cortex.URL, Auth: analyst.PAT("pat-0123"), MaxRetries: -1},
		Base:   analyst.Request{SemanticModelFile: "@SALES_ANALYTICS_DB.SEMANTIC.SEMANTIC_MODELS/sales_model.yaml"},
		Engine: base.eng,
	}
	s := base.withAnalyst(t, web.FromAnalyst(ca), 0)
	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)

	es := stream(t, context.Background(), srv, "revenue by region in 2025")
	var evs []event
	for {
		ev, ok := es.next(t)
		if !ok {
			break
		}
		evs = append(evs, ev)
		read <- ev.name
	}
	require.Equal(t, []string{"status", "text", "text", "status", "sql", "status", "table", "done"}, names(evs))
	require.Contains(t, evs[0].data, "<span>Interpreting question</span>")
	require.Contains(t, evs[3].data, "<span>Generating SQL</span>", "a status without a message in words")
	require.Equal(t, "revenue &lt;by&gt; region in 2025.", evs[2].data, "Cortex's text is escaped")
	require.Contains(t, evs[7].data, `<p class="answer" data-answer>This is our interpretation: revenue &lt;by&gt; region in 2025.</p>`)
	require.Contains(t, evs[4].data, "BETWEEN DATE &#39;2025-01-01&#39;")

	year, err := base.d.Regional(context.Background(), dashboard.Filter{From: date(2025, 1, 1), To: date(2025, 12, 31)}, dashboard.RegionalOptions{})
	require.NoError(t, err)
	tbl := parsePage(t, evs[6].data).table(t, "answer-1")
	require.Len(t, tbl, len(year.Regions))
	byRegion := map[string]string{}
	for _, row := range tbl {
		byRegion[row[0].text] = row[1].text
	}
	for _, r := range year.Regions {
		equalFigure(t, r.Revenue, byRegion[r.Region], "revenue of "+r.Region)
	}
}
