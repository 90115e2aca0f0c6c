package termui

import (
	"io"
	"strings"

	"github.com/shopspring/decimal"
)

// levels are the sparkline's eight heights.
var levels = [8]string{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// Sparkline draws values as one character each on a scale from zero to the
// largest of them: █ is the largest, ▁ zero (and anything less), the others in
// proportion, rounded to the nearest of the eight heights (exactly, in
// decimal). Starting at zero, a small change looks small. No values draw
// nothing.
func Sparkline(values []decimal.Decimal) string {
	hi := decimal.Zero
	for _, v := range values {
		hi = decimal.Max(hi, v)
	}
	return sparkline(values, hi)
}

// sparkline draws values on the scale zero to hi.
func sparkline(values []decimal.Decimal, hi decimal.Decimal) string {
	var b strings.Builder
	b.Grow(len(values) * len(levels[0]))
	for _, v := range values {
		if !hi.IsPositive() || !v.IsPositive() {
			b.WriteString(levels[0])
			continue
		}
		b.WriteString(levels[min(v.Mul(decimal.NewFromInt(7)).DivRound(hi, 0).IntPart(), 7)])
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

// Sparklines is a titled block of aligned sparklines, such as one trend per
// region, drawn on one scale: from zero to the largest value of the block, so
// that lines compare with each other.
type Sparklines struct {
	Title string
	Lines []Spark
	// From and To label the first and the last point of the longest line
	// ("2024-01", "2025-12"), on a line under the block; empty for none.
	From, To string
	// Scale formats the top of the scale, printed as the range after the
	// labels ("0 – $1.2M"); nil prints no range.
	Scale func(decimal.Decimal) string
}

// RenderSparklines writes s to w: labels left-aligned, each series as a
// sparkline on the block's one scale, the texts after them aligned, then the
// axis line (From, To and the range) when asked. A series longer than the
// width leaves room for shows its most recent values only.
func RenderSparklines(w io.Writer, o Options, s Sparklines) error {
	labelW, textW, points := 0, 0, 0
	for _, l := range s.Lines {
		labelW = max(labelW, width(l.Label))
		textW = max(textW, width(l.Text))
		points = max(points, len(l.Values))
	}
	room := max(o.width()-labelW-textW-2, minBarCells)
	points = min(points, room)
	hi := decimal.Zero
	for _, l := range s.Lines {
		for _, v := range l.Values[max(len(l.Values)-room, 0):] {
			hi = decimal.Max(hi, v)
		}
	}
	var out strings.Builder
	if s.Title != "" {
		out.WriteString(Paint(o, ToneBold, s.Title) + "\n")
	}
	for _, l := range s.Lines {
		values := l.Values[max(len(l.Values)-room, 0):]
		out.WriteString(pad(Clean(l.Label), labelW, AlignLeft))
		out.WriteByte(' ')
		out.WriteString(Paint(o, ToneAccent, sparkline(values, hi)))
		out.WriteString(strings.Repeat(" ", points-len(values)+1))
		out.WriteString(Clean(l.Text))
		out.WriteByte('\n')
	}
	if axis := s.axis(points, hi); axis != "" {
		out.WriteString(strings.Repeat(" ", labelW+1) + Paint(o, ToneDim, axis) + "\n")
	}
	_, err := io.WriteString(w, trimLines(out.String()))
	return err
}

// axis is the line under the block: the first and last points' labels at
// either end of the series, then the range.
func (s Sparklines) axis(points int, hi decimal.Decimal) string {
	from, to := Clean(s.From), Clean(s.To)
	line := ""
	switch {
	case from == "" && to == "":
	case width(from)+width(to)+1 <= points:
		line = from + strings.Repeat(" ", points-width(from)-width(to)) + to
	default:
		line = strings.TrimSpace(from + " … " + to)
	}
	if s.Scale != nil {
		if line != "" {
			line += "  "
		}
		line += "scale 0 – " + Clean(s.Scale(hi))
	}
	return line
}
