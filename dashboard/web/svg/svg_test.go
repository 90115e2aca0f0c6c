package svg

import (
	"encoding/xml"
	"flag"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var months = []string{"2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"}

func charts() map[string]template.HTML {
	return map[string]template.HTML{
		"line": Line{Title: "Monthly revenue", Labels: months, Axis: Money, Series: []Series{
			{Name: "Revenue", Values: []float64{1200, 1850.5, 990, 2400, 2210, 2600},
				Texts: []string{"$1,200.00", "$1,850.50", "$990.00", "$2,400.00", "$2,210.00", "$2,600.00"},
				Hrefs: []string{"/executive?start=2024-01-01&end=2024-01-31"}},
			{Name: "Previous period", Values: []float64{1000, 1500, 1100, 1900, 2000, 2100}, Dashed: true},
		}}.SVG(),
		"bar": Bar{Title: "Revenue by region", Bars: []BarItem{
			{Label: "West", Value: 5400.25, Text: "$5,400.25", Href: "/regional?region=West"},
			{Label: "Northeast & Mid-Atlantic <corridor>", Value: 3100, Text: "$3,100.00"},
			{Label: "South", Value: 0, Text: "$0.00"},
			{Label: "Other (3)", Value: 2000, Text: "$2,000.00", Muted: true},
		}}.SVG(),
		"stacked": Stacked{Title: "New and returning customers", Labels: months[:4], Series: []Series{
			{Name: "New", Values: []float64{30, 20, 10, 0}, Texts: []string{"30", "20", "10", "0"}},
			{Name: "Returning", Values: []float64{10, 20, 30, 0}, Texts: []string{"10", "20", "30", "0"}},
		}}.SVG(),
		"spark": Spark{Label: "Revenue trend", Values: []float64{3, 1, 4, 1, 5, 9, 2, 6}}.SVG(),
	}
}

// TestGolden compares each chart with its reviewed file; -update rewrites them.
func TestGolden(t *testing.T) {
	t.Parallel()
	for name, got := range charts() {
		path := filepath.Join("testdata", name+".svg")
		if *update {
			require.NoError(t, os.WriteFile(path, []byte(got+"\n"), 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got)+"\n", name)
	}
}

// TestWellFormed parses every chart as XML and counts its marks against the data.
func TestWellFormed(t *testing.T) {
	t.Parallel()
	wantMarks := map[string]map[string]int{
		"line":    {"circle": 12, "polyline": 2, "a": 1},
		"bar":     {"rect": 4, "a": 1},
		"stacked": {"rect": 6},
		"spark":   {"polyline": 1},
	}
	for name, got := range charts() {
		counts := map[string]int{}
		dec := xml.NewDecoder(strings.NewReader(string(got)))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, name)
			if se, ok := tok.(xml.StartElement); ok {
				counts[se.Name.Local]++
			}
		}
		require.Equal(t, 1, counts["svg"], name)
		for el, n := range wantMarks[name] {
			require.Equal(t, n, counts[el], "%s: <%s>", name, el)
		}
	}
}

func TestHostileLabelsAreEscaped(t *testing.T) {
	t.Parallel()
	evil := `"><script>alert(1)</script>`
	out := string(Bar{Title: evil, Bars: []BarItem{{Label: evil, Value: 1, Text: evil, Href: `javascript:"x"`}}}.SVG())
	require.NotContains(t, out, "<script>")
	require.Contains(t, out, "&lt;script&gt;")
	require.NotContains(t, out, "javascript:")
	require.NotContains(t, string(Bar{Bars: []BarItem{{Label: "x", Href: "//evil.example/"}}}.SVG()), "<a ")
}

func TestTicks(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lo, hi float64
		want   []float64
	}{
		{0, 2600, []float64{0, 1000, 2000, 3000}},
		{0, 1, []float64{0, 0.25, 0.5, 0.75, 1}},
		{0, 0, []float64{0, 0.25, 0.5, 0.75, 1}},
		{-50, 120, []float64{-50, 0, 50, 100, 150}},
	}
	for _, c := range cases {
		require.Equal(t, c.want, ticks(c.lo, c.hi, 4), "%v..%v", c.lo, c.hi)
	}
}

func TestAxisFormats(t *testing.T) {
	t.Parallel()
	require.Equal(t, "$1.2M", Money(1_200_000))
	require.Equal(t, "-$2.5K", Money(-2500))
	require.Equal(t, "950", Compact(950))
	require.Equal(t, "25%", Percent(0.25))
}

func TestSparkWithOnePointDrawsNoLine(t *testing.T) {
	t.Parallel()
	require.NotContains(t, string(Spark{Values: []float64{4}}.SVG()), "polyline")
}

// TestLabelsStayOnTheCanvas: the last month's label is centred on the last
// point; at about 7 px a character (12 px text) it must end inside the canvas,
// not be clipped to "Dec 2".
func TestLabelsStayOnTheCanvas(t *testing.T) {
	t.Parallel()
	labels := []string{"Oct 25", "Nov 25", "Dec 25"}
	for _, w := range []float64{340, 720, 1180} {
		out := string(Line{Title: "t", Labels: labels, Width: w, Series: []Series{{Name: "a", Values: []float64{1, 2, 3}}}}.SVG())
		var x float64
		i := strings.Index(out, ">Dec 25</text>")
		require.Positive(t, i, w)
		start := strings.LastIndex(out[:i], `<text x="`) + len(`<text x="`)
		_, err := fmt.Sscanf(out[start:], "%g", &x)
		require.NoError(t, err)
		require.LessOrEqual(t, x+float64(len("Dec 25"))*7/2, w, "width %g", w)
	}
}

// TestColorsFollowTheThing: a series or bar with a colour keeps it wherever
// it stands, so a region has one colour on every chart.
func TestColorsFollowTheThing(t *testing.T) {
	t.Parallel()
	line := string(Line{Title: "t", Labels: []string{"a", "b"}, Series: []Series{
		{Name: "West", Values: []float64{1, 2}, Color: 4}, {Name: "East", Values: []float64{2, 1}, Color: 1}}}.SVG())
	require.Contains(t, line, `class="series s3"`)
	require.Contains(t, line, `class="series s0"`)
	bar := string(Bar{Title: "t", Bars: []BarItem{{Label: "West", Value: 1, Text: "1", Color: 4}, {Label: "East", Value: 2, Text: "2", Color: 1}}}.SVG())
	require.Contains(t, bar, `class="bar s3"`)
	require.Contains(t, bar, `class="bar s0"`)
}
