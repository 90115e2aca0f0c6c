// Package web serves the sales dashboard in a browser: six pages (Executive,
// Regional, Product, Sales reps, Customers, Analyst) rendered on the server with
// html/template and charts drawn as SVG in Go (package svg), over the typed view
// API of package dashboard.
//
// The URL is the state. The filter form is a GET form, so every filter and
// comparison lives in the query string and a link reproduces the page; each
// drill-down is a plain link to a page with one more filter, and the breadcrumbs
// remove one filter per click. Every table downloads as CSV with the current
// filters (/export/{page}/{table}.csv?…). Each page says "data as of" and has a
// refresh button: a POST with a CSRF token that runs the pipeline's refresh and
// returns to the same URL.
//
// Nothing is loaded from outside the server: the stylesheet, the icon and one
// small script are embedded with go:embed. Pages work without the script; with
// it, the theme switches without a reload and a filter change reloads each tile
// from /tile/{page}/{id} with its own loading state.
//
// The handler sets a Content-Security-Policy with no inline script or style,
// X-Content-Type-Options, frame-ancestors 'none', bounds request bodies, and
// turns errors into a readable message with its HTTP status; causes (SQL, driver
// messages) go to the log only. [NewServer] returns an http.Server with its
// timeouts set and [Serve] runs it until its context ends, then shuts down
// gracefully.
//
//	h, err := web.New(web.Config{Pages: pages, Fields: fields})
//	srv := web.NewServer("127.0.0.1:8080", h, logger)
//	err = web.Serve(ctx, srv, 10*time.Second, func(addr string) { fmt.Println("http://" + addr) })
package web
