package mcpserver_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/cmd/internal/mcpserver"
)

// nested returns a where condition nested depth levels deep through "any".
func nested(depth int) map[string]any {
	var c map[string]any = map[string]any{"field": "region", "values": []any{"North"}}
	for range depth {
		c = map[string]any{"any": []any{c}}
	}
	return c
}

func TestHostileArgumentsAreToolErrors(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	mb := strings.Repeat("x", 1<<20)
	many := make([]any, 5000)
	for i := range many {
		many[i] = map[string]any{"field": "region", "values": []any{"North"}}
	}
	for _, tc := range []struct {
		name, tool string
		args       any
		want       string // in the error text
	}{
		{"unknown metric", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenu"}}, `did you mean "revenue"`},
		{"unknown dimension", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "by": []any{"planet"}}, "valid:"},
		{"unknown filter field", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "where": []any{map[string]any{"field": "password", "values": []any{"x"}}}}, "valid:"},
		{"unknown named filter", mcpserver.ToolExplain, map[string]any{"metrics": []any{"revenue"}, "filters": []any{"all_of_it"}}, "valid:"},
		{"unknown describe", mcpserver.ToolDescribe, map[string]any{"name": "nothing_like_it"}, "valid:"},
		{"unknown view", mcpserver.ToolView, map[string]any{"view": "boardroom"}, "executive, regional"},
		{"unknown region", mcpserver.ToolView, map[string]any{"view": "regional", "regions": []any{"Atlantis"}}, "Atlantis"},
		{"a key in other case", mcpserver.ToolQuery, map[string]any{"METRICS": []any{"revenue"}}, "METRICS"},
		{"arguments not an object", mcpserver.ToolQuery, []any{"revenue"}, "arguments"},
		{"unknown key", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "sql": "DROP TABLE X"}, "sql"},
		{"huge limit", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "limit": 1_000_000_000}, "limit"},
		{"huge top", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "top": 1 << 40}, "top"},
		{"negative limit", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "limit": -1}, "limit"},
		{"float money", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "where": []any{map[string]any{"field": "net_amount", "op": ">", "values": []any{1000.5}}}}, "values"},
		{"nested filter", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "where": []any{nested(200)}}, "any"},
		{"many conditions", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "where": many}, "more than"},
		{"1 MB metric name", mcpserver.ToolQuery, map[string]any{"metrics": []any{mb}}, "bytes"},
		{"1 MB value", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "where": []any{map[string]any{"field": "region", "values": []any{mb}}}}, "bytes"},
		{"1 MB question", mcpserver.ToolAsk, map[string]any{"question": mb}, "question"},
		{"1 MB describe", mcpserver.ToolDescribe, map[string]any{"name": mb}, "name"},
		{"1 MB view", mcpserver.ToolView, map[string]any{"view": mb}, "unknown view"},
		{"bad date", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "from": "2025-13-01", "to": "2025-12-31"}, "from"},
		{"comparison not yet", mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "compare": "year"}, "compare"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := call(t, cs, tc.tool, tc.args)
			require.True(t, res.IsError, "a tool error, got %s", text(res))
			msg := text(res)
			require.Contains(t, msg, tc.want)
			require.Less(t, len(msg), 8<<10, "the error does not echo a huge argument")
			require.NotContains(t, msg, "goroutine", "no stack trace")
		})
	}
	// The server still answers.
	res := call(t, cs, mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}})
	require.False(t, res.IsError, text(res))
}

func TestRowsAreBounded(t *testing.T) {
	cs := dial(t, mcpserver.Options{MaxResultBytes: 2000})
	res := call(t, cs, mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}, "by": []any{"customer_name"}})
	require.True(t, res.IsError)
	require.Contains(t, text(res), "more than the 2000 allowed")
}

func TestConcurrentCallsAreBounded(t *testing.T) {
	cs := dial(t, mcpserver.Options{MaxConcurrent: 1, Queue: time.Nanosecond})
	var wg sync.WaitGroup
	var mu sync.Mutex
	busy, ok := 0, 0
	for range 16 {
		wg.Go(func() {
			res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: mcpserver.ToolQuery,
				Arguments: map[string]any{"metrics": []any{"revenue"}, "by": []any{"customer_name"}}})
			require.NoError(t, err)
			mu.Lock()
			defer mu.Unlock()
			if res.IsError {
				require.Contains(t, text(res), "busy")
				busy++
			} else {
				ok++
			}
		})
	}
	wg.Wait()
	require.Positive(t, ok)
	require.Positive(t, busy, "with one slot and no queue, overlapping calls are refused")
}

func TestHTTPChecksOrigin(t *testing.T) {
	h := mcpserver.Handler(mcpserver.New(testSvc, mcpserver.Options{}), mcpserver.HTTPOptions{AllowOrigins: []string{"https://app.example"}})
	srv := httptest.NewServer(h)
	defer srv.Close()
	init := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}`
	for _, tc := range []struct {
		origin string
		want   int
	}{
		{"http://evil.example", http.StatusForbidden},
		{"http://localhost.evil.example", http.StatusForbidden},
		{"null", http.StatusForbidden},
		{"http://localhost:3000", http.StatusOK},
		{"http://127.0.0.1:3000", http.StatusOK},
		{"https://app.example", http.StatusOK},
		{"", http.StatusOK},
	} {
		req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(init))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		if tc.origin != "" {
			req.Header.Set("Origin", tc.origin)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, tc.want, resp.StatusCode, "Origin %q", tc.origin)
	}

	// A non-loopback Host on a loopback connection is refused by the SDK (DNS rebinding).
	req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(init))
	require.NoError(t, err)
	req.Host = "attacker.example"
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusForbidden, resp.StatusCode)

	// A body over the bound is refused.
	big, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": map[string]any{"name": "ask", "arguments": map[string]any{"question": strings.Repeat("x", 2<<20)}}})
	req, err = http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(string(big)))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.GreaterOrEqual(t, resp.StatusCode, 400)
}

// A message nested deeper than the SDK's JSON decoder takes (1,000 levels)
// cannot be read at all: the SDK ends that session without a panic, and the
// server serves the next one.
func TestTooDeepMessageEndsOnlyItsSession(t *testing.T) {
	srv := mcpserver.New(testSvc, mcpserver.Options{})
	_, err := connectTo(t, srv).CallTool(context.Background(), &mcp.CallToolParams{Name: mcpserver.ToolQuery,
		Arguments: map[string]any{"metrics": []any{"revenue"}, "where": []any{nested(1500)}}})
	require.Error(t, err)
	res := call(t, connectTo(t, srv), mcpserver.ToolQuery, map[string]any{"metrics": []any{"revenue"}})
	require.False(t, res.IsError, text(res))
}
