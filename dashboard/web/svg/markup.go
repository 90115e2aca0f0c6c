package svg

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
)

// builder accumulates SVG markup; every text and attribute value it is given is
// escaped here, so callers pass raw strings.
type builder struct{ b strings.Builder }

// num prints a coordinate with at most one decimal, so golden files stay stable.
func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

func esc(s string) string { return html.EscapeString(s) }

// open starts the root element with a viewBox and the accessible label.
func (w *builder) open(width, height float64, class, label string) {
	aspect := ""
	if class == "spark" {
		aspect = ` preserveAspectRatio="none"` // a sparkline stretches to its card
	}
	fmt.Fprintf(&w.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s"%s class="chart %s" role="img" aria-label="%s">`,
		num(width), num(height), aspect, esc(class), esc(label))
	if label != "" {
		fmt.Fprintf(&w.b, `<title>%s</title>`, esc(label))
	}
}

func (w *builder) close() template.HTML {
	w.b.WriteString(`</svg>`)
	// The markup is built from escaped parts only.
	return template.HTML(w.b.String()) //nolint:gosec // every value above is escaped
}

func (w *builder) raw(s string) { w.b.WriteString(s) }

// link wraps inner markup in an <a> when href is set.
func (w *builder) link(href string, inner func()) {
	if !localHref(href) {
		inner()
		return
	}
	fmt.Fprintf(&w.b, `<a href="%s">`, esc(href))
	inner()
	w.b.WriteString(`</a>`)
}

// localHref reports whether href is a path on this server ("/…" but not "//…");
// anything else (another host, javascript:) is drawn without its link.
func localHref(href string) bool {
	return strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//") && !strings.HasPrefix(href, "/\\")
}

func (w *builder) line(x1, y1, x2, y2 float64, class string) {
	fmt.Fprintf(&w.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" class="%s"/>`, num(x1), num(y1), num(x2), num(y2), class)
}

// text writes a label; anchor is start, middle or end.
func (w *builder) text(x, y float64, anchor, class, s string) {
	fmt.Fprintf(&w.b, `<text x="%s" y="%s" text-anchor="%s" class="%s">%s</text>`, num(x), num(y), anchor, class, esc(s))
}

// rect writes a rectangle with a tooltip.
func (w *builder) rect(x, y, width, height float64, class, tip string) {
	fmt.Fprintf(&w.b, `<rect x="%s" y="%s" width="%s" height="%s" class="%s"><title>%s</title></rect>`,
		num(x), num(y), num(max(width, 0)), num(max(height, 0)), class, esc(tip))
}

func (w *builder) circle(x, y, r float64, class, tip string) {
	fmt.Fprintf(&w.b, `<circle cx="%s" cy="%s" r="%s" class="%s"><title>%s</title></circle>`, num(x), num(y), num(r), class, esc(tip))
}

// polyline writes an open path through the points.
func (w *builder) polyline(xs, ys []float64, class string) {
	var pts strings.Builder
	for i := range xs {
		if i > 0 {
			pts.WriteByte(' ')
		}
		pts.WriteString(num(xs[i]) + "," + num(ys[i]))
	}
	fmt.Fprintf(&w.b, `<polyline points="%s" class="%s"/>`, pts.String(), class)
}

// seriesClass names the colour class of the i-th series (eight, then repeating).
func seriesClass(i int) string { return "s" + strconv.Itoa(i%8) }

// truncate shortens a label to n runes with an ellipsis; the full text stays in
// the tooltip.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
