// Package cli is what the example programs share: the flags that choose and
// open a warehouse (-engine, -db, -connection, -scale, -build), and the demo
// clock. Programs only read: the embedded warehouse is opened read-only with no
// set-up, so several programs and the dashboard read one file at once and its
// bytes never change. It is built only when asked (-build) or, for the default
// file in the user cache directory, on first use; a -db naming no file is an
// error that says how to build one. The dashboard refreshes through a copy
// ([RefreshCopy]) and never holds the file for writing.
//
//	var wf cli.WarehouseFlags
//	wf.Register(flag.CommandLine)
//	flag.Parse()
//	wh, err := wf.Open(ctx, os.Stderr)
//	if err != nil { … }
//	defer wh.Close()
//	// wh.Warehouse is a *pipeline.Warehouse; wh.Engine().DB() queries it.
package cli
