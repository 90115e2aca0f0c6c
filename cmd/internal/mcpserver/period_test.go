package mcpserver_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/cmd/internal/mcpserver"
)

// TestPeriodSchemaTakesBothSpellings: the query and explain tools take a
// period spelled as the presets are (last-year) or as the query package is
// (last_year). A client that validates its arguments against the advertised
// input schema (jsonschema-go here) may send either, the server answers both
// with the same dates, and both refuse a name that is no range.
func TestPeriodSchemaTakesBothSpellings(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	tools, err := cs.ListTools(context.Background(), nil)
	require.NoError(t, err)
	pairs := [][2]string{
		{"today", "today"}, {"yesterday", "yesterday"},
		{"this-week", "this_week"}, {"last-week", "last_week"},
		{"this-month", "this_month"}, {"last-month", "last_month"},
		{"this-quarter", "this_quarter"}, {"last-quarter", "last_quarter"},
		{"this-year", "this_year"}, {"last-year", "last_year"},
	}
	args := func(period string) map[string]any {
		return map[string]any{"metrics": []any{"revenue"}, "period": period}
	}
	checked := 0
	for _, tool := range tools.Tools {
		if tool.Name != mcpserver.ToolQuery && tool.Name != mcpserver.ToolExplain {
			continue
		}
		checked++
		schema := resolve(t, tool.InputSchema)
		for _, p := range pairs {
			var answers [2]any
			for i, spelling := range p {
				require.NoError(t, schema.Validate(args(spelling)), "%s: the schema refuses period %q", tool.Name, spelling)
				res := call(t, cs, tool.Name, args(spelling))
				require.False(t, res.IsError, "%s period %q: %s", tool.Name, spelling, text(res))
				answers[i] = structured[map[string]any](t, res)["args"]
			}
			if tool.Name == mcpserver.ToolExplain {
				require.NotEmpty(t, answers[0], "explain binds the period's dates")
				require.Equal(t, answers[0], answers[1], "%s and %s bind different dates", p[0], p[1])
			}
		}
		for _, bad := range []string{"last-decade", "last_n_days", "last year"} {
			require.Error(t, schema.Validate(args(bad)), "%s: the schema takes period %q", tool.Name, bad)
			require.True(t, call(t, cs, tool.Name, args(bad)).IsError, "%s: the server takes period %q", tool.Name, bad)
		}
	}
	require.Equal(t, 2, checked, "the query and explain tools")
}
