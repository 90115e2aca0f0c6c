package analyst_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

const agentView = "SALES_ANALYTICS_DB.SEMANTIC.SALES_SV"

// agentAnswer is a documented non-streamed agent answer: thinking, a Cortex
// Analyst tool use and result (with sql), and the final text.
func agentAnswer(sql string, suggestions []string, assistantID int64) string {
	result := map[string]any{"text": "This is our interpretation of your question: revenue by region.", "sql": sql,
		"verified_query_used": false, "query_id": "01b2-q"}
	if len(suggestions) > 0 {
		result["suggestions"] = suggestions
	}
	body, _ := json.Marshal(map[string]any{
		"role": "assistant",
		"content": []any{
			map[string]any{"type": "thinking", "thinking": map[string]any{"text": "The user asks for revenue by region."}},
			map[string]any{"type": "tool_use", "tool_use": map[string]any{"tool_use_id": "toolu_1", "type": "cortex_analyst_text_to_sql",
				"name": "sales_analyst", "input": map[string]any{"query": "revenue by region"}, "client_side_execute": "false"}},
			map[string]any{"type": "tool_result", "tool_result": map[string]any{"tool_use_id": "toolu_1", "type": "cortex_analyst_text_to_sql",
				"name": "sales_analyst", "status": "success", "content": []any{map[string]any{"type": "json", "json": result}}}},
			map[string]any{"type": "text", "text": "West sold 12.50 and East 7.25."},
		},
		"metadata": map[string]any{"run_id": "4264-83472", "thread_id": 4264, "user_message_id": 83472, "assistant_message_id": assistantID},
		"status":   "completed",
	})
	return string(body)
}

// respond answers a run with the whole answer only, as one response event (an
// agent that streams no delta).
func respond(w http.ResponseWriter, answer string) {
	streamHeaders(w)
	sse(w, "response", answer)
}

// agentFake is the fake API with the Agent over it, recording request paths.
type agentFake struct {
	*fakeAnalyst
	mu    sync.Mutex
	paths []string
}

func newAgentFake(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, call int)) *agentFake {
	f := &agentFake{fakeAnalyst: newFake(t)}
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		f.mu.Lock()
		f.paths = append(f.paths, r.URL.EscapedPath())
		f.mu.Unlock()
		handle(w, r, n)
	}
	return f
}

func (f *agentFake) agent(t *testing.T, waits *[]time.Duration) *analyst.Agent {
	return &analyst.Agent{Client: f.client(t, waits), Base: analyst.AnalystAgent("sales_analyst", agentView, "SALES_WH"), Engine: refusingRunner{t}}
}

func TestAgentRequestValidate(t *testing.T) {
	t.Parallel()
	one := int64(1)
	ask := []analyst.AgentMessage{{Role: "user", Content: []analyst.AgentContent{{Type: "text", Text: "q"}}}}
	inline := analyst.AnalystAgent("sales_analyst", agentView, "")
	inline.Messages = ask
	obj := analyst.AgentObject{Database: "DB", Schema: "S", Name: "SALES"}
	cases := []struct {
		name string
		req  func() analyst.AgentRequest
		obj  analyst.AgentObject
		want string
	}{
		{"inline", func() analyst.AgentRequest { return inline }, analyst.AgentObject{}, ""},
		{"object", func() analyst.AgentRequest { return analyst.AgentRequest{Messages: ask} }, obj, ""},
		{"no messages", func() analyst.AgentRequest { return analyst.AgentRequest{} }, obj, "needs messages"},
		{"assistant last", func() analyst.AgentRequest {
			return analyst.AgentRequest{Messages: []analyst.AgentMessage{{Role: "assistant"}}}
		}, obj, "last message must be the user's"},
		{"thread without parent", func() analyst.AgentRequest { return analyst.AgentRequest{Messages: ask, ThreadID: &one} }, obj, "go together"},
		{"history in a thread", func() analyst.AgentRequest {
			return analyst.AgentRequest{Messages: append(append([]analyst.AgentMessage{}, ask...), ask...), ThreadID: &one, ParentMessageID: &one}
		}, obj, "only the new question"},
		{"object with tools", func() analyst.AgentRequest { return inline }, obj, "has its own"},
		{"resource without tool", func() analyst.AgentRequest {
			r := inline
			r.ToolResources = map[string]analyst.ToolResource{"other": {SemanticView: agentView}}
			return r
		}, analyst.AgentObject{}, `tool_resources["other"] names no tool`},
		{"two model sources", func() analyst.AgentRequest {
			r := inline
			r.ToolResources = map[string]analyst.ToolResource{"sales_analyst": {SemanticView: agentView, SemanticModelFile: "@DB.S.ST/m.yaml"}}
			return r
		}, analyst.AgentObject{}, "exactly one of semantic_view"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.req().Validate(tc.obj)
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, analyst.ErrInvalidRequest)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

// A run without an agent object posts the configuration with the question; an
// agent object's run goes to its escaped path with the question only.
func TestRunAgentSendsTheDocumentedRequest(t *testing.T) {
	t.Parallel()
	f := newAgentFake(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		require.Equal(t, "application/json", r.Header.Get("Accept"))
		writeJSON(w, 200, agentAnswer("SELECT 1", nil, 83473))
	})
	c := f.client(t, nil)
	req := analyst.AnalystAgent("sales_analyst", agentView, "SALES_WH")
	req.Messages = []analyst.AgentMessage{{Role: "user", Content: []analyst.AgentContent{{Type: "text", Text: "Revenue by region"}}}}
	resp, err := c.RunAgent(context.Background(), analyst.AgentObject{}, req)
	require.NoError(t, err)
	require.Equal(t, "West sold 12.50 and East 7.25.", resp.Text())
	res, ok := resp.AnalystResult()
	require.True(t, ok)
	require.Equal(t, "SELECT 1", res.SQL)
	require.Equal(t, "hdr-req-1", resp.RequestID)
	require.Equal(t, int64(83473), resp.Metadata.AssistantMessageID)

	body := f.body(0)
	require.Equal(t, false, body["stream"])
	require.Equal(t, map[string]any{"tool_spec": map[string]any{"type": "cortex_analyst_text_to_sql", "name": "sales_analyst",
		"description": "Answers questions about sales (revenue, orders, customers, products, sales reps) with SQL over the " + agentView + " semantic view."}},
		body["tools"].([]any)[0])
	require.Equal(t, map[string]any{"sales_analyst": map[string]any{"semantic_view": agentView,
		"execution_environment": map[string]any{"type": "warehouse", "warehouse": "SALES_WH"}}}, body["tool_resources"])
	require.NotContains(t, body, "thread_id")

	_, err = c.RunAgent(context.Background(), analyst.AgentObject{Database: "SALES DB", Schema: "AGENTS", Name: "Sales/Agent"},
		analyst.AgentRequest{Messages: req.Messages})
	require.NoError(t, err)
	require.Equal(t, []string{analyst.AgentRunPath, "/api/v2/databases/SALES%20DB/schemas/AGENTS/agents/Sales%2FAgent:run"}, f.paths)
	require.NotContains(t, f.body(1), "tools")
}

// Error answers are typed; 429 and 503 are retried, honouring Retry-After;
// 400 and 500 are not.
func TestAgentErrorsAndRetries(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		answers   []func(w http.ResponseWriter)
		status    int
		code      string
		waits     []time.Duration
		succeeded bool
	}{
		{"bad request", []func(http.ResponseWriter){func(w http.ResponseWriter) {
			writeJSON(w, 400, `{"message":"Invalid tool spec","code":"399505","request_id":"r-400"}`)
		}}, 400, "399505", nil, false},
		{"server error is not retried", []func(http.ResponseWriter){func(w http.ResponseWriter) {
			writeJSON(w, 500, `{"message":"Error during execution","code":null,"error_code":"399504"}`)
		}}, 500, "399504", nil, false},
		{"429 then answer", []func(http.ResponseWriter){
			func(w http.ResponseWriter) {
				w.Header().Set("Retry-After", "2")
				writeJSON(w, 429, `{"message":"Too many requests"}`)
			},
			func(w http.ResponseWriter) { respond(w, agentAnswer("", nil, 1)) },
		}, 0, "", []time.Duration{2 * time.Second}, true},
		{"503 twice then answer", []func(http.ResponseWriter){
			func(w http.ResponseWriter) { writeJSON(w, 503, `{"message":"unavailable"}`) },
			func(w http.ResponseWriter) { writeJSON(w, 503, `{"message":"unavailable"}`) },
			func(w http.ResponseWriter) { respond(w, agentAnswer("", nil, 1)) },
		}, 0, "", []time.Duration{375 * time.Millisecond, 625 * time.Millisecond}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newAgentFake(t, func(w http.ResponseWriter, _ *http.Request, n int) { tc.answers[n-1](w) })
			var waits []time.Duration
			ans, err := f.agent(t, &waits).Ask(context.Background(), nil, "revenue by region")
			require.Equal(t, tc.waits, waits)
			require.Equal(t, len(tc.answers), int(f.calls.Load()))
			if tc.succeeded {
				require.NoError(t, err)
				require.True(t, ans.Declined)
				return
			}
			var ae *analyst.APIError
			require.ErrorAs(t, err, &ae)
			require.Equal(t, tc.status, ae.StatusCode)
			require.Equal(t, tc.code, ae.CodeOrErrorCode())
		})
	}
}

// The SQL of the agent's Cortex Analyst call goes through the read-only guard:
// a statement that writes never reaches the engine.
func TestAgentSQLGoesThroughTheGuard(t *testing.T) {
	t.Parallel()
	f := newAgentFake(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		respond(w, agentAnswer("DELETE FROM SALES_ANALYTICS_DB.MARTS.FCT_ORDERS", nil, 1))
	})
	_, err := f.agent(t, nil).Ask(context.Background(), nil, "delete everything")
	require.ErrorIs(t, err, analyst.ErrNotReadOnly)
}

// Without Cortex Analyst SQL the answer is a decline with the agent's text and
// Cortex Analyst's suggestions.
func TestAgentDeclinesWithoutSQL(t *testing.T) {
	t.Parallel()
	f := newAgentFake(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		respond(w, agentAnswer("", []string{"Revenue by region last month", "Top 10 products"}, 1))
	})
	ans, err := f.agent(t, nil).Ask(context.Background(), nil, "how are we doing?")
	require.NoError(t, err)
	require.True(t, ans.Declined)
	require.Equal(t, "Cortex Agents returned no SQL for this question", ans.Reason)
	require.Equal(t, "West sold 12.50 and East 7.25.", ans.Text)
	require.Equal(t, []string{"Revenue by region last month", "Top 10 products"}, ans.Suggestions)
}

// With Threads the first question creates a thread and each follow-up names it
// and the previous answer's assistant message, sending only the new question.
// Without, the history is sent back, the agent's own turn as received.
func TestAgentThreadsAndHistory(t *testing.T) {
	t.Parallel()
	f := newAgentFake(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == analyst.ThreadsPath {
			writeJSON(w, 200, `{"thread_id":4264,"thread_name":"","origin_application":"salesanalytics","created_on":1717000000000,"updated_on":1717000000000}`)
			return
		}
		respond(w, agentAnswer("", nil, int64(83470+n)))
	})
	a := f.agent(t, nil)
	a.Threads, a.OriginApplication = true, "salesanalytics"
	first, err := a.Ask(context.Background(), nil, "Revenue by region")
	require.NoError(t, err)
	_, err = a.Ask(context.Background(), []*analyst.Answer{first}, "What about last year?")
	require.NoError(t, err)
	require.Equal(t, []string{analyst.ThreadsPath, analyst.AgentRunPath, analyst.AgentRunPath}, f.paths, "one thread for the conversation")
	require.Equal(t, map[string]any{"origin_application": "salesanalytics"}, f.body(0))
	require.Equal(t, float64(4264), f.body(1)["thread_id"])
	require.Equal(t, float64(0), f.body(1)["parent_message_id"], "the first message's parent is 0")
	require.Equal(t, float64(4264), f.body(2)["thread_id"])
	require.Equal(t, float64(83472), f.body(2)["parent_message_id"], "the follow-up's parent is the first answer's assistant message")
	require.Len(t, f.body(2)["messages"], 1)

	a.Threads = false
	_, err = a.Ask(context.Background(), []*analyst.Answer{first}, "What about last year?")
	require.NoError(t, err)
	msgs := f.body(3)["messages"].([]any)
	require.Len(t, msgs, 3)
	require.Equal(t, "assistant", msgs[1].(map[string]any)["role"])
	require.Len(t, msgs[1].(map[string]any)["content"], 4, "the agent's turn goes back as received")
	require.NotContains(t, f.body(3), "thread_id")

	_, err = a.Client.CreateThread(context.Background(), strings.Repeat("x", 17))
	require.ErrorIs(t, err, analyst.ErrInvalidRequest)
}

// agentEvents is a documented event sequence of one run, ending with the
// response event.
func agentEvents(w http.ResponseWriter, sql string) {
	sse(w, "metadata", `{"metadata":{"role":"user","message_id":83472,"run_id":"4264-83472"}}`)
	sse(w, "response.status", `{"message":"Planning the next steps","status":"planning"}`)
	sse(w, "response.thinking.delta", `{"content_index":0,"text":"The user asks for revenue"}`)
	sse(w, "response.tool_use", `{"content_index":1,"tool_use_id":"toolu_1","type":"cortex_analyst_text_to_sql","name":"sales_analyst","input":{"query":"revenue by region"},"client_side_execute":false}`)
	sse(w, "response.tool_result.status", `{"tool_use_id":"toolu_1","tool_type":"cortex_analyst_text_to_sql","status":"generating_sql","message":"Generating SQL"}`)
	delta, _ := json.Marshal(map[string]any{"content_index": 2, "tool_use_id": "toolu_1", "tool_type": "cortex_analyst_text_to_sql",
		"tool_name": "sales_analyst", "delta": map[string]any{"sql": sql}})
	sse(w, "response.tool_result.analyst.delta", string(delta))
	result, _ := json.Marshal(map[string]any{"content_index": 2, "tool_use_id": "toolu_1", "type": "cortex_analyst_text_to_sql",
		"name": "sales_analyst", "status": "success", "content": []any{map[string]any{"type": "json", "json": map[string]any{"sql": sql}}}})
	sse(w, "response.tool_result", string(result))
	sse(w, "response.status", `{"message":"Forming the answer","status":"proceeding_to_answer"}`)
	sse(w, "response.text.delta", `{"content_index":3,"text":"West sold 12.50 ","is_elicitation":false}`)
	sse(w, "response.text.delta", `{"content_index":3,"text":"and East 7.25."}`)
	sse(w, "response.text", `{"content_index":3,"text":"West sold 12.50 and East 7.25."}`)
	sse(w, "response.warning", `{"message":"Unable to fetch tools from MCP server 'foo'.","code":"003001"}`)
	sse(w, "metadata", `{"metadata":{"role":"assistant","message_id":83473,"run_id":"4264-83472"}}`)
	sse(w, "response", agentAnswer(sql, nil, 83473))
}

func TestAgentStreamReadsEveryDocumentedEvent(t *testing.T) {
	t.Parallel()
	f := newAgentFake(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		require.Equal(t, "text/event-stream", r.Header.Get("Accept"))
		streamHeaders(w)
		io.WriteString(w, ": keep-alive\n\n")
		agentEvents(w, "SELECT 1")
		sse(w, "response.status", `{"status":"after the end"}`) // never read
	})
	req := analyst.AnalystAgent("sales_analyst", agentView, "")
	req.Messages = []analyst.AgentMessage{{Role: "user", Content: []analyst.AgentContent{{Type: "text", Text: "Revenue by region"}}}}
	s, err := f.client(t, nil).StreamAgent(context.Background(), analyst.AgentObject{}, req)
	require.NoError(t, err)
	defer s.Close()
	var types []string
	var text strings.Builder
	for ev, err := range s.Events() {
		require.NoError(t, err)
		types = append(types, ev.Type)
		switch ev.Type {
		case analyst.AgentEventTextDelta:
			text.WriteString(ev.Text)
			require.Equal(t, 3, ev.ContentIndex)
		case analyst.AgentEventToolUse:
			require.Equal(t, "toolu_1", ev.ToolUse.ToolUseID)
			require.Equal(t, 1, ev.ContentIndex)
		case analyst.AgentEventToolResult:
			require.Equal(t, "success", ev.ToolResult.Status)
		case analyst.AgentEventAnalystDelta:
			require.Equal(t, "SELECT 1", ev.AnalystDelta.SQL)
		case analyst.AgentEventWarning:
			require.Equal(t, "003001", ev.Warning.Code)
		case analyst.AgentEventMetadata:
			require.Contains(t, []int64{83472, 83473}, ev.MessageID)
		case analyst.AgentEventToolResultStatus:
			require.Equal(t, "Generating SQL", ev.Message)
		}
	}
	require.Equal(t, []string{"metadata", "response.status", "response.thinking.delta", "response.tool_use", "response.tool_result.status",
		"response.tool_result.analyst.delta", "response.tool_result", "response.status", "response.text.delta", "response.text.delta",
		"response.text", "response.warning", "metadata", "response"}, types)
	require.Equal(t, s.Response().Text(), text.String(), "the deltas add up to the response's text")
	require.Equal(t, "stream-req-9", s.Response().RequestID)
	require.True(t, f.body(0)["stream"].(bool))
}

// A fatal error event is an *APIError (status 200) and ends the stream; a
// stream that ends before its response event is interrupted.
func TestAgentStreamFailures(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		events func(w http.ResponseWriter)
		check  func(t *testing.T, err error)
	}{
		{"error event", func(w http.ResponseWriter) {
			sse(w, "response.status", `{"message":"Planning the next steps","status":"planning"}`)
			sse(w, "error", `{"code":"399504","error_code":"399504","message":"Error during execution","request_id":"61987ff6"}`)
		}, func(t *testing.T, err error) {
			var ae *analyst.APIError
			require.ErrorAs(t, err, &ae)
			require.Equal(t, 200, ae.StatusCode)
			require.Equal(t, "399504", ae.Code)
			require.Equal(t, "61987ff6", ae.RequestID)
		}},
		{"no response event", func(w http.ResponseWriter) {
			sse(w, "response.text.delta", `{"content_index":0,"text":"West sold"}`)
		}, func(t *testing.T, err error) {
			require.ErrorIs(t, err, analyst.ErrStreamInterrupted)
		}},
		{"cut mid-event", func(w http.ResponseWriter) {
			io.WriteString(w, "event: response.text.delta\ndata: {\"content_index\":0,")
		}, func(t *testing.T, err error) {
			require.ErrorIs(t, err, analyst.ErrStreamInterrupted)
		}},
		{"malformed event", func(w http.ResponseWriter) {
			sse(w, "response.tool_use", `{"tool_use_id": 7}`)
		}, func(t *testing.T, err error) {
			require.ErrorIs(t, err, analyst.ErrMalformedResponse)
		}},
		{"cancelled run", func(w http.ResponseWriter) {
			sse(w, "response", `{"role":"assistant","content":[],"status":"cancelled"}`)
		}, func(t *testing.T, err error) {
			require.ErrorContains(t, err, "the agent run ended cancelled")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newAgentFake(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
				streamHeaders(w)
				tc.events(w)
			})
			_, err := f.agent(t, nil).AskStream(context.Background(), nil, "revenue by region", nil)
			tc.check(t, err)
		})
	}
}

// Cancelling while the agent is still working ends the stream at once with
// the context's error.
func TestAgentStreamCancelledMidStream(t *testing.T) {
	t.Parallel()
	f := newAgentFake(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		streamHeaders(w)
		sse(w, "response.text.delta", `{"content_index":0,"text":"West"}`)
		<-r.Context().Done() // the agent keeps thinking until the client leaves
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var parts []analyst.Part
	_, err := f.agent(t, nil).AskStream(ctx, nil, "revenue by region", func(p analyst.Part) error {
		parts = append(parts, p)
		cancel()
		return nil
	})
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorIs(t, err, analyst.ErrStreamInterrupted)
	require.Len(t, parts, 1)
}

// A stream or an event beyond the client's bounds is refused.
func TestAgentStreamSizeLimits(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("x", 4096)
	f := newAgentFake(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		streamHeaders(w)
		for range 64 {
			sse(w, "response.text.delta", fmt.Sprintf(`{"content_index":0,"text":%q}`, big))
		}
		agentEvents(w, "SELECT 1")
	})
	a := f.agent(t, nil)
	a.Client.MaxStreamBytes = 64 << 10
	_, err := a.AskStream(context.Background(), nil, "q", nil)
	var tl *analyst.TooLargeError
	require.ErrorAs(t, err, &tl)
	require.True(t, tl.Stream)

	a.Client.MaxStreamBytes, a.Client.MaxResponseBytes = 0, 1024
	_, err = a.AskStream(context.Background(), nil, "q", nil)
	require.ErrorAs(t, err, &tl)
	require.True(t, tl.Event)

	_, err = a.Ask(context.Background(), nil, "q") // the whole answer is beyond 1 KiB too
	require.ErrorIs(t, err, analyst.ErrResponseTooLarge)
}

// A server that echoes the token — in an error body, in an error event — does
// not get it into the error.
func TestAgentErrorsCarryNoCredential(t *testing.T) {
	t.Parallel()
	for _, stream := range []bool{false, true} {
		f := newAgentFake(t, func(w http.ResponseWriter, r *http.Request, _ int) {
			echo, _ := json.Marshal(map[string]any{"message": "bad token " + r.Header.Get("Authorization"), "code": "390144"})
			if !stream {
				writeJSON(w, 401, string(echo))
				return
			}
			streamHeaders(w)
			sse(w, "error", string(echo))
		})
		a := f.agent(t, nil)
		a.Client.Auth = analyst.PAT(f.pat)
		var err error
		if stream {
			_, err = a.AskStream(context.Background(), nil, "q", nil)
		} else {
			_, err = a.Ask(context.Background(), nil, "q")
		}
		require.Error(t, err)
		require.Contains(t, err.Error(), "bad token Bearer [redacted]")
		require.NotContains(t, err.Error(), f.pat)
	}
}
