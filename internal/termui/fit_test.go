package termui

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestTableFitsItsWidth: a table too wide switches to its columns' short forms
// from the last column, then cuts its elastic columns with "…"; one that fits
// is left whole.
func TestTableFitsItsWidth(t *testing.T) {
	t.Parallel()
	name := TextColumn("name")
	name.Elastic = true
	revenue := NumberColumn("revenue")
	revenue.Short = []string{"$4.6M", "$12"}
	tab := Table{Columns: []Column{name, revenue, NumberColumn("orders")},
		Rows: [][]string{{"Stephen Maldonado-Featherstonehaugh", "$4,564,680.75", "980"}, {"Al", "$12.00", "1"}}}
	render := func(w int) string {
		var b bytes.Buffer
		require.NoError(t, RenderTable(&b, Options{Width: w}, tab))
		return b.String()
	}
	wide := render(120)
	require.Contains(t, wide, "Stephen Maldonado-Featherstonehaugh  $4,564,680.75")

	narrow := render(40)
	for _, line := range strings.Split(strings.TrimSuffix(narrow, "\n"), "\n") {
		require.LessOrEqual(t, utf8.RuneCountInString(line), 40, "%q", line)
	}
	require.Contains(t, narrow, "$4.6M", "the short form")
	require.Contains(t, narrow, "Stephen Maldonado-Fe…", "the name cut, never a figure")
	require.Contains(t, narrow, "980")
}

func TestWrapBreaksAtSpacesOnly(t *testing.T) {
	t.Parallel()
	got := Wrap("→ a rep's months: sales_rep_leaderboard -from=2025-01-01 -region=West -rep=48", 40, "    ")
	require.Equal(t, "→ a rep's months: sales_rep_leaderboard\n    -from=2025-01-01 -region=West\n    -rep=48", got)
}

// TestSparklinesShareOneScaleFromZero: the lines of a block are drawn on one
// scale, zero to the block's largest value, with the axis line under them.
func TestSparklinesShareOneScaleFromZero(t *testing.T) {
	t.Parallel()
	d := func(vs ...int64) []decimal.Decimal {
		out := make([]decimal.Decimal, len(vs))
		for i, v := range vs {
			out[i] = decimal.NewFromInt(v)
		}
		return out
	}
	var b bytes.Buffer
	require.NoError(t, RenderSparklines(&b, Options{Width: 40}, Sparklines{
		Lines: []Spark{{Label: "small", Values: d(1, 2, 2, 2)}, {Label: "large", Values: d(10, 20, 20, 20)}},
		From:  "2025-01", To: "2025-04", Scale: func(x decimal.Decimal) string { return x.String() },
	}))
	// 1·7/20 = 0.35 → ▁, 2·7/20 = 0.7 → ▂; 10·7/20 = 3.5 → ▅, 20 → █.
	require.Equal(t, "small ▁▂▂▂\nlarge ▅███\n      2025-01 … 2025-04  scale 0 – 20\n", b.String())
}
