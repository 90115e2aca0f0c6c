package svg

import "html/template"

// Stacked is a 100% stacked column chart: for each label (a month) the series'
// values are stacked as shares of that column's total — new against returning
// customers, or each segment's share of revenue.
type Stacked struct {
	Title  string
	Labels []string
	Series []Series
	// Width and Height of the canvas; zero means 720 × 260.
	Width, Height float64
}

// SVG renders the chart.
func (c Stacked) SVG() template.HTML {
	w, h := orDefault(c.Width, 720), orDefault(c.Height, 260)
	top := float64(padTop + 18)
	plotW, plotH := w-padLeft-padRight, h-top-padBottom
	n := len(c.Labels)
	slot := plotW / float64(max(n, 1))
	barW := slot * 0.72
	y := func(f float64) float64 { return top + plotH - plotH*f }

	var b builder
	b.open(w, h, "stacked", c.Title)
	for _, t := range []float64{0, 0.25, 0.5, 0.75, 1} {
		b.line(padLeft, y(t), w-padRight, y(t), "grid")
		b.text(padLeft-8, y(t)+4, "end", "tick", Percent(t))
	}
	legend(&b, c.Series, padLeft, padTop+2)
	every := labelStep(n+1, plotW, 56)
	for i, l := range c.Labels {
		total := 0.0
		for _, s := range c.Series {
			if i < len(s.Values) {
				total += max(s.Values[i], 0)
			}
		}
		x := padLeft + slot*float64(i) + (slot-barW)/2
		acc := 0.0
		for si, s := range c.Series {
			if i >= len(s.Values) || total == 0 {
				continue
			}
			f := max(s.Values[i], 0) / total
			tip := s.Name + " · " + l + ": " + s.text(i)
			b.link(s.href(i), func() { b.rect(x, y(acc+f), barW, y(acc)-y(acc+f), "seg "+s.class(si), tip) })
			acc += f
		}
		if i%every == 0 {
			b.text(x+barW/2, h-padBottom+18, "middle", "tick", l)
		}
	}
	b.line(padLeft, y(0), w-padRight, y(0), "axis")
	return b.close()
}

// PhoneSVG renders the chart on a phone's canvas.
func (c Stacked) PhoneSVG() template.HTML {
	c.Width, c.Height = PhoneWidth, PhoneHeight
	return c.SVG()
}
