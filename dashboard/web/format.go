package web

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/internal/format"
)

// The page's number formats. Every figure is formatted from its exact decimal:
// money to the cent with thousands separators, counts whole, shares and changes
// as percentages with two decimals (the views round fractions to 4 places, so a
// page shows them exactly).

// money and count are the formats the terminal programs share (internal/format), so a
// figure reads the same on a page and in a terminal: "$1,234,567.89", "12,345".
func money(d decimal.Decimal) string { return format.Money(d) }

func count(n int64) string { return format.Int(n) }

// headlineFrom is the amount from which a headline figure is shown compactly.
var headlineFrom = decimal.NewFromInt(100_000)

// headline formats money for a KPI card: compactly from $100,000 ("$395.1M"),
// exactly below; the card's title holds the exact figure.
func headline(d decimal.Decimal) string {
	if d.Abs().GreaterThanOrEqual(headlineFrom) {
		return format.MoneyCompact(d)
	}
	return money(d)
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
