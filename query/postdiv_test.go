package query_test

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/query"
)

// A ratio Run divides in Go rounds half away from zero, exactly, as the SQL's
// DivRound does: checked against rational arithmetic, with ties, negative
// operands, a zero divisor and NULLs.
func TestRatioDividedInGoIsExact(t *testing.T) {
	t.Parallel()
	exact := func(num, den decimal.Decimal, scale int32) string {
		r := new(big.Rat).Quo(num.Rat(), den.Rat())
		r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)))
		neg := r.Sign() < 0
		r.Abs(r).Add(r, big.NewRat(1, 2))
		q := new(big.Int).Quo(r.Num(), r.Denom())
		if neg {
			q.Neg(q)
		}
		return decimal.NewFromBigInt(q, -scale).StringFixed(scale)
	}
	cases := []struct {
		num, den any
		scale    int32
	}{
		{decimal.RequireFromString("0.05"), int64(2), 2}, {decimal.RequireFromString("-0.05"), int64(2), 2},
		{decimal.RequireFromString("100.00"), int64(3), 4}, {decimal.RequireFromString("-1.00"), int64(-3), 2},
		{decimal.RequireFromString("2.50"), decimal.RequireFromString("0.50"), 2}, {int64(7), int64(2), 4},
		{decimal.RequireFromString("99999999999999.99"), int64(7), 2}, {decimal.RequireFromString("0.01"), int64(200), 2},
	}
	for _, c := range cases {
		got := query.DivideRow(c.num, c.den, c.scale)
		n, _ := decimal.NewFromString(toString(c.num))
		d, _ := decimal.NewFromString(toString(c.den))
		require.IsType(t, decimal.Decimal{}, got, "%v / %v", c.num, c.den)
		require.Equal(t, exact(n, d, c.scale), got.(decimal.Decimal).StringFixed(c.scale), "%v / %v", c.num, c.den)
	}
	require.Nil(t, query.DivideRow(decimal.RequireFromString("1.00"), int64(0), 2), "a zero divisor gives NULL")
	require.Nil(t, query.DivideRow(nil, int64(3), 2), "a NULL dividend gives NULL")
	require.Nil(t, query.DivideRow(decimal.RequireFromString("1.00"), nil, 2), "a NULL divisor gives NULL")
}

func toString(v any) string {
	if d, ok := v.(decimal.Decimal); ok {
		return d.String()
	}
	return decimal.NewFromInt(v.(int64)).String()
}
