package mcpserver_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/cmd/internal/mcpserver"
)

// validArgs are a valid call of every tool.
var validArgs = map[string]map[string]any{
	mcpserver.ToolListMetrics:    {},
	mcpserver.ToolListDimensions: {},
	mcpserver.ToolListFilters:    {},
	mcpserver.ToolDescribe:       {"name": "aov"},
	mcpserver.ToolQuery: {"metrics": []string{"revenue", "aov", "order_count"}, "by": []string{"region"}, "grain": "quarter",
		"where": []any{map[string]any{"field": "segment", "values": []any{"SMB"}}}, "from": "2025-01-01", "to": "2025-12-31", "compare": "year"},
	mcpserver.ToolExplain: {"metrics": []string{"revenue"}, "by": []string{"category"}, "period": "last_year", "top": 3},
	mcpserver.ToolAsk:     {"question": "Total revenue by region last year"},
	mcpserver.ToolView:    {"view": "executive", "from": "2025-01-01", "to": "2025-03-31"},
}

// The server builds its results itself (the SDK does not validate them), so
// this test is the proof that every tool's structured content is valid
// against the output schema it advertises, and that the text content older
// clients read is the same JSON.
func TestEveryToolResultMatchesItsOutputSchema(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	tools, err := cs.ListTools(context.Background(), nil)
	require.NoError(t, err)
	require.Len(t, tools.Tools, len(validArgs), "validArgs has a call of every tool")
	for _, tool := range tools.Tools {
		t.Run(tool.Name, func(t *testing.T) {
			args, ok := validArgs[tool.Name]
			require.True(t, ok, "validArgs has no call of %s", tool.Name)
			schema := resolve(t, tool.OutputSchema)
			res := call(t, cs, tool.Name, args)
			require.False(t, res.IsError, "tool error: %s", text(res))

			b, err := json.Marshal(res.StructuredContent)
			require.NoError(t, err)
			var instance any
			require.NoError(t, json.Unmarshal(b, &instance))
			require.NoError(t, schema.Validate(instance), "%s: structured content against the output schema", tool.Name)

			require.Len(t, res.Content, 1)
			require.JSONEq(t, string(b), text(res), "the text content is the structured content's JSON")
		})
	}
}

// A result that breaks the schema is caught by the validation above: the
// check can fail.
func TestOutputSchemaValidationCatchesABadResult(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	tools, err := cs.ListTools(context.Background(), nil)
	require.NoError(t, err)
	for _, tool := range tools.Tools {
		if tool.Name != mcpserver.ToolQuery {
			continue
		}
		schema := resolve(t, tool.OutputSchema)
		require.Error(t, schema.Validate(map[string]any{"columns": []any{}, "rows": "not a list", "sql": "", "tables": []any{}}))
		require.Error(t, schema.Validate(map[string]any{"rows": []any{}}), "required properties missing")
		return
	}
	t.Fatal("no query tool")
}

func resolve(t *testing.T, s any) *jsonschema.Resolved {
	t.Helper()
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var sch jsonschema.Schema
	require.NoError(t, json.Unmarshal(b, &sch))
	r, err := sch.Resolve(nil)
	require.NoError(t, err)
	return r
}
