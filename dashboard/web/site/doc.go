// Package site serves the web dashboard (package dashboard/web) over a
// warehouse opened by package connect, with the analyst connect chooses for it
// (Cortex Analyst on Snowflake when the connection can call it, the offline
// analyst otherwise), and makes the Refresh button safe for other readers:
// the embedded warehouse is refreshed through a copy renamed into place
// ([connect.RefreshCopy]), never held for writing, and served from then on by
// a new generation of the pages while the old one finishes its requests.
//
//	wh, err := flags.Open(ctx, os.Stderr)
//	…
//	s, err := site.New(ctx, wh, site.Options{Flags: flags, Web: web.Options{Log: log}})
//	…
//	err = s.Serve(ctx, "127.0.0.1:8080", log, func(addr string) { fmt.Println("http://" + addr + "/") })
//
// The web program examples/dashboard and `salesanalytics serve` are this
// much, and the flags.
package site
