// Package salesanalytics is a typed semantic layer over a sales warehouse, for Go
// services: Snowflake in production, embedded DuckDB with zero set-up.
//
// The module is a set of packages, each with one job, in layers: a package
// imports only its own layer and the layers below (layers_test.go proves it,
// and lists every package's layer). Bottom to top:
//
//  1. base — leaves: dialect (the few SQL differences between Snowflake and
//     DuckDB), scan (exact decimals from either driver; refuses floats),
//     engine/snowflake/connection (connections.toml), dashboard/web/svg, and
//     internal helpers (ident, editdist, format, termui, golden, sqlcorpus,
//     evalset).
//  2. schema — warehouse: the one source of every schema, table and column
//     name and of each layer's SQL (RAW DDL, STAGING views, mart
//     definitions); pipeline/datagen, a seeded deterministic generator;
//     internal/sqlparse.
//  3. model — semantic: the Cortex Analyst semantic model (sales_model.yaml):
//     strict parsing with file:line:col errors, validation offline and
//     against the live schema, lookup by name or synonym.
//  4. query — query: a typed request (metrics, dimensions, a time grain,
//     filters, dates) → a plan → SQL with bound arguments for either dialect →
//     typed, exact results (decimal.Decimal money, int64 counts, time.Time
//     dates); marts: typed rows of FCT_ORDERS and the aggregate marts;
//     query/querytest, the representative requests tests share.
//  5. engine — the Engine interface and a registry; engine/embedded (DuckDB,
//     the only cgo package) and engine/snowflake (gosnowflake) register
//     themselves; internal/snowfake, the loopback Snowflake they are tested
//     on.
//  6. pipeline — builds the warehouse from nothing by one plan
//     (infrastructure, RAW, STAGING, MARTS, the semantic model) idempotently;
//     refreshes the marts, reports their freshness, runs the validation
//     checkpoints; pipeline/pipelinetest binds engines to test warehouses.
//  7. analyst — questions in plain language: the Cortex Analyst and Cortex
//     Agents REST clients with the read-only guard that lets one SELECT of an
//     answer run, and analyst/offline, which answers without Snowflake.
//  8. views — dashboard: the five dashboard views as typed values;
//     dashboard/web: them in a browser.
//  9. program library — what programs are built from: connect (the warehouse
//     chosen by -engine, -db, -connection; the embedded demo built once),
//     dashboard/term (the views at a terminal, and a whole view program),
//     dashboard/web/site (the web dashboard over a warehouse, refreshing
//     safely).
//  10. programs — cmd/salesanalytics (one command with subcommands, and the MCP
//     server; its glue in cmd/internal) and the example programs in examples/,
//     which import only public packages.
//
// Data flows one way:
//
//	generator ──pipeline──▶ RAW ──▶ STAGING ──▶ MARTS      (engine/embedded or engine/snowflake)
//	sales_model.yaml ──semantic──▶ model ──query──▶ SQL + bound args ──engine──▶ typed results
//	question ──analyst──▶ SQL or a query.Request ──▶ the same path
//
// Start with examples/quickstart, which builds the embedded warehouse and prints
// what it built.
package salesanalytics
