package datagen

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Cents is an exact amount of US dollars in hundredths. The generator computes in
// Cents so that every figure is an integer; callers convert to decimal.Decimal.
type Cents int64

// Decimal returns c as a decimal with two places.
func (c Cents) Decimal() decimal.Decimal { return decimal.New(int64(c), -2) }

// String renders c as plain decimal text, e.g. "-12.05".
func (c Cents) String() string { return string(c.Append(nil)) }

// Append appends c's decimal text to b.
func (c Cents) Append(b []byte) []byte { return appendScaled(b, int64(c), 2) }

// BasisPoints is a fraction in ten-thousandths: 1500 is 0.15 (15%).
type BasisPoints int64

// Decimal returns bp as a decimal fraction with four places.
func (bp BasisPoints) Decimal() decimal.Decimal { return decimal.New(int64(bp), -4) }

// String renders bp as a fraction with four places, e.g. "0.1500".
func (bp BasisPoints) String() string { return string(appendScaled(nil, int64(bp), 4)) }

// appendScaled writes v / 10^scale as decimal text with exactly scale fraction digits.
func appendScaled(b []byte, v int64, scale int) []byte {
	neg := v < 0
	u := uint64(v)
	if neg {
		u = uint64(-v)
		b = append(b, '-')
	}
	digits := strconv.FormatUint(u, 10)
	for len(digits) <= scale {
		digits = "0" + digits
	}
	b = append(b, digits[:len(digits)-scale]...)
	b = append(b, '.')
	return append(b, digits[len(digits)-scale:]...)
}

// NetAmount is the order's net amount, computed exactly in integers:
// ROUND(quantity × unit price × (1 − discount), 2), rounding half away from zero as
// both engines' ROUND does on decimals.
func NetAmount(quantity int64, unitPrice Cents, discount BasisPoints) Cents {
	num := quantity * int64(unitPrice) * (10000 - int64(discount)) // in 1/10000 cents
	return Cents(roundDiv(num, 10000))
}

// GrossAmount is quantity × unit price.
func GrossAmount(quantity int64, unitPrice Cents) Cents { return Cents(quantity * int64(unitPrice)) }

// roundDiv divides a by b (b > 0), rounding half away from zero.
func roundDiv(a, b int64) int64 {
	if a >= 0 {
		return (a + b/2) / b
	}
	return -((-a + b/2) / b)
}
