package scan_test

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/scan"
)

// fakeDuckDecimal has the method set of the DuckDB driver's Decimal.
type fakeDuckDecimal struct{ s string }

func (f fakeDuckDecimal) String() string   { return f.s }
func (f fakeDuckDecimal) Float64() float64 { return 0 }

func TestDecimalAcceptsExactForms(t *testing.T) {
	big38, _ := new(big.Int).SetString("12345678901234567890123456789012345678", 10)
	for _, tc := range []struct {
		in   any
		want string
	}{
		{"12345.67", "12345.67"},
		{[]byte("-0.50"), "-0.5"},
		{int64(42), "42"},
		{big38, "12345678901234567890123456789012345678"},
		{fakeDuckDecimal{"123456789012345678901234567890123456.78"}, "123456789012345678901234567890123456.78"},
		{decimal.RequireFromString("1.10"), "1.1"},
	} {
		var d decimal.Decimal
		require.NoError(t, scan.Decimal(&d).Scan(tc.in), "%T", tc.in)
		require.Equal(t, tc.want, d.String())
	}
}

func TestDecimalRefusesFloatsAndNulls(t *testing.T) {
	var d decimal.Decimal
	require.ErrorIs(t, scan.Decimal(&d).Scan(12.34), scan.ErrInexact)
	require.ErrorContains(t, scan.Decimal(&d).Scan(nil), "NullDecimal")
	require.ErrorContains(t, scan.Decimal(&d).Scan("12,34"), `"12,34" is not a decimal`)

	var nd decimal.NullDecimal
	require.NoError(t, scan.NullDecimal(&nd).Scan(nil))
	require.False(t, nd.Valid)
	require.NoError(t, scan.NullDecimal(&nd).Scan("7.00"))
	require.True(t, nd.Valid)
	require.Equal(t, "7", nd.Decimal.String())
}
