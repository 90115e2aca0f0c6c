// Package salesanalytics is a typed semantic layer over a sales warehouse, for Go
// services: Snowflake in production, embedded DuckDB with zero set-up.
//
// The module is a set of packages, each with one job:
//
//   - dialect: the few SQL differences between Snowflake and DuckDB (quoting, types,
//     date truncation).
//   - warehouse: the one source of truth for every schema, table and column name.
//   - semantic: the Cortex Analyst semantic model — strict parsing with positions,
//     validation offline and against the live schema, lookup, and the sales model.
//   - marts: FCT_ORDERS and the aggregate marts, defined once for both engines.
//   - pipeline: sets the warehouse up from nothing by one plan — infrastructure,
//     RAW data from pipeline/datagen (a seeded deterministic generator), STAGING,
//     MARTS, the semantic model — idempotently; refreshes the embedded marts,
//     reports freshness, validates every layer and prints the Snowflake script.
//   - pipeline/embedded: the embedded DuckDB engine, the only package that uses cgo.
//   - engine: opens an engine by name.
//   - scan: reads exact decimals from either driver; money is decimal.Decimal end to
//     end, never float64.
//
// Data flows one way:
//
//	generator ──pipeline.Setup──▶ RAW ──▶ STAGING ──▶ MARTS   (embedded or Snowflake)
//	sales_model.yaml ──semantic──▶ typed model ──query──▶ SQL + bound args ──▶ results
//
// Start with examples/quickstart, which builds the embedded warehouse and prints
// what it built.
package salesanalytics
