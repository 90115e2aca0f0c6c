// Package embedded is the SDK's zero-set-up warehouse: DuckDB running in-process, in
// memory or in a file, holding the same schemas, tables and numbers as Snowflake.
//
// It is the only package that imports the DuckDB driver (cgo); everything else in
// the SDK speaks database/sql and builds without cgo.
//
//	eng, err := embedded.Open(ctx, embedded.Options{Path: "sales.duckdb"})
//	if err != nil { … }
//	defer eng.Close()
//	w, err := pipeline.New(eng, pipeline.Config{})
//	res, err := w.Setup(ctx, pipeline.DefaultOptions())
//
// Importing the package registers it with package engine as "embedded" (and
// "duckdb"), so engine.Open(ctx, engine.Config{Path: "sales.duckdb"}) opens it too.
//
// Bulk loads go through DuckDB's Appender inside one transaction per table, with
// money appended as scaled integers, never float64; a failed or cancelled load rolls
// back and leaves the table as it was. Read DECIMAL columns with package scan, which
// turns the driver's Decimal into an exact decimal.Decimal.
package embedded
