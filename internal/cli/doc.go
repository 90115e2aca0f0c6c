// Package cli is what the example programs share: the flags that choose and
// open a warehouse (-engine, -db, -connection), building the embedded one on
// first use, and the demo clock.
//
//	var wf cli.WarehouseFlags
//	wf.Register(flag.CommandLine)
//	flag.Parse()
//	wh, err := wf.Open(ctx, os.Stderr)
//	if err != nil { … }
//	defer wh.Close()
//	// wh.Warehouse is a *pipeline.Warehouse; wh.Engine().DB() queries it.
package cli
