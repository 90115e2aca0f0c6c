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
// Options.ReadOnly opens an existing file read-only: nothing is written, the
// directory need not be writable, and any number of read-only processes share
// the file (DuckDB's lock is per process, so one read-write holder excludes
// them). A path is a file name only: one holding '?' is refused rather than
// read as settings. Extensions are never installed or auto-loaded; those the
// SDK uses are linked in.
//
// Bulk loads go through DuckDB's Appender inside one transaction per table, with
// money appended as scaled integers, never float64; a failed or cancelled load rolls
// back and leaves the table as it was. Read DECIMAL columns with package scan, which
// turns the driver's Decimal into an exact decimal.Decimal.
package embedded
