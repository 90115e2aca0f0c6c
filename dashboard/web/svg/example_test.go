package svg_test

import (
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dashboard/web/svg"
)

// A sparkline for a KPI card: the values place the line, scaled from their own
// minimum to their maximum.
func ExampleSpark() {
	fmt.Println(svg.Spark{Label: "Orders", Values: []float64{3, 5, 4}, Width: 40, Height: 10}.SVG())
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10" preserveAspectRatio="none" class="chart spark" role="img" aria-label="Orders"><title>Orders</title><polyline points="2,7 20,3 38,5" class="series s0"/></svg>
}

// A bar chart whose bar links to the page narrowed to its region; the printed
// figure is the caller's exact text.
func ExampleBar() {
	out := svg.Bar{Title: "Revenue", Width: 300, Bars: []svg.BarItem{
		{Label: "West", Value: 1, Text: "$1.00", Href: "/regional?region=West"},
	}}.SVG()
	fmt.Println(strings.Contains(string(out), `<a href="/regional?region=West">`), strings.Contains(string(out), ">$1.00</text>"))
	// Output: true true
}
