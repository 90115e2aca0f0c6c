// Package request is the JSON form of a semantic query shared by the
// salesanalytics command (`query -request file.json`, or flags) and its MCP
// server (the query and explain tools): Go types with a JSON schema generated
// from them ([Schema]), strict parsing ([Parse]), and the conversion to a
// query.Request ([Request.Query]) that reports every problem at once, each
// naming its key.
//
//	{"metrics": ["revenue", "aov"], "by": ["region"], "grain": "month",
//	 "where": [{"field": "segment", "values": ["SMB"]},
//	           {"any": [{"field": "channel", "values": ["Online"]}, {"field": "net_amount", "op": ">", "values": ["1000.00"]}]}],
//	 "from": "2025-01-01", "to": "2025-12-31", "top": 5}
//
// A filter is a list of conditions that all hold; a condition with any holds
// when one of its comparisons does; a comparison may be negated. That says any
// boolean condition without nesting, so the schema has no recursion and a
// request's depth is bounded by construction. Values are strings, integers or
// booleans: decimals and dates go as text, so money stays exact.
//
// [FromFlags] reads the same request from command-line flags
// (-metrics revenue,aov -by region -grain month -where segment=SMB -top 5).
package request
