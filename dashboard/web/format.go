package web

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// The page's number formats. Every figure is formatted from its exact decimal:
// money to the cent with thousands separators, counts whole, shares and changes
// as percentages with two decimals.

// money formats d as dollars: "$1,234,567.89", "-$12.00".
func money(d decimal.Decimal) string {
	if d.IsNegative() {
		return "-$" + group(d.Neg().StringFixed(2))
	}
	return "$" + group(d.StringFixed(2))
}

// count formats a whole number with thousands separators.
func count(n int64) string {
	return group(decimal.NewFromInt(n).String())
}

// pct formats a fraction (0.0525) as "5.25%".
func pct(f decimal.Decimal) string {
	return f.Shift(2).StringFixed(2) + "%"
}

// nullMoney, nullPct and nullCount print "—" for a null value.
func nullMoney(d decimal.NullDecimal) string {
	if !d.Valid {
		return "—"
	}
	return money(d.Decimal)
}

func nullPct(d decimal.NullDecimal) string {
	if !d.Valid {
		return "—"
	}
	return pct(d.Decimal)
}

// signed prefixes a formatted non-negative figure with + (a change).
func signed(d decimal.Decimal, format func(decimal.Decimal) string) string {
	if d.IsPositive() {
		return "+" + format(d)
	}
	return format(d)
}

// group inserts thousands separators into a plain decimal string ("1234.50").
func group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}

// days formats a period: "1 Jan – 31 Mar 2025", or one day alone.
func days(from, to time.Time) string {
	switch {
	case from.Equal(to):
		return to.Format("2 Jan 2006")
	case from.Year() == to.Year():
		return from.Format("2 Jan") + " – " + to.Format("2 Jan 2006")
	default:
		return from.Format("2 Jan 2006") + " – " + to.Format("2 Jan 2006")
	}
}

// float returns d as a float64 for placing a chart mark only; labels never use it.
func float(d decimal.Decimal) float64 {
	f, _ := d.Float64()
	return f
}
