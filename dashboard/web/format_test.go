package web

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func TestFormats(t *testing.T) {
	t.Parallel()
	d := decimal.RequireFromString
	cases := []struct{ got, want string }{
		{money(d("1234567.891")), "$1,234,567.89"},
		{money(d("-12")), "-$12.00"},
		{money(d("999.995")), "$1,000.00"},
		{money(d("0")), "$0.00"},
		{count(1000000), "1,000,000"},
		{count(-4321), "-4,321"},
		{count(7), "7"},
		{pct(d("0.0525")), "5.25%"},
		{pct(d("-0.1")), "-10.00%"},
		{signed(d("3.5"), money), "+$3.50"},
		{signed(d("-3.5"), money), "-$3.50"},
		{nullMoney(decimal.NullDecimal{}), "—"},
		{headline(d("395090527.40")), "$395.1M"},
		{headline(d("99999.99")), "$99,999.99"},
		{headline(d("100000")), "$100.0K"},
		{signed(d("-1250000"), headline), "-$1.3M"},
		{days(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)), "1 Jan – 31 Mar 2025"},
		{days(time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC)), "1 Dec 2024 – 31 Jan 2025"},
	}
	for _, c := range cases {
		require.Equal(t, c.want, c.got)
	}
}
