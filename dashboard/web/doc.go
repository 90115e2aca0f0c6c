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
// The analyst page keeps a conversation in its URL: /analyst?region=West&q=…&q=…
// holds the questions, oldest first, and the dashboard filter its answers keep
// (the navigation carries each page's filter to it). The server holds nothing:
// it asks the questions again, in order, each with the answers before it as
// history, so "and in 2024?" edits the question before, and a link reproduces
// the conversation; at most 8 questions and 2,000 bytes of them. An analyst that
// is an analyst.Scoper (the offline one) keeps the filter on every answer; the
// page shows it as chips. An answer with a time grain gets a line chart, a
// ranking a bar chart; money has its currency sign; the SQL is laid out on
// lines with its bound values. A decline shows its reason; an answer refused
// here (SQL that is not read-only) is a decline with status 422, never a 500.
// With the script, the question is asked of /analyst/stream?… instead, whose
// answer is a text/event-stream: events status, text, sql, table, suggest, then
// done (the whole turn, as the page renders it) or error (the page's message),
// each one HTML fragment rendered and escaped by the page's own templates and
// flushed as the analyst emits it (a [Streamer]; [FromAnalyst] makes one of
// either analyst). The script (static/analyst.js), with fetch and a
// ReadableStream (not EventSource, which would re-ask on a broken connection),
// adds the turn, puts each fragment in its place, and pushes the conversation's
// URL. The stream is bounded like the page: the questions' length and number,
// the request timeout, and the request's context, so the analyst stops when the
// client leaves.
//
// The server answers only to the host names it was told to serve
// (Config.AllowedHosts; the loopback names by default), so a DNS-rebinding page
// reaches nothing, and refuses any request whose Origin is not one of them. A
// query string is bounded (8 KiB, 256 values), a field with many values shows
// one breadcrumb, and a streamed answer is cut at Config.MaxAnswerBytes.
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
