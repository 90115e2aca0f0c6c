package termui

import (
	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/internal/format"
)

// The terminal's figures are package format's: the web dashboard writes them
// the same way.

// Texts for values that do not exist (see package format).
const (
	NoComparison  = format.NoComparison
	NotApplicable = format.NotApplicable
)

// Money renders an amount of US dollars: "$1,234,567.89" ([format.Money]).
func Money(d decimal.Decimal) string { return format.Money(d) }

// MoneyDelta renders a change in money with its sign ([format.MoneyDelta]).
func MoneyDelta(d decimal.NullDecimal) string { return format.MoneyDelta(d) }

// MoneyCompact renders an amount in K, M, B or T ([format.MoneyCompact]).
func MoneyCompact(d decimal.Decimal) string { return format.MoneyCompact(d) }

// Int renders a count with thousands separators ([format.Int]).
func Int(n int64) string { return format.Int(n) }

// IntDelta renders a change in a count with its sign ([format.IntDelta]).
func IntDelta(n int64) string { return format.IntDelta(n) }

// Percent renders an exact fraction as a percentage ([format.Percent]).
func Percent(fraction decimal.Decimal) string { return format.Percent(fraction) }

// NullPercent renders a fraction that may not exist ([format.NullPercent]).
func NullPercent(fraction decimal.NullDecimal) string { return format.NullPercent(fraction) }

// Growth renders a relative change with its sign ([format.Growth]).
func Growth(fraction decimal.NullDecimal) string { return format.Growth(fraction) }
