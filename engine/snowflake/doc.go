// Package snowflake is the Snowflake engine: a [engine.Engine] over the
// gosnowflake driver, and the only package of this module that imports it.
//
// Open it with a DSN and build the warehouse as on the embedded engine; on
// Snowflake the marts are DYNAMIC TABLEs that Snowflake keeps within their target
// lag, their status comes from SHOW DYNAMIC TABLES, and RAW tables load through
// bound multi-row INSERTs:
//
//	eng, err := snowflake.Open(ctx, snowflake.Options{
//		DSN: "me:secret@myorg-myacct/SALES_ANALYTICS_DB/PUBLIC?warehouse=SALES_ANALYTICS_WH",
//	})
//	if err != nil { ... }
//	defer eng.Close()
//	w, err := pipeline.New(eng, pipeline.Config{})
//	res, err := w.Setup(ctx, pipeline.DefaultOptions())
//	statuses, err := w.Status(ctx) // from SHOW DYNAMIC TABLES
//
// The engine implements engine.DynamicTables, so pipeline asks it for the marts'
// state and on-demand refresh, and engine.ModelStager: the set-up PUTs the
// semantic model to its stage from memory (gosnowflake.WithFileStream) and the
// checkpoints LIST it back. Importing the package registers it with package
// engine as "snowflake"; it builds with CGO_ENABLED=0.
//
// Results are requested in the JSON format (GO_QUERY_RESULT_FORMAT=json), so
// NUMBER values arrive as exact text and scan into decimal.Decimal without a
// float in between.
//
// The tests run all of this through the real driver against a loopback server
// that speaks Snowflake's protocol with DuckDB behind it (internal/snowfake).
package snowflake
