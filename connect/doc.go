// Package connect opens the warehouse a program reads, chosen by the flags
// every program of this module takes: -engine (embedded or snowflake), -db,
// -connection, -scale and -build. It is the zero-set-up start of a Go program
// over the sales warehouse:
//
//	var f connect.Flags
//	f.Register(flag.CommandLine)
//	flag.Parse()
//	wh, err := f.Open(ctx, os.Stderr) // progress lines, on a terminal only
//	if err != nil { … }
//	defer wh.Close()
//	// wh embeds a *pipeline.Warehouse; wh.Engine().DB() queries it.
//
// Programs only read. The embedded warehouse (DuckDB) is opened read-only with
// no set-up, so several programs and the web dashboard read one file at once
// and its bytes never change. It is built only when asked (-build, or
// [Build]) or, for the default file in the user cache directory
// ([DefaultDB]), on first use — into a temporary file renamed into place, so
// an interrupted build leaves nothing half-built. A -db naming no file is an
// error ([ErrNoWarehouse]) that says how to build one; a file that lacks marts
// the model has (built before the model gained them) is refused at open,
// unchanged, by an error ([ErrMissingMarts]) that names them and the command
// that builds them, `salesanalytics refresh -db FILE`. A long-running program
// refreshes through a copy ([RefreshCopy]) and never holds the file for
// writing.
//
// Snowflake is opened from a named connection in connections.toml (the
// Snowflake CLI's convention). An account set up before the model gained a
// mart is refused the same way ([ErrMissingMarts], naming the marts and
// `salesanalytics setup -engine snowflake`), unless the program sets it up
// ([Flags.Setup]): the planner would route requests to the missing table.
// [OpenAnalyst] returns the analyst for a
// warehouse: Cortex Analyst (or Cortex Agents) on Snowflake when the connection
// can call the REST API, the offline analyst otherwise.
//
// Importing connect links both engines: the embedded one needs cgo. A
// Snowflake-only service imports engine/snowflake and pipeline directly.
package connect
