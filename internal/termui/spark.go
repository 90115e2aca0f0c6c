package termui

import (
	"io"
	"strings"

	"github.com/shopspring/decimal"
)

// levels are the sparkline's eight heights.
var levels = [8]string{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// Sparkline draws values as one character each, ▁ for the smallest and █ for the
// largest, the others in proportion between them, rounded to the nearest of the
// eight heights (exactly, in decimal). A flat series is drawn at mid height (▄),
// or at the bottom (▁) when it is all zero or negative; no values draw nothing.
func Sparkline(values []decimal.Decimal) string {
	if len(values) == 0 {
		return ""
	}
	lo, hi := values[0], values[0]
	for _, v := range values[1:] {
		lo, hi = decimal.Min(lo, v), decimal.Max(hi, v)
	}
	var b strings.Builder
	b.Grow(len(values) * len(levels[0]))
	span := hi.Sub(lo)
	for _, v := range values {
		switch {
		case !span.IsZero():
			b.WriteString(levels[v.Sub(lo).Mul(decimal.NewFromInt(7)).DivRound(span, 0).IntPart()])
		case hi.IsPositive():
			b.WriteString(levels[3])
		default:
			b.WriteString(levels[0])
		}
	}
	return b.String()
}

// Spark is one line of a [Sparklines] block: a label, the series, and a text
// after it (the latest value, a growth).
type Spark struct {
	Label  string
	Values []decimal.Decimal
	Text   string
}

// Sparklines is a titled block of aligned sparklines, such as one trend per region.
type Sparklines struct {
	Title string
	Lines []Spark
}

// RenderSparklines writes s to w: labels left-aligned, each series as a
// [Sparkline], the texts after them aligned. A series longer than the width leaves
// room for shows its most recent values only.
func RenderSparklines(w io.Writer, o Options, s Sparklines) error {
	labelW, textW, points := 0, 0, 0
	for _, l := range s.Lines {
		labelW = max(labelW, width(l.Label))
		textW = max(textW, width(l.Text))
		points = max(points, len(l.Values))
	}
	room := max(o.width()-labelW-textW-2, minBarCells)
	points = min(points, room)
	var out strings.Builder
	if s.Title != "" {
		out.WriteString(Paint(o, ToneBold, s.Title) + "\n")
	}
	for _, l := range s.Lines {
		values := l.Values[max(len(l.Values)-room, 0):]
		out.WriteString(pad(Clean(l.Label), labelW, AlignLeft))
		out.WriteByte(' ')
		out.WriteString(Paint(o, ToneAccent, Sparkline(values)))
		out.WriteString(strings.Repeat(" ", points-len(values)+1))
		out.WriteString(Clean(l.Text))
		out.WriteByte('\n')
	}
	_, err := io.WriteString(w, trimLines(out.String()))
	return err
}
