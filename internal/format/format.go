package format

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Texts for values that do not exist.
const (
	// NoComparison stands for a change whose base is zero or missing: there is no
	// comparison, which is not the same as 0%.
	NoComparison = "—"
	// NotApplicable stands for a ratio that does not exist, such as attainment of a
	// zero quota.
	NotApplicable = "n/a"
)

// Money renders an amount of US dollars rounded to the cent (half away from zero)
// with thousands separators: "$1,234,567.89", "-$0.05", "$0.00".
func Money(d decimal.Decimal) string {
	return signed(d.Round(2), "", "-", "$", 2)
}

// MoneyDelta renders a change in money with its sign, "+$1,234.50" or "-$20.00",
// and [NoComparison] for a null change.
func MoneyDelta(d decimal.NullDecimal) string {
	if !d.Valid {
		return NoComparison
	}
	return signed(d.Decimal.Round(2), "+", "-", "$", 2)
}

// compactUnits are [MoneyCompact]'s units, largest first.
var compactUnits = []struct {
	exp    int32
	suffix string
}{{12, "T"}, {9, "B"}, {6, "M"}, {3, "K"}}

// MoneyCompact renders an amount in the largest unit (K, M, B, T) it reaches once
// rounded to one decimal: "$16.4M", "$1.0M" for 999,950.00, "-$2.5K"; amounts under
// $1,000 are rendered as [Money] renders them.
func MoneyCompact(d decimal.Decimal) string {
	abs := d.Abs()
	for _, u := range compactUnits {
		if v := abs.Shift(-u.exp).Round(1); v.GreaterThanOrEqual(decimal.NewFromInt(1)) {
			return signed(d.Shift(-u.exp).Round(1), "", "-", "$", 1) + u.suffix
		}
	}
	return Money(d)
}

// Int renders a count with thousands separators: "1,234,567", "-42".
func Int(n int64) string {
	return signed(decimal.NewFromInt(n), "", "-", "", 0)
}

// IntDelta renders a change in a count with its sign: "+1,234", "-7", "0".
func IntDelta(n int64) string {
	return signed(decimal.NewFromInt(n), "+", "-", "", 0)
}

// Percent renders an exact fraction as a percentage with one decimal, rounded half
// away from zero, with thousands separators: 0.2593 is "25.9%", 1 is "100.0%", 12.5
// is "1,250.0%".
func Percent(fraction decimal.Decimal) string {
	return signed(fraction.Shift(2).Round(1), "", "-", "", 1) + "%"
}

// NullPercent renders a fraction that may not exist: [Percent], or [NotApplicable].
func NullPercent(fraction decimal.NullDecimal) string {
	if !fraction.Valid {
		return NotApplicable
	}
	return Percent(fraction.Decimal)
}

// Growth renders a relative change with its sign, "+12.3%", "-4.0%" or "0.0%", and
// [NoComparison] when there is no comparison (a zero or missing base).
func Growth(fraction decimal.NullDecimal) string {
	if !fraction.Valid {
		return NoComparison
	}
	return signed(fraction.Decimal.Shift(2).Round(1), "+", "-", "", 1) + "%"
}

// signed renders d (already rounded to places) as sign, unit, grouped digits: plus
// for d > 0, minus for d < 0, nothing for zero.
func signed(d decimal.Decimal, plus, minus, unit string, places int32) string {
	sign := ""
	switch d.Sign() {
	case 1:
		sign = plus
	case -1:
		sign = minus
	}
	digits := d.Abs().StringFixed(places)
	whole, frac, _ := strings.Cut(digits, ".")
	var b strings.Builder
	b.Grow(len(sign) + len(unit) + len(digits) + len(digits)/3)
	b.WriteString(sign)
	b.WriteString(unit)
	b.WriteString(group(whole))
	if places > 0 {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// group inserts a comma between every three digits of a run of digits.
func group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	b := make([]byte, 0, len(digits)+len(digits)/3)
	lead := len(digits) % 3
	if lead == 0 {
		lead = 3
	}
	b = append(b, digits[:lead]...)
	for i := lead; i < len(digits); i += 3 {
		b = append(b, ',')
		b = append(b, digits[i:i+3]...)
	}
	return string(b)
}
