package embedded_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/scan"
)

// roundRat rounds num/den half away from zero to scale places, exactly.
func roundRat(num, den decimal.Decimal, scale int32) decimal.Decimal {
	r := new(big.Rat).Quo(num.Rat(), den.Rat())
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)))
	neg := r.Sign() < 0
	r.Abs(r)
	r.Add(r, big.NewRat(1, 2))
	q := new(big.Int).Quo(r.Num(), r.Denom()) // floor of |x| + 1/2
	if neg {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -scale)
}

// DivRound on DuckDB must equal exact rational division rounded half away from
// zero, for every operand shape the marts use.
func TestDivRoundIsExactOnTheEmbeddedEngine(t *testing.T) {
	t.Parallel()
	db := openMem(t).DB()
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []struct {
		num, den                  string
		numScale, denScale, scale int
	}{
		{"1.00", "8", 2, 0, 2}, {"0.05", "2", 2, 0, 2}, {"-0.05", "2", 2, 0, 2}, {"1.00", "0", 2, 0, 2},
		{"100.00", "3", 2, 0, 4}, {"2.50", "0.50", 2, 2, 4}, {"-1.00", "-3", 2, 0, 2},
		{"99999999999999.99", "7", 2, 0, 2}, {"0.01", "200", 2, 0, 2}, {"0.03", "200", 2, 0, 4},
		// a whole-number quotient; a dividend finer than the quotient (a share of
		// a 6-place metric at 4 places)
		{"7.50", "2", 2, 0, 0}, {"-7.50", "2", 2, 0, 0}, {"7.49", "1", 2, 0, 0},
		{"1.234550", "1", 6, 0, 4}, {"-0.000050", "1", 6, 0, 4}, {"-0.000049", "1", 6, 0, 4}, {"10.000001", "3.000", 6, 3, 4},
	}
	for range 300 {
		num := decimal.New(rng.Int64N(2_000_000_00)-1_000_000_00, -2)
		den := decimal.New(rng.Int64N(20_000)-10_000, -2)
		cases = append(cases, struct {
			num, den                  string
			numScale, denScale, scale int
		}{num.StringFixed(2), den.StringFixed(2), 2, 2, 2 + rng.IntN(3)*2})
	}
	d := dialect.DuckDB
	for _, c := range cases {
		num := fmt.Sprintf("CAST('%s' AS DECIMAL(38,%d))", c.num, c.numScale)
		den := fmt.Sprintf("CAST('%s' AS DECIMAL(38,%d))", c.den, c.denScale)
		var got decimal.NullDecimal
		require.NoError(t, db.QueryRow("SELECT "+d.DivRound(num, den, c.numScale, c.denScale, c.scale)).Scan(scan.NullDecimal(&got)))
		n, dd := decimal.RequireFromString(c.num), decimal.RequireFromString(c.den)
		if dd.IsZero() {
			require.False(t, got.Valid, "%s / 0 is NULL", c.num)
			continue
		}
		want := roundRat(n, dd, int32(c.scale))
		require.True(t, got.Valid)
		require.Equal(t, want.StringFixed(int32(c.scale)), got.Decimal.StringFixed(int32(c.scale)), "%s / %s at scale %d", c.num, c.den, c.scale)
	}
}
