package mcpserver_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/cmd/internal/mcpserver"
	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// call calls a tool and returns its result, failing on a protocol error.
func call(t testing.TB, cs *mcp.ClientSession, name string, args any) *mcp.CallToolResult {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: name, Arguments: args})
	require.NoError(t, err, "tool %s", name)
	return res
}

// structured decodes a successful tool result's structured content.
func structured[T any](t testing.TB, res *mcp.CallToolResult) T {
	t.Helper()
	require.False(t, res.IsError, "tool error: %s", text(res))
	b, err := json.Marshal(res.StructuredContent)
	require.NoError(t, err)
	var out T
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

func text(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

func TestEveryToolIsListedWithValidSchemas(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	res, err := cs.ListTools(context.Background(), nil)
	require.NoError(t, err)
	var names []string
	for _, tool := range res.Tools {
		names = append(names, tool.Name)
		for what, s := range map[string]any{"input": tool.InputSchema, "output": tool.OutputSchema} {
			require.NotNil(t, s, "%s: %s schema", tool.Name, what)
			b, err := json.Marshal(s)
			require.NoError(t, err)
			var sch jsonschema.Schema
			require.NoError(t, json.Unmarshal(b, &sch), "%s: %s schema", tool.Name, what)
			_, err = sch.Resolve(nil)
			require.NoError(t, err, "%s: %s schema resolves", tool.Name, what)
			require.Equal(t, "object", sch.Type, "%s: %s schema is an object", tool.Name, what)
		}
		require.True(t, tool.Annotations.ReadOnlyHint, "%s is read-only", tool.Name)
	}
	slices.Sort(names)
	want := mcpserver.Tools()
	slices.Sort(want)
	require.Equal(t, want, names)
}

// revenueByRegion is the oracle: hand-written SQL over the fact table.
func revenueByRegion(t *testing.T, segment string) map[string]string {
	rows, err := testDB.Query(`SELECT REGION, CAST(SUM(NET_AMOUNT) AS VARCHAR) FROM MARTS.FCT_ORDERS WHERE SEGMENT = ? AND ORDER_DATE BETWEEN DATE '2025-01-01' AND DATE '2025-12-31' GROUP BY REGION`, segment)
	require.NoError(t, err)
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var r, v string
		require.NoError(t, rows.Scan(&r, &v))
		d, err := decimal.NewFromString(v)
		require.NoError(t, err)
		out[r] = d.StringFixed(2)
	}
	require.NoError(t, rows.Err())
	require.NotEmpty(t, out)
	return out
}

func TestQueryEqualsTheLibraryAndTheOracle(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	args := map[string]any{"metrics": []string{"revenue", "order_count"}, "by": []string{"region"},
		"where": []any{map[string]any{"field": "segment", "values": []any{"SMB"}}}, "from": "2025-01-01", "to": "2025-12-31"}
	out := structured[struct {
		Rows   []map[string]any `json:"rows"`
		SQL    string           `json:"sql"`
		Tables []string         `json:"tables"`
	}](t, call(t, cs, mcpserver.ToolQuery, args))
	require.Equal(t, []string{"SALES_ANALYTICS_DB.MARTS.FCT_ORDERS"}, out.Tables)

	// The library API, the same request.
	c, err := query.New(semantic.SalesModel(), query.Options{Dialect: dialect.DuckDB, Now: connect.DemoNow})
	require.NoError(t, err)
	q, err := c.Compile(query.Request{Metrics: []string{"revenue", "order_count"}, Dimensions: []string{"region"},
		Where: query.And(query.Cmp{Field: "segment", Op: query.OpEq, Values: []any{"SMB"}}),
		Dates: &query.DateFilter{Range: query.Dates(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC))}})
	require.NoError(t, err)
	lib, err := q.Run(context.Background(), testDB)
	require.NoError(t, err)
	require.Len(t, out.Rows, len(lib.Rows))
	oracle := revenueByRegion(t, "SMB")
	for i, r := range lib.Rows {
		rev := r[1].(decimal.Decimal).StringFixed(2)
		require.Equal(t, r[0], out.Rows[i]["region"])
		require.Equal(t, rev, out.Rows[i]["revenue"], "a decimal is an exact string")
		require.EqualValues(t, r[2], out.Rows[i]["order_count"], "a count is a number")
		require.Equal(t, oracle[r[0].(string)], rev, "the hand-written SQL agrees")
	}

	// explain compiles the same SQL without running it.
	ex := structured[struct {
		SQL  string           `json:"sql"`
		Rows []map[string]any `json:"rows"`
	}](t, call(t, cs, mcpserver.ToolExplain, args))
	require.Equal(t, out.SQL, ex.SQL)
	require.Empty(t, ex.Rows)
}

func TestCatalogTools(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	type fields struct {
		Fields []struct {
			Name         string   `json:"name"`
			Kind         string   `json:"kind"`
			Synonyms     []string `json:"synonyms"`
			SampleValues []string `json:"sample_values"`
		} `json:"fields"`
	}
	m := semantic.SalesModel()
	count := func(kinds ...semantic.FieldKind) int {
		n := 0
		for _, f := range m.Fields() {
			if slices.Contains(kinds, f.Kind) {
				n++
			}
		}
		return n
	}
	metrics := structured[fields](t, call(t, cs, mcpserver.ToolListMetrics, map[string]any{}))
	require.Len(t, metrics.Fields, count(semantic.KindMetric))
	dims := structured[fields](t, call(t, cs, mcpserver.ToolListDimensions, map[string]any{}))
	require.Len(t, dims.Fields, count(semantic.KindDimension, semantic.KindTimeDimension))
	withSamples := 0
	for _, d := range dims.Fields {
		if len(d.SampleValues) > 0 {
			withSamples++
		}
	}
	require.Positive(t, withSamples, "dimensions carry sample values")
	filters := structured[fields](t, call(t, cs, mcpserver.ToolListFilters, map[string]any{}))
	require.Len(t, filters.Fields, count(semantic.KindFilter))

	d := structured[struct {
		Name string `json:"name"`
		Kind string `json:"kind"`
	}](t, call(t, cs, mcpserver.ToolDescribe, map[string]any{"name": "revenue"}))
	require.Equal(t, "total_revenue", d.Name, "a synonym names the metric")
	require.Equal(t, "metric", d.Kind)
}

func TestAskEqualsTheOfflineAnalyst(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	const question = "Total revenue by region last year"
	out := structured[struct {
		Answer  string           `json:"answer"`
		Rows    []map[string]any `json:"rows"`
		Reading *struct {
			Metrics []string `json:"metrics"`
			By      []string `json:"by"`
		} `json:"reading"`
	}](t, call(t, cs, mcpserver.ToolAsk, map[string]any{"question": question}))

	a, err := offline.New(context.Background(), semantic.SalesModel(), testDB, offline.Options{Dialect: dialect.DuckDB, Now: connect.DemoNow})
	require.NoError(t, err)
	want, err := a.Ask(context.Background(), nil, question)
	require.NoError(t, err)
	require.Equal(t, want.Text, out.Answer)
	require.Len(t, out.Rows, len(want.Result.Rows))
	for i, r := range want.Result.Rows {
		require.Equal(t, r[1].(decimal.Decimal).StringFixed(2), out.Rows[i]["total_revenue"])
	}
	require.NotNil(t, out.Reading, "the offline analyst's reading comes back as a request")
	require.Equal(t, []string{"region"}, out.Reading.By)
	oracle := revenueByRegion(t, "Enterprise")
	require.NotEmpty(t, oracle)
}

func TestViewEqualsTheDashboard(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	out := structured[struct {
		View   string `json:"view"`
		Tables []struct {
			Name string           `json:"name"`
			Rows []map[string]any `json:"rows"`
		} `json:"tables"`
		Sources map[string]string `json:"sources"`
	}](t, call(t, cs, mcpserver.ToolView, map[string]any{"view": "regional", "from": "2025-01-01", "to": "2025-06-30", "segments": []string{"SMB"}}))
	require.Equal(t, "regional", out.View)
	require.NotEmpty(t, out.Sources)

	d, err := dashboard.New(testDB, dialect.DuckDB, dashboard.Options{})
	require.NoError(t, err)
	v, err := d.Regional(context.Background(), dashboard.Filter{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC), Segments: []string{"SMB"}},
		dashboard.RegionalOptions{})
	require.NoError(t, err)
	want := v.Tables()
	require.Len(t, out.Tables, len(want))
	for i, tbl := range want {
		require.Equal(t, tbl.Name, out.Tables[i].Name)
		require.Len(t, out.Tables[i].Rows, len(tbl.Rows))
		for j, r := range tbl.Rows {
			for k, c := range r {
				if c.Null {
					require.Nil(t, out.Tables[i].Rows[j][tbl.Columns[k]])
				} else {
					require.Equal(t, c.Text, out.Tables[i].Rows[j][tbl.Columns[k]])
				}
			}
		}
	}
}

func TestModelResource(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	res, err := cs.ReadResource(context.Background(), &mcp.ReadResourceParams{URI: mcpserver.ModelURI + "yaml"})
	require.NoError(t, err)
	require.Len(t, res.Contents, 1)
	m, err := semantic.Parse("model.yaml", []byte(res.Contents[0].Text))
	require.NoError(t, err)
	require.True(t, m.Equal(testSvc.Model()), "the resource parses back to the served model")
}

// TestQueryNamesTheTablesItRead: a request a mart answers names that mart,
// not the fact table it does not read; a comparison that also reads the
// fact table (for the data's first and last day) names both.
func TestQueryNamesTheTablesItRead(t *testing.T) {
	cs := dial(t, mcpserver.Options{})
	type answer struct {
		SQL    string   `json:"sql"`
		Tables []string `json:"tables"`
	}
	args := map[string]any{"metrics": []string{"revenue", "order_count"}, "by": []string{"region"}, "from": "2025-01-01", "to": "2025-12-31"}
	out := structured[answer](t, call(t, cs, mcpserver.ToolQuery, args))
	require.Equal(t, []string{"SALES_ANALYTICS_DB.MARTS.SALES_BY_REGION_YEAR"}, out.Tables, out.SQL)

	args["compare"] = "year"
	out = structured[answer](t, call(t, cs, mcpserver.ToolQuery, args))
	require.ElementsMatch(t, []string{"SALES_ANALYTICS_DB.MARTS.FCT_ORDERS", "SALES_ANALYTICS_DB.MARTS.SALES_BY_REGION_YEAR"}, out.Tables, out.SQL)
}
