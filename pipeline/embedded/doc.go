// Package embedded is the SDK's zero-set-up warehouse: DuckDB running in-process, in
// memory or in a file, holding the same schemas, tables and numbers as Snowflake.
//
// It is the only package that imports the DuckDB driver (cgo); everything else in
// the SDK speaks database/sql and builds without cgo.
//
//	eng, err := embedded.Open(ctx, embedded.Options{Path: "sales.duckdb"})
//	if err != nil { … }
//	defer eng.Close()
//	res, err := pipeline.Setup(ctx, eng, pipeline.DefaultOptions())
//
// Bulk loads go through DuckDB's Appender inside one transaction per table, with
// money appended as scaled integers, never float64; a failed or cancelled load rolls
// back and leaves the table as it was. Read DECIMAL columns with package scan, which
// turns the driver's Decimal into an exact decimal.Decimal.
package embedded
