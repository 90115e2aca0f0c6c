// Package querytest lists representative semantic queries over the sales
// model, each a named [Case]: [All] (the dashboards' requests and every filter
// form), [Layers] (comparisons, shares, ranks, windows), [MultiTable] and
// [Planner] (the requests the rollup routing and its benchmarks use). Package
// query pins them as golden SQL for each dialect; the engines run them against
// an independent computation. Every case compiles against the clock [Now].
//
// It is to package query what net/http/httptest is to net/http: imported by
// tests only.
package querytest
