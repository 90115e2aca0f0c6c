package format

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func dec(tb testing.TB, s string) decimal.Decimal {
	tb.Helper()
	d, err := decimal.NewFromString(s)
	require.NoError(tb, err)
	return d
}

func null(tb testing.TB, s string) decimal.NullDecimal {
	tb.Helper()
	if s == "" {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(dec(tb, s))
}

func TestMoney(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want, compact string }{
		{"0", "$0.00", "$0.00"},
		{"0.004", "$0.00", "$0.00"},
		{"-0.004", "$0.00", "$0.00"}, // rounds to zero: no sign
		{"0.005", "$0.01", "$0.01"},  // half away from zero
		{"-0.005", "-$0.01", "-$0.01"},
		{"12.3", "$12.30", "$12.30"},
		{"999.99", "$999.99", "$1.0K"},
		{"949.99", "$949.99", "$949.99"},
		{"1000", "$1,000.00", "$1.0K"},
		{"1234567.891", "$1,234,567.89", "$1.2M"},
		{"-1234.5", "-$1,234.50", "-$1.2K"},
		{"16421224.58", "$16,421,224.58", "$16.4M"},
		{"999950", "$999,950.00", "$1.0M"},    // 999.95K rounds up into the next unit
		{"999949.99", "$999,949.99", "$1.0M"}, // 0.99995M is 1.0M to one decimal
		{"949999", "$949,999.00", "$950.0K"},
		{"395090527.40", "$395,090,527.40", "$395.1M"},
		{"2500000000", "$2,500,000,000.00", "$2.5B"},
		{"1234567000000000", "$1,234,567,000,000,000.00", "$1,234.6T"},
	} {
		d := dec(t, tc.in)
		require.Equal(t, tc.want, Money(d), "Money(%s)", tc.in)
		require.Equal(t, tc.compact, MoneyCompact(d), "MoneyCompact(%s)", tc.in)
	}
}

// TestMoneyReadsBack checks Money against another way of getting the amount: strip
// the formatting and parse it, over random amounts of every size.
func TestMoneyReadsBack(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		d := decimal.New(r.Int64N(1<<62)-1<<61, -int32(r.IntN(5)))
		got := Money(d)
		require.Regexp(t, `^-?\$\d{1,3}(,\d{3})*\.\d\d$`, got)
		back := dec(t, strings.NewReplacer("$", "", ",", "").Replace(got))
		require.True(t, back.Equal(d.Round(2)), "%s → %s", d, got)
	}
}

func TestCounts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in          int64
		want, delta string
	}{
		{0, "0", "0"},
		{7, "7", "+7"},
		{-7, "-7", "-7"},
		{999, "999", "+999"},
		{1000, "1,000", "+1,000"},
		{100000, "100,000", "+100,000"},
		{-1234567, "-1,234,567", "-1,234,567"},
		{9223372036854775807, "9,223,372,036,854,775,807", "+9,223,372,036,854,775,807"},
		{-9223372036854775808, "-9,223,372,036,854,775,808", "-9,223,372,036,854,775,808"},
	} {
		require.Equal(t, tc.want, Int(tc.in), "Int(%d)", tc.in)
		require.Equal(t, tc.delta, IntDelta(tc.in), "IntDelta(%d)", tc.in)
	}
}

func TestPercentages(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, percent, growth, nullPercent, moneyDelta string }{
		{"", "", "—", "n/a", "—"}, // null: no comparison / not applicable
		{"0", "0.0%", "0.0%", "0.0%", "$0.00"},
		{"0.2593", "25.9%", "+25.9%", "25.9%", "+$0.26"},
		{"0.25925", "25.9%", "+25.9%", "25.9%", "+$0.26"},
		{"0.25950", "26.0%", "+26.0%", "26.0%", "+$0.26"}, // half away from zero
		{"-0.0404", "-4.0%", "-4.0%", "-4.0%", "-$0.04"},
		{"-0.0004", "0.0%", "0.0%", "0.0%", "$0.00"}, // rounds to zero: no sign
		{"1", "100.0%", "+100.0%", "100.0%", "+$1.00"},
		{"12.5", "1,250.0%", "+1,250.0%", "1,250.0%", "+$12.50"},
		{"-1234.567", "-123,456.7%", "-123,456.7%", "-123,456.7%", "-$1,234.57"},
	} {
		n := null(t, tc.in)
		if n.Valid {
			require.Equal(t, tc.percent, Percent(n.Decimal), "Percent(%s)", tc.in)
		}
		require.Equal(t, tc.growth, Growth(n), "Growth(%s)", tc.in)
		require.Equal(t, tc.nullPercent, NullPercent(n), "NullPercent(%s)", tc.in)
		require.Equal(t, tc.moneyDelta, MoneyDelta(n), "MoneyDelta(%s)", tc.in)
	}
}
