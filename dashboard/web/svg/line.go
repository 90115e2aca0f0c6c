package svg

import "html/template"

// Series is one named run of values over a chart's labels. Values place the
// marks; Texts (same length, optional) are what the tooltip says for each point;
// Hrefs (optional) make each point a link.
type Series struct {
	Name   string
	Values []float64
	Texts  []string
	Hrefs  []string
	// Dashed draws the series as a dashed line (a comparison period).
	Dashed bool
	// Color is the series' palette colour, 1 to 8, so that one thing (a
	// region) has one colour on every chart; 0 means by position.
	Color int
}

// class is the colour class of the series at position i.
func (s Series) class(i int) string {
	if s.Color > 0 {
		return seriesClass(s.Color - 1)
	}
	return seriesClass(i)
}

func (s Series) text(i int) string {
	if i < len(s.Texts) {
		return s.Texts[i]
	}
	return Compact(s.Values[i])
}

func (s Series) href(i int) string {
	if i < len(s.Hrefs) {
		return s.Hrefs[i]
	}
	return ""
}

// Line is a line chart of one or more series over ordered labels (months).
type Line struct {
	Title  string
	Labels []string
	Series []Series
	// Axis formats the value axis ticks; nil means Compact.
	Axis func(float64) string
	// Width and Height of the canvas; zero means 720 × 260.
	Width, Height float64
}

const (
	padLeft   = 64
	padRight  = 28 // half the last month label ("Dec 25"), centred on the last point
	padTop    = 16
	padBottom = 40
)

// SVG renders the chart.
func (c Line) SVG() template.HTML {
	w, h := orDefault(c.Width, 720), orDefault(c.Height, 260)
	axis := c.Axis
	if axis == nil {
		axis = Compact
	}
	var all []float64
	for _, s := range c.Series {
		all = append(all, s.Values...)
	}
	lo, hi := extent(all)
	lo = min(lo, 0)
	ts := ticks(lo, hi, 4)
	lo, hi = ts[0], ts[len(ts)-1]
	top := float64(padTop)
	if len(c.Series) > 1 {
		top += 18 // legend row
	}
	plotW, plotH := w-padLeft-padRight, h-top-padBottom
	n := len(c.Labels)
	x := func(i int) float64 {
		if n <= 1 {
			return padLeft + plotW/2
		}
		return padLeft + plotW*float64(i)/float64(n-1)
	}
	y := func(v float64) float64 { return top + plotH - plotH*(v-lo)/(hi-lo) }

	var b builder
	b.open(w, h, "line", c.Title)
	for _, t := range ts {
		b.line(padLeft, y(t), w-padRight, y(t), "grid")
		b.text(padLeft-8, y(t)+4, "end", "tick", axis(t))
	}
	b.line(padLeft, top+plotH, w-padRight, top+plotH, "axis")
	every := labelStep(n, plotW, 56)
	for i, l := range c.Labels {
		if i%every == 0 || i == n-1 && n-1-i%every == 0 {
			b.text(x(i), h-padBottom+18, "middle", "tick", l)
		}
	}
	if len(c.Series) > 1 {
		legend(&b, c.Series, padLeft, padTop+2)
	}
	for si, s := range c.Series {
		cls := "series " + s.class(si)
		if s.Dashed {
			cls += " dashed"
		}
		xs, ys := make([]float64, len(s.Values)), make([]float64, len(s.Values))
		for i, v := range s.Values {
			xs[i], ys[i] = x(i), y(v)
		}
		b.polyline(xs, ys, cls)
		for i := range s.Values {
			tip := s.Name + " · " + label(c.Labels, i) + ": " + s.text(i)
			b.link(s.href(i), func() { b.circle(xs[i], ys[i], 3.5, "dot "+s.class(si), tip) })
		}
	}
	return b.close()
}

// PhoneWidth and PhoneHeight are the canvas of a chart on a phone: about the
// pixels a phone's tile gives it (390 px less the margins), so that its 12px
// text prints at 11 px or more instead of shrinking with a desktop canvas.
const (
	PhoneWidth  = 340
	PhoneHeight = 220
)

// PhoneSVG renders the chart on a phone's canvas.
func (c Line) PhoneSVG() template.HTML {
	c.Width, c.Height = PhoneWidth, PhoneHeight
	return c.SVG()
}

// legend writes one swatch and name per series in a row.
func legend(b *builder, series []Series, x, y float64) {
	for i, s := range series {
		cls := "swatch " + s.class(i)
		if s.Dashed {
			cls += " dashed"
		}
		b.line(x, y+6, x+18, y+6, cls)
		b.text(x+24, y+10, "start", "legend", s.Name)
		x += 36 + float64(len([]rune(s.Name)))*7
	}
}

// labelStep is how many labels to skip so that they do not overlap.
func labelStep(n int, width, minGap float64) int {
	if n <= 1 {
		return 1
	}
	step := 1
	for width/float64(n-1)*float64(step) < minGap {
		step++
	}
	return step
}

func label(ls []string, i int) string {
	if i < len(ls) {
		return ls[i]
	}
	return ""
}

func orDefault(v, d float64) float64 {
	if v <= 0 {
		return d
	}
	return v
}
