package termui

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func TestRenderRefusesBadInput(t *testing.T) {
	t.Parallel()
	cols := []Column{TextColumn("Region"), NumberColumn("Revenue")}
	for _, tc := range []struct {
		name   string
		render func(*bytes.Buffer) error
		msg    string
	}{
		{"no columns", func(b *bytes.Buffer) error { return RenderTable(b, Options{}, Table{Title: "T"}) },
			`table "T" has no columns`},
		{"short row", func(b *bytes.Buffer) error {
			return RenderTable(b, Options{}, Table{Title: "T", Columns: cols, Rows: [][]string{{"a", "b"}, {"c"}}})
		}, `table "T" row 2 has 1 cells, want 2 (Region, Revenue)`},
		{"long footer", func(b *bytes.Buffer) error {
			return RenderTable(b, Options{}, Table{Title: "T", Columns: cols, Footer: []string{"a", "b", "c"}})
		}, `table "T" footer has 3 cells, want 2 (Region, Revenue)`},
		{"unknown align", func(b *bytes.Buffer) error {
			return RenderTable(b, Options{}, Table{Title: "T", Columns: []Column{{Header: "X", Align: "middle"}}})
		}, `column 1 "X": Align "middle" is not one of [left right]`},
		{"negative bar", func(b *bytes.Buffer) error {
			return RenderBars(b, Options{}, BarChart{Title: "C", Bars: []Bar{{Label: "a", Value: decimal.NewFromInt(1)}, {Label: "b", Value: decimal.NewFromInt(-1)}}})
		}, `bar chart "C" bar 2 "b": value -1 is negative`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			err := tc.render(&b)
			require.ErrorIs(t, err, ErrInvalid)
			require.ErrorContains(t, err, tc.msg)
			require.Zero(t, b.Len(), "nothing half-written")
		})
	}
}

// eighthsDrawn counts a bar's length in eighths of a cell from its characters.
func eighthsDrawn(tb testing.TB, bar string) int64 {
	tb.Helper()
	partial := map[rune]int64{'▏': 1, '▎': 2, '▍': 3, '▌': 4, '▋': 5, '▊': 6, '▉': 7, '█': 8}
	var n int64
	for _, r := range bar {
		e, ok := partial[r]
		require.True(tb, ok, "unexpected %q in bar %q", r, bar)
		n += e
	}
	return n
}

// TestBarsAreExact checks every bar's length against integer arithmetic on cents:
// round(value × cells × 8 / largest), and at least one eighth for a positive value.
func TestBarsAreExact(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		o := Options{Width: MinWidth + r.IntN(MaxWidth-MinWidth+1)}
		c := BarChart{}
		cents := make([]int64, 1+r.IntN(8))
		var largest int64
		for i := range cents {
			cents[i] = r.Int64N(1_000_000_000)
			if r.IntN(10) == 0 {
				cents[i] = r.Int64N(3) // tiny and zero values
			}
			largest = max(largest, cents[i])
			c.Bars = append(c.Bars, Bar{Label: strings.Repeat("x", 1+r.IntN(12)), Value: decimal.New(cents[i], -2), Text: "t"})
		}
		var b bytes.Buffer
		require.NoError(t, RenderBars(&b, o, c))
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		require.Len(t, lines, len(cents))
		labelW := 0
		for _, bar := range c.Bars {
			labelW = max(labelW, len(bar.Label))
		}
		cells := int64(max(o.Width-labelW-1-2, minBarCells))
		for i, line := range lines {
			drawn := strings.TrimRight(strings.TrimSuffix(line[labelW+1:], "t"), " ")
			want := int64(0)
			if largest > 0 && cents[i] > 0 {
				want = max((2*cents[i]*cells*8+largest)/(2*largest), 1) // round half up
			}
			require.Equal(t, want, eighthsDrawn(t, drawn), "trial %d bar %d: %d of %d cents in %d cells", trial, i, cents[i], largest, cells)
			require.Equal(t, o.Width, utf8.RuneCountInString(line), "trial %d: every line runs the width", trial)
		}
	}
}

func TestSparkline(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   []int64
		want string
	}{
		{nil, ""},
		{[]int64{5}, "█"},
		{[]int64{0, 0, 0}, "▁▁▁"},
		{[]int64{-3, -3}, "▁▁"},
		{[]int64{7, 7}, "██"},
		{[]int64{0, 1, 2, 3, 4, 5, 6, 7}, "▁▂▃▄▅▆▇█"},
		{[]int64{70, 0}, "█▁"},
		{[]int64{-10, 0, 10}, "▁▁█"},         // from zero: a negative value is ▁
		{[]int64{100, 107, 114}, "▇██"},      // from zero, a small change looks small: 6.1, 6.6, 7
		{[]int64{0, 1, 12, 13, 14}, "▁▂▇██"}, // 0.5 → ▂, 6 → ▇, 6.5 → █
	} {
		values := make([]decimal.Decimal, len(tc.in))
		for i, v := range tc.in {
			values[i] = decimal.NewFromInt(v)
		}
		require.Equal(t, tc.want, Sparkline(values), "%v", tc.in)
	}
}

func TestSparklinesKeepTheLatestPoints(t *testing.T) {
	t.Parallel()
	values := make([]decimal.Decimal, 200)
	for i := range values {
		values[i] = decimal.NewFromInt(int64(i % 8))
	}
	var b bytes.Buffer
	require.NoError(t, RenderSparklines(&b, Options{Width: 40}, Sparklines{Lines: []Spark{{Label: "a", Values: values, Text: "z"}}}))
	line := strings.TrimSuffix(b.String(), "\n")
	require.Equal(t, 40, utf8.RuneCountInString(line), "%q", line)
	require.True(t, strings.HasPrefix(line, "a "+Sparkline(values[200-36:])), "%q", line)
}

func TestClean(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"North", "North"},
		{"Zoë García 東京", "Zoë García 東京"},
		{"a\tb\nc\rd", "a b c d"},
		{"\x1b[2Jclear", "[2Jclear"},                 // cursor and screen control lose their ESC
		{"\x1b]0;title\x07x", "]0;titlex"},           // OSC title set and BEL
		{"\x1b[1mbold\x1b[0m", "\x1b[1mbold\x1b[0m"}, // colour is kept
		{"\x1b[31;1m", "\x1b[31;1m"},
		{"\x1b[31;1", "[31;1"},
		{"evil\u202egnp.exe", "evilgnp.exe"}, // bidi override
		{"del\x7f\u009b", "del"},             // DEL and C1 CSI
		{"bad\xffutf8", "bad\ufffdutf8"},
	} {
		require.Equal(t, tc.want, Clean(tc.in), "%q", tc.in)
	}
}

func TestPaint(t *testing.T) {
	t.Parallel()
	on, off := Options{Color: true}, Options{}
	for _, tone := range Tones() {
		require.True(t, tone.Valid())
		require.Equal(t, "x", Paint(off, tone, "x"), "no colour when off")
		got := Paint(on, tone, "x")
		require.True(t, strings.HasPrefix(got, "\x1b[") && strings.HasSuffix(got, "x\x1b[0m"), "%s: %q", tone, got)
	}
	require.False(t, Tone("blink").Valid())
	require.Equal(t, "x", Paint(on, "blink", "x"))
	require.Equal(t, "", Paint(on, ToneBold, ""), "nothing to paint")
	require.Equal(t, "[2Jx", Paint(off, ToneBold, "\x1b[2Jx"), "painted text is cleaned too")

	require.Equal(t, "\x1b[32m+4.1%\x1b[0m", PaintGrowth(on, null(t, "0.0412")))
	require.Equal(t, "\x1b[31m-0.1%\x1b[0m", PaintGrowth(on, null(t, "-0.0005")))
	require.Equal(t, "\x1b[2m0.0%\x1b[0m", PaintGrowth(on, null(t, "-0.0004")))
	require.Equal(t, "\x1b[2m—\x1b[0m", PaintGrowth(on, null(t, "")))
}
