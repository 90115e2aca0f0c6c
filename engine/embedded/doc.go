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
// Open's settings: FSST string compression off (Options.FSST turns it on), set
// with SET GLOBAL because DuckDB ignores it in the connection string; a file
// opened read-write gets memory_limit DefaultFileMemoryLimit unless
// Options.MemoryLimit says otherwise, and spills past it to the file's path
// plus ".tmp" (read-only opens keep DuckDB's default limit); with that default
// limit it also keeps 1 GiB of block memory for reuse (block_allocator_memory),
// which cut the scale-100 set-up's page faults by 45% and its CPU by 19%; threads are
// DuckDB's default, one per core, unless Options.Threads. Money columns
// (DECIMAL(38,2)) are still stored uncompressed on 1.5.6
// (dialect.ColumnStorage): SUM over 10 million of them bit-packed took 1.86–2.06
// s of CPU against 0.05–0.08 s uncompressed (four alternating runs, loaded
// machine, 2026-12-07).
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
//
// The engine keeps the SELECTs the SDK runs through its handle (the
// dashboard's views, compiled queries, the marts' version) prepared on each
// connection, keyed by their SQL text, at most 256 per connection, the least
// recently used closed first, and runs them again with new arguments: the
// dashboard's views, many small statements whose cost is parsing and
// planning, took 19% less CPU per call (geomean of the five views at scale 1
// and 10, median of 5 alternating rounds of BenchmarkViews on a loaded
// two-core machine, 2026-12-07: −13 to −31% each, the scale-10 regional view
// unchanged; BenchmarkViewsReuse compares the two through the driver). Every write
// through the engine (an Exec, a statement that is not a SELECT, a commit, a
// bulk append) makes each kept statement be prepared again before its next
// run, so a plan never outlives the data it was made for; analyst SQL is never
// kept. The statements close with their connection.
//
// # DuckDB version: 1.5.6, not 2.0 (yet)
//
// The package stays on duckdb-go v2.10506.0 (DuckDB 1.5.6). v2.20000.0 (DuckDB
// 2.0) builds, reads the warehouse faster at scale 10 and fixes the slow read of
// bit-packed DECIMAL(38,2), but every statement costs about 2 times as much,
// and the dashboard's scale-1 views, made of many small statements, got slower
// with it. CPU per call, 3 alternating rounds on a loaded two-core machine
// (2026-12-07): `SELECT 42` 239 → 555 µs; the scale-1 executive view 18.5 →
// 38.0 ms, the product view 24.2 → 30.6 ms, the scale-1 pages +11.5% (geomean;
// the executive page +36–55%), while the scale-10 views took 13–31% less. The cause is in the library, not in a setting or in the driver (whose
// Go code is the same in both versions): DuckDB 2.0's C API prepares a statement
// by planning a PREPARE statement around it and runs a prepared statement by
// planning an EXECUTE statement around it, each through the full binder and
// optimizer (the optimizer's rule set is built anew for every plan), and its new
// PEG parser costs several times the old one. A CPU profile of `SELECT 42`
// through database/sql (perf, 2,000 statements) puts parsing at 6.8 times,
// preparing at 2.3 times and starting a prepared statement at 5.2 times their
// 1.5.6 cost; none of the settings that differ between the versions
// (tracked_metrics, streaming_buffer_size, enable_external_file_cache,
// logging, threads, disabled optimizers) changes it, and re-using a prepared
// statement still plans the EXECUTE each time (205 against 97 µs of CPU).
// BenchmarkStatement measures it; BenchmarkViews and BenchmarkPage (dashboard,
// dashboard/web) report cpu-ns/op so that the versions can be compared on a
// busy machine. Adopt 2.0 when a release (library or driver) runs a prepared
// statement without re-planning, the views and pages are at least as fast as
// here at scale 1 and 10, and every test passes; then re-measure whether money
// still needs to be stored uncompressed (dialect.ColumnStorage).
package embedded
