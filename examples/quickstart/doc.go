// Command quickstart builds the embedded sales warehouse from nothing — RAW data
// from the deterministic generator, STAGING, MARTS, the semantic model — then
// prints what it built, revenue by region through the semantic layer, and every
// validation checkpoint.
//
//	go run ./examples/quickstart                       # in memory, 100,000 orders
//	go run ./examples/quickstart -db sales.duckdb -scale 10 -dirty 0.01
//
// Running it again on the same file finds every table up to date.
package main
