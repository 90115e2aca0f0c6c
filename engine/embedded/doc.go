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
//
// Analyst SQL (Engine.RunReadOnly, which analyst.Execute calls) is accepted only
// when DuckDB's own parse of it (json_serialize_sql) holds nothing but what an
// allow-list allows: one query over the MARTS schema and its own CTEs, the
// functions of allow_functions.go (every function of the linked DuckDB is either
// allowed or refused there on purpose, and a test fails on a new one), and
// range, generate_series and unnest with bounded arguments. On Linux it then
// runs in a worker process — this program re-executed with
// SALESANALYTICS_ANALYST_WORKER=1, which the package's init serves before main
// — limited in address space, CPU time and spill size, over the warehouse opened
// read-only (the engine's file when the engine opened it read-only, else a
// snapshot of the marts in a private directory, reused until the marts change),
// and killed at the query's deadline: a crash or runaway allocation of DuckDB
// ends the worker, never the program serving pages. A query costs a process
// start (BenchmarkAnalystQuery); Options.Analyst.InProcess trades that
// containment for speed.
package embedded
