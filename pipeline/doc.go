// Package pipeline builds the sales warehouse from nothing and keeps it fresh, on
// any engine: it orchestrates; the SQL of every layer comes from package
// warehouse, and what only one engine can do is asked of the engine (package
// engine's optional interfaces).
//
// Bind an engine once, with the warehouse's object names and a clock, then call
// the operations on the [Warehouse]:
//
//	eng, err := engine.Open(ctx, engine.Config{Path: "sales.duckdb"}) // import _ ".../engine/embedded"
//	w, err := pipeline.New(eng, pipeline.Config{})                    // default names, time.Now
//
//	res, err := w.Setup(ctx, pipeline.DefaultOptions()) // infrastructure → RAW → STAGING → MARTS → semantic model
//	rep, err := w.Validate(ctx, pipeline.DefaultOptions())
//	fmt.Print(rep)                                     // every checkpoint with its figures
//
//	err = w.AppendOrders(ctx, newOrders) // new arrivals into RAW
//	r, err := w.Refresh(ctx)             // none, incremental or full (embedded); on demand (Snowflake)
//	st, err := w.Status(ctx)             // each mart's lag against warehouse.TargetLag
//
//	go (&pipeline.Refresher{Warehouse: w}).Run(ctx) // keeps the embedded marts within their lag
//
// [Warehouse.Setup] is idempotent: RAW tables that already hold exactly this
// load are skipped (a load manifest records each table's generator fingerprint),
// STAGING views and Snowflake's dynamic tables whose definition is current (a
// fingerprint of it in their COMMENT) get no DDL, current embedded marts are left
// alone, and nothing is created twice; [Result] says what was built. Each RAW table is
// replaced atomically and the marts are built in one transaction, so an error or
// a cancelled context leaves nothing half-built and a re-run completes the work.
//
// On Snowflake the set-up also creates the sales model as a semantic view,
// [SemanticViewRef] (SALES_ANALYTICS_DB.SEMANTIC.SALES_ANALYTICS by default),
// beside the staged YAML: Cortex Analyst's semantic_view, Cortex Agents and the
// managed MCP server read it. Its definition's fingerprint ends its COMMENT, so a
// re-run leaves a current view alone and re-creates it (granting SELECT to the
// read-only role again) only when the model changed; Validate checks it with SHOW
// SEMANTIC VIEWS and SHOW SEMANTIC METRICS. The embedded engine has no semantic
// views (dialect.SemanticViews) and skips it.
//
// On Snowflake the marts are dynamic tables that the warehouse keeps within their
// target lag; [Warehouse.Status] reads SHOW DYNAMIC TABLES and
// [Warehouse.Refresh] refreshes them on demand. On the embedded engine the marts
// are tables that [Warehouse.Refresh] folds new RAW orders into incrementally
// where it can, in one transaction and one snapshot.
//
// [Script] prints the complete Snowflake set-up script — the plan that Setup
// runs — for operators who prefer to run SQL themselves:
//
//	fmt.Print(pipeline.Script(dialect.Snowflake, warehouse.DefaultNames()))
package pipeline
