package svg

import "html/template"

// BarItem is one bar: Value places it, Text is the exact figure printed at its
// end and in its tooltip, Href (optional) makes it a drill-down link.
type BarItem struct {
	Label string
	Value float64
	Text  string
	Href  string
	// Muted draws the bar in the neutral colour: an "Other" remainder.
	Muted bool
	// Color is the bar's palette colour, 1 to 8 (a region's colour); 0 means
	// the first.
	Color int
}

// Bar is a horizontal bar chart, one row per item, for rankings with long names
// (regions, categories, reps).
type Bar struct {
	Title string
	Bars  []BarItem
	// Width of the canvas; zero means 720. The height follows the rows.
	Width float64
}

const (
	barRow    = 28
	barLabelW = 150
	barValueW = 60
)

// SVG renders the chart.
func (c Bar) SVG() template.HTML {
	w := orDefault(c.Width, 720)
	h := float64(len(c.Bars))*barRow + 8
	vals := make([]float64, len(c.Bars))
	for i, it := range c.Bars {
		vals[i] = it.Value
	}
	_, hi := extent(vals)
	if hi <= 0 {
		hi = 1
	}
	// The value column is as wide as the longest figure (12px text, about 7.5px
	// a character), so no figure runs off the canvas.
	valueW := float64(barValueW)
	for _, it := range c.Bars {
		valueW = max(valueW, float64(len([]rune(it.Text)))*7.5+12)
	}
	labelW := min(float64(barLabelW), w*0.3) // a phone's narrow canvas gets a narrower label column
	plotW := w - labelW - valueW
	var b builder
	b.open(w, h, "bar", c.Title)
	for i, it := range c.Bars {
		y := float64(i)*barRow + 4
		bw := plotW * max(it.Value, 0) / hi
		b.link(it.Href, func() {
			b.text(labelW-8, y+17, "end", "label", truncate(it.Label, min(20, int((labelW-12)/7.5))))
			cls := "bar " + seriesClass(max(it.Color-1, 0))
			if it.Muted {
				cls = "bar muted"
			}
			b.rect(labelW, y+4, bw, barRow-10, cls, it.Label+": "+it.Text)
		})
		b.text(labelW+bw+6, y+17, "start", "value", it.Text)
	}
	b.line(labelW, 2, labelW, h-2, "axis")
	return b.close()
}

// PhoneSVG renders the chart on a phone's canvas (PhoneWidth), so that its
// text prints at about its size there.
func (c Bar) PhoneSVG() template.HTML {
	c.Width = PhoneWidth
	return c.SVG()
}
