// Package format writes money, counts, percentages and changes for people: the
// one set of rules the terminal programs (through internal/termui) and the web
// dashboard share, so a figure reads the same everywhere. Money is exact: an
// amount is rounded to the cent half away from zero, never through a float.
//
//	format.Money(decimal.RequireFromString("1234567.891"))  // "$1,234,567.89"
//	format.MoneyCompact(decimal.RequireFromString("16421224.58")) // "$16.4M"
//	format.Int(-42)                                          // "-42"
//	format.Percent(decimal.RequireFromString("0.2593"))      // "25.9%"
package format
