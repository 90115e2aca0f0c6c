package dashboard_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// TestCSVCellsAreNotFormulas: a text cell a spreadsheet would run (=, +, -, @,
// tab, CR first) is written with a leading quote, in the header too; numbers,
// negative ones included, stay numbers. WriteCSV is the one CSV writer of the
// web export and the programs' -csv.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	t.Parallel()
	cells := []struct{ in, want string }{
		{`=HYPERLINK("http://evil.example","x")`, `'=HYPERLINK("http://evil.example","x")`},
		{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"-", "'-"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"-12.50", "-12.50"},
		{"-1", "-1"},
		{"0.1234", "0.1234"},
		{"Acme = Widgets", "Acme = Widgets"},
		{"", ""},
	}
	tb := dashboard.Table{Name: "t", Columns: []string{"=col", "b"}}
	for _, c := range cells {
		tb.Rows = append(tb.Rows, []dashboard.Cell{{Text: c.in}, {Text: "ok"}})
	}
	var buf bytes.Buffer
	require.NoError(t, dashboard.WriteCSV(&buf, tb))
	recs, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"'=col", "b"}, recs[0])
	for i, c := range cells {
		require.Equal(t, c.want, recs[i+1][0], "%q", c.in)
		require.Equal(t, c.want, dashboard.SafeCSVField(c.in))
	}
}
