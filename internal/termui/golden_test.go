package termui

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// regions is sample data for the renderers: revenue by region, as in the README.
var regions = []struct {
	name    string
	revenue string
	growth  string // "" for no comparison
	monthly []int64
}{
	{"North", "102403795.31", "0.0412", []int64{41, 39, 44, 46, 43, 47, 52, 50, 48, 55, 58, 66}},
	{"South", "100829688.02", "-0.0125", []int64{44, 42, 41, 45, 43, 44, 47, 46, 45, 49, 51, 60}},
	{"West", "96819186.47", "", []int64{30, 35, 38, 41, 40, 43, 45, 44, 47, 50, 54, 59}},
	{"East", "95037857.60", "0", []int64{48, 47, 47, 46, 45, 45, 44, 44, 43, 43, 42, 42}},
}

func regionTable(tb testing.TB, o Options) Table {
	tb.Helper()
	total := decimal.Zero
	for _, r := range regions {
		total = total.Add(dec(tb, r.revenue))
	}
	t := Table{
		Title:   "Revenue by region",
		Columns: []Column{TextColumn("Region"), NumberColumn("Revenue"), NumberColumn("Share"), NumberColumn("Growth")},
		Footer:  []string{"Total", Money(total), Percent(decimal.NewFromInt(1)), ""},
	}
	for _, r := range regions {
		rev := dec(tb, r.revenue)
		t.Rows = append(t.Rows, []string{r.name, Money(rev), Percent(rev.Div(total)), PaintGrowth(o, null(tb, r.growth))})
	}
	return t
}

func regionBars(tb testing.TB) BarChart {
	tb.Helper()
	c := BarChart{Title: "Share of revenue"}
	for _, r := range regions {
		rev := dec(tb, r.revenue)
		c.Bars = append(c.Bars, Bar{Label: r.name, Value: rev, Text: MoneyCompact(rev)})
	}
	c.Bars = append(c.Bars, Bar{Label: "Returns (none)", Value: decimal.Zero, Text: MoneyCompact(decimal.Zero)})
	return c
}

func regionTrends(tb testing.TB) Sparklines {
	tb.Helper()
	s := Sparklines{Title: "Monthly revenue, 2025"}
	for _, r := range regions {
		values := make([]decimal.Decimal, len(r.monthly))
		for i, v := range r.monthly {
			values[i] = decimal.New(v, 5)
		}
		s.Lines = append(s.Lines, Spark{Label: r.name, Values: values, Text: Growth(null(tb, r.growth))})
	}
	return s
}

// TestGolden renders every kind of output, plain and in colour, at two widths, and
// compares it with testdata (go test -update rewrites the files).
func TestGolden(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		render func(tb testing.TB, w io.Writer, o Options) error
	}{
		{"table", func(tb testing.TB, w io.Writer, o Options) error { return RenderTable(w, o, regionTable(tb, o)) }},
		{"bars", func(tb testing.TB, w io.Writer, o Options) error { return RenderBars(w, o, regionBars(tb)) }},
		{"sparklines", func(tb testing.TB, w io.Writer, o Options) error { return RenderSparklines(w, o, regionTrends(tb)) }},
		{"dashboard", func(tb testing.TB, w io.Writer, o Options) error {
			for _, step := range []func() error{
				func() error { return Section(w, o, "Executive summary") },
				func() error { return RenderTable(w, o, regionTable(tb, o)) },
				func() error { _, err := io.WriteString(w, "\n"); return err },
				func() error { return RenderBars(w, o, regionBars(tb)) },
				func() error { return Rule(w, o) },
				func() error { return RenderSparklines(w, o, regionTrends(tb)) },
			} {
				if err := step(); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, tc := range cases {
		for _, mode := range []struct {
			suffix string
			o      Options
		}{
			{"", Options{}},
			{".w60", Options{Width: 60}},
			{".color", Options{Width: 100, Color: true}},
		} {
			t.Run(tc.name+mode.suffix, func(t *testing.T) {
				t.Parallel()
				var b bytes.Buffer
				require.NoError(t, tc.render(t, &b, mode.o))
				if !mode.o.Color {
					require.NotContains(t, b.String(), "\x1b", "no escape sequences without colour")
				}
				for _, line := range bytes.Split(b.Bytes(), []byte("\n")) {
					require.False(t, bytes.HasSuffix(line, []byte(" ")), "trailing space in %q", line)
					require.LessOrEqual(t, width(string(line)), max(mode.o.width(), 48), "line wider than the width: %q", line)
				}
				golden.Check(t, filepath.Join("testdata", tc.name+mode.suffix+".golden"), b.Bytes())
			})
		}
	}
}
