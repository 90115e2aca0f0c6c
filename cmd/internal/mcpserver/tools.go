package mcpserver

import (
	"context"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
)

// Tool names.
const (
	ToolListMetrics    = "list_metrics"
	ToolListDimensions = "list_dimensions"
	ToolListFilters    = "list_filters"
	ToolDescribe       = "describe"
	ToolQuery          = "query"
	ToolExplain        = "explain"
	ToolAsk            = "ask"
	ToolView           = "view"
)

// Tools returns the names of every tool the server has.
func Tools() []string {
	return []string{ToolListMetrics, ToolListDimensions, ToolListFilters, ToolDescribe, ToolQuery, ToolExplain, ToolAsk, ToolView}
}

// None is the input of a tool without arguments.
type None struct{}

// Fields is a list of model fields.
type Fields struct {
	Fields []service.Field `json:"fields"`
}

// DescribeIn names one field.
type DescribeIn struct {
	Name string `json:"name" jsonschema:"a metric, dimension, time dimension, fact or named filter, by name or synonym"`
}

func (s *server) tools(srv *mcp.Server) {
	list := func(f func() []service.Field) func(context.Context, *mcp.CallToolRequest, None) (Fields, error) {
		return func(context.Context, *mcp.CallToolRequest, None) (Fields, error) { return Fields{Fields: f()}, nil }
	}
	add(s, srv, &mcp.Tool{Name: ToolListMetrics, Description: "List the metrics a query can compute, with synonyms and descriptions."}, list(s.svc.Metrics))
	add(s, srv, &mcp.Tool{Name: ToolListDimensions, Description: "List the dimensions and time dimensions a query can group and filter by, with synonyms and sample values."}, list(s.svc.Dimensions))
	add(s, srv, &mcp.Tool{Name: ToolListFilters, Description: "List the model's named filters (a query's filters)."}, list(s.svc.Filters))
	add(s, srv, &mcp.Tool{Name: ToolDescribe, Description: "Describe one metric, dimension, fact or named filter by name or synonym."}, s.describe)
	add(s, srv, &mcp.Tool{Name: ToolQuery, Description: "Run a typed semantic query and return exact values (decimals as strings), the SQL and the tables that answered."}, s.query)
	add(s, srv, &mcp.Tool{Name: ToolExplain, Description: "Compile a typed semantic query to SQL without running it."}, s.explain)
	add(s, srv, &mcp.Tool{Name: ToolAsk, Description: "Ask the analyst a question in plain language; a follow-up builds on the earlier questions of this session."}, s.ask)
	add(s, srv, &mcp.Tool{Name: ToolView, Description: "Return a dashboard view's tables (executive, regional, product, reps, customers) for a filter."}, s.view)
}

func (s *server) describe(_ context.Context, _ *mcp.CallToolRequest, in DescribeIn) (service.Field, error) {
	if strings.TrimSpace(in.Name) == "" || len(in.Name) > request.MaxText {
		return service.Field{}, inputf("name: a name of 1 to %d bytes", request.MaxText)
	}
	return s.svc.Describe(in.Name)
}

func (s *server) query(ctx context.Context, _ *mcp.CallToolRequest, in request.Request) (service.QueryResult, error) {
	a, err := s.svc.Query(ctx, in)
	if err != nil {
		return service.QueryResult{}, err
	}
	return a.Wire(), nil
}

func (s *server) explain(_ context.Context, _ *mcp.CallToolRequest, in request.Request) (service.QueryResult, error) {
	a, err := s.svc.Explain(in)
	if err != nil {
		return service.QueryResult{}, err
	}
	return a.Wire(), nil
}
