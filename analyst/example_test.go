package analyst_test

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dialect"
)

func ExampleStagedModel() {
	req := analyst.StagedModel("@SALES_ANALYTICS_DB.SEMANTIC.SEMANTIC_MODELS/sales_model.yaml", "Sales by region")
	b, _ := json.Marshal(req)
	fmt.Println(string(b))
	fmt.Println(req.Validate())
	// Output:
	// {"messages":[{"role":"user","content":[{"type":"text","text":"Sales by region"}]}],"semantic_model_file":"@SALES_ANALYTICS_DB.SEMANTIC.SEMANTIC_MODELS/sales_model.yaml","stream":false}
	// <nil>
}

func ExampleRequest_Validate() {
	req := analyst.Request{
		SemanticModels: []analyst.ModelRef{
			{SemanticView: "SALES_ANALYTICS_DB.SEMANTIC.SALES"},
			{SemanticModelFile: "@my_stage/model.yaml"},
		},
		Messages: []analyst.Message{analyst.Text("Top 10 products by revenue")},
	}
	fmt.Println(req.Validate())
	// Output: analyst: invalid request: semantic_model_file "@my_stage/model.yaml" must name a fully qualified stage DB.SCHEMA.STAGE
}

func ExampleCheckReadOnly() {
	fmt.Println(analyst.CheckReadOnly("SELECT region, SUM(net_amount) FROM __orders GROUP BY region", dialect.DuckDB))
	fmt.Println(analyst.CheckReadOnly("SELECT 1; DROP TABLE orders", dialect.DuckDB))
	// DuckDB reads no backslash escape in '…': the string ends at the second quote.
	fmt.Println(analyst.CheckReadOnly(`SELECT '\'; DROP TABLE t; --'`, dialect.DuckDB))
	// Output:
	// <nil>
	// analyst: not a single read-only query: it holds more than one statement
	// analyst: not a single read-only query: it holds more than one statement
}

// fixed is an analyst that does not stream: AskStream emits its finished answer.
type fixed struct{}

func (fixed) Ask(_ context.Context, _ []*analyst.Answer, q string) (*analyst.Answer, error) {
	return &analyst.Answer{Question: q, Text: "Revenue in 2025: $1,200.00.", SQL: "SELECT SUM(net_amount) FROM orders", Suggestions: []string{"And in 2024?"}}, nil
}

func ExampleAskStream() {
	ans, err := analyst.AskStream(context.Background(), fixed{}, nil, "revenue in 2025", func(p analyst.Part) error {
		switch p.Kind {
		case analyst.PartText:
			fmt.Println("text:", p.Text)
		case analyst.PartSQL:
			fmt.Println("sql:", p.SQL)
		case analyst.PartSuggestions:
			fmt.Println("next:", p.Suggestions)
		}
		return nil
	})
	fmt.Println(ans.Question, err)
	// Output:
	// text: Revenue in 2025: $1,200.00.
	// sql: SELECT SUM(net_amount) FROM orders
	// next: [And in 2024?]
	// revenue in 2025 <nil>
}

func ExampleAnalystAgent() {
	req := analyst.AnalystAgent("sales_analyst", "SALES_ANALYTICS_DB.SEMANTIC.SALES_ANALYTICS", "SALES_WH")
	req.Messages = []analyst.AgentMessage{{Role: analyst.AgentRoleUser,
		Content: []analyst.AgentContent{{Type: analyst.AgentContentText, Text: "Revenue by region"}}}}
	fmt.Println(req.Validate(analyst.AgentObject{}))
	fmt.Println(req.Tools[0].ToolSpec.Type, req.Tools[0].ToolSpec.Name)
	res := req.ToolResources["sales_analyst"]
	fmt.Println(res.SemanticView, res.ExecutionEnvironment.Warehouse)
	fmt.Println(req.Validate(analyst.AgentObject{Database: "DB", Schema: "AGENTS", Name: "SALES"}) != nil)
	// Output:
	// <nil>
	// cortex_analyst_text_to_sql sales_analyst
	// SALES_ANALYTICS_DB.SEMANTIC.SALES_ANALYTICS SALES_WH
	// true
}
