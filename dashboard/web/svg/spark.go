package svg

import "html/template"

// Spark is a word-sized trend line for a KPI card, scaled from its own minimum
// to its maximum so that a small change is visible.
type Spark struct {
	Label  string
	Values []float64
	// Width and Height of the canvas; zero means 120 × 28.
	Width, Height float64
}

// SVG renders the sparkline; fewer than two values draw an empty canvas.
func (c Spark) SVG() template.HTML {
	w, h := orDefault(c.Width, 120), orDefault(c.Height, 28)
	var b builder
	b.open(w, h, "spark", c.Label)
	if len(c.Values) >= 2 {
		lo, hi := extent(c.Values)
		if hi == lo {
			hi = lo + 1
		}
		xs, ys := make([]float64, len(c.Values)), make([]float64, len(c.Values))
		for i, v := range c.Values {
			xs[i] = 2 + (w-4)*float64(i)/float64(len(c.Values)-1)
			ys[i] = h - 3 - (h-6)*(v-lo)/(hi-lo)
		}
		b.polyline(xs, ys, "series s0")
	}
	return b.close()
}
