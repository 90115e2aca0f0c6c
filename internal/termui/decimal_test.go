package termui

import (
	"testing"

	"github.com/shopspring/decimal"
)

// dec and null read the goldens' figures: decimal text, "" for no value.
func dec(tb testing.TB, s string) decimal.Decimal {
	tb.Helper()
	return decimal.RequireFromString(s)
}

func null(tb testing.TB, s string) decimal.NullDecimal {
	tb.Helper()
	if s == "" {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(dec(tb, s))
}
