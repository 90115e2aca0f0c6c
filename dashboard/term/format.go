package term

import (
	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// The figures as every view writes them, for a program that prints its own
// tables the same way (the quickstart's revenue by region).

// Money renders an amount of US dollars with thousands separators and cents:
// "$5,062,492.12".
func Money(d decimal.Decimal) string { return termui.Money(d) }

// Count renders a whole number with thousands separators: "1,315".
func Count(n int64) string { return termui.Int(n) }

// Percent renders a fraction of 1 as a percentage to one place: "25.4%".
func Percent(fraction decimal.Decimal) string { return termui.Percent(fraction) }
