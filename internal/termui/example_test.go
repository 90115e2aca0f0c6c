package termui_test

import (
	"os"

	"github.com/salesanalytics/salesanalytics/internal/termui"
	"github.com/shopspring/decimal"
)

func Example() {
	north, south := decimal.RequireFromString("102403795.31"), decimal.RequireFromString("100829688.02")
	total := north.Add(south)
	growth := decimal.NewNullDecimal(decimal.RequireFromString("0.0412"))
	o := termui.Options{Width: 60} // a program passes termui.Detect(os.Stdout, os.Getenv)

	_ = termui.Section(os.Stdout, o, "Revenue by region")
	_ = termui.RenderTable(os.Stdout, o, termui.Table{
		Columns: []termui.Column{termui.TextColumn("Region"), termui.NumberColumn("Revenue"), termui.NumberColumn("Share"), termui.NumberColumn("Growth")},
		Rows: [][]string{
			{"North", termui.Money(north), termui.Percent(north.Div(total)), termui.Growth(growth)},
			{"South", termui.Money(south), termui.Percent(south.Div(total)), termui.Growth(decimal.NullDecimal{})},
		},
		Footer: []string{"Total", termui.Money(total), termui.Percent(decimal.NewFromInt(1)), ""},
	})
	_ = termui.RenderBars(os.Stdout, o, termui.BarChart{Bars: []termui.Bar{
		{Label: "North", Value: north, Text: termui.MoneyCompact(north)},
		{Label: "South", Value: south, Text: termui.MoneyCompact(south)},
	}})
	_ = termui.RenderSparklines(os.Stdout, o, termui.Sparklines{Lines: []termui.Spark{
		{Label: "Orders", Values: []decimal.Decimal{decimal.NewFromInt(4012), decimal.NewFromInt(3890), decimal.NewFromInt(4188)}, Text: termui.Int(4188)},
	}})
	// Output:
	// ── Revenue by region ───────────────────────────────────────
	// Region          Revenue   Share  Growth
	// ─────────────────────────────────────────
	// North   $102,403,795.31   50.4%   +4.1%
	// South   $100,829,688.02   49.6%       —
	// ─────────────────────────────────────────
	// Total   $203,233,483.33  100.0%
	// North ██████████████████████████████████████████████ $102.4M
	// South █████████████████████████████████████████████▎ $100.8M
	// Orders ███ 4,188
}
