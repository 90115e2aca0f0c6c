// Package svg draws the dashboard's charts as standalone SVG markup, in Go, with
// no JavaScript: a line chart, a horizontal bar chart, a stacked share chart and a
// sparkline.
//
// Values arrive twice: as a float64 that only places a mark on the canvas, and as
// the exact text a person reads (formatted by the caller from a decimal.Decimal),
// which the chart prints in labels and in each mark's <title> tooltip. Money never
// passes through a float on its way to a label.
//
// Charts carry no inline styles: marks have classes (axis, grid, s0…s7, bar,
// spark) that the page's stylesheet colours, so one chart serves the light and the
// dark theme and a strict Content-Security-Policy. A mark with an Href is wrapped
// in an <a>, which makes drill-down work without a script.
//
//	b := svg.Bar{Title: "Revenue by region", Bars: []svg.BarItem{
//		{Label: "West", Value: 1200, Text: "$1,200.00", Href: "/regional?region=West"},
//	}}
//	markup := b.SVG() // template.HTML for html/template
//
// Every chart has role="img" and an aria-label, and the page prints the same
// figures in a table beside it.
package svg
