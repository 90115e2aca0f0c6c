package termui

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
)

// Bar is one bar of a [BarChart]: a label, the value that sets its length, and the
// text printed after it (the value formatted, say [MoneyCompact] or [Percent]).
type Bar struct {
	Label string
	Value decimal.Decimal
	Text  string
}

// BarChart is a titled list of horizontal bars, each as long as its value relative
// to the largest.
type BarChart struct {
	Title string
	Bars  []Bar
}

// eighths are the partial blocks, from one eighth of a cell to seven.
var eighths = [8]string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// fullBlock is a whole cell of bar.
const fullBlock = "█"

// minBarCells is the least room a bar gets, however long its labels.
const minBarCells = 10

// RenderBars writes c to w, one line per bar: the labels left-aligned, the bars
// scaled so that the largest value fills the room the width leaves, drawn to an
// eighth of a cell (▏▎▍▌▋▊▉█), then the texts right-aligned. A positive value too
// small for an eighth still shows one, so that it differs from zero. The
// arithmetic is exact (decimal), so the same values always give the same bars. A
// negative value is refused, naming its bar.
func RenderBars(w io.Writer, o Options, c BarChart) error {
	labelW, textW := 0, 0
	largest := decimal.Zero
	for i, b := range c.Bars {
		if b.Value.IsNegative() {
			return fmt.Errorf("%w: bar chart %q bar %d %q: value %s is negative; bars show amounts of zero or more",
				ErrInvalid, c.Title, i+1, b.Label, b.Value)
		}
		labelW = max(labelW, width(b.Label))
		textW = max(textW, width(b.Text))
		largest = decimal.Max(largest, b.Value)
	}
	cells := max(o.width()-labelW-textW-2, minBarCells)
	var out strings.Builder
	if c.Title != "" {
		out.WriteString(Paint(o, ToneBold, c.Title) + "\n")
	}
	for _, b := range c.Bars {
		bar := barOf(b.Value, largest, cells)
		out.WriteString(pad(Clean(b.Label), labelW, AlignLeft))
		out.WriteByte(' ')
		out.WriteString(Paint(o, ToneAccent, bar))
		out.WriteString(strings.Repeat(" ", cells-width(bar)+1))
		out.WriteString(pad(Clean(b.Text), textW, AlignRight))
		out.WriteByte('\n')
	}
	_, err := io.WriteString(w, trimLines(out.String()))
	return err
}

// barOf draws value as a bar of at most cells cells, largest filling them all.
func barOf(value, largest decimal.Decimal, cells int) string {
	if !largest.IsPositive() || !value.IsPositive() {
		return ""
	}
	n := value.Mul(decimal.NewFromInt(int64(cells)*8)).DivRound(largest, 0).IntPart()
	n = max(n, 1)
	return strings.Repeat(fullBlock, int(n/8)) + eighths[n%8]
}
