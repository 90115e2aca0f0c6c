// Package salesanalytics is a typed semantic layer over a sales warehouse, for Go
// services: Snowflake in production, embedded DuckDB with zero set-up.
//
// The module is a set of packages, each with one job. Read from the top, the
// names tell the data flow:
//
//   - semantic: the Cortex Analyst semantic model (sales_model.yaml) — strict
//     parsing with file:line:col errors, validation offline and against the live
//     schema, lookup by name or synonym, and the embedded sales model.
//   - query: a typed request (metrics, dimensions, a time grain, filters, dates)
//     → a plan → SQL with bound arguments for either dialect → typed, exact
//     results (decimal.Decimal money, int64 counts, time.Time dates).
//   - engine: the Engine interface and a registry; engine/embedded (DuckDB, the
//     only cgo package) and engine/snowflake (gosnowflake) register themselves.
//   - marts: the read side — typed rows of FCT_ORDERS and the aggregate marts.
//   - analyst: the Cortex Analyst REST client and the read-only guard that lets
//     one SELECT of an answer run.
//   - pipeline: builds the warehouse from nothing by one plan — infrastructure,
//     RAW from pipeline/datagen (a seeded deterministic generator), STAGING,
//     MARTS, the semantic model — idempotently; refreshes the marts, reports
//     their freshness, runs the validation checkpoints, prints the Snowflake
//     set-up script.
//   - warehouse: the one source of every schema, table and column name and of
//     each layer's SQL (RAW DDL, STAGING views, mart definitions).
//   - dialect: the few SQL differences between Snowflake and DuckDB.
//   - scan: reads exact decimals from either driver; refuses floats.
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
