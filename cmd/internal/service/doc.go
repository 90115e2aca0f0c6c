// Package service is what the salesanalytics command and its MCP server both
// call: one open warehouse seen through the semantic model — the model's
// metrics, dimensions and named filters ([Service.Metrics], …), a typed query
// from a JSON request ([Service.Query], [Service.Explain]), the analyst
// ([Service.Ask]) and the dashboard views ([Service.View]) — so a number is the
// same whether a person at a terminal or an agent over MCP asked for it.
//
//	svc, err := service.New(ctx, service.Config{DB: db, Dialect: dialect.DuckDB, Now: cli.DemoNow})
//	ans, err := svc.Query(ctx, request.Request{Metrics: []string{"revenue"}, By: []string{"region"}})
//	fmt.Println(ans.Table, ans.SQL) // MARTS.FCT_ORDERS, SELECT …
//
// Everything it runs is a SELECT the query compiler, the analyst or the
// dashboard wrote; rows are capped at request.MaxRows.
package service
