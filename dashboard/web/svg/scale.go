package svg

import (
	"math"
	"strconv"
	"strings"
)

// ticks returns about n round tick values covering [lo, hi]; lo is 0 for charts
// whose bars start at zero. The values place grid lines only.
func ticks(lo, hi float64, n int) []float64 {
	if hi <= lo {
		hi = lo + 1
	}
	step := niceStep((hi - lo) / float64(max(n, 1)))
	start := math.Floor(lo/step) * step
	var out []float64
	for i := 0; i < 100; i++ { // bounded: at most n+2 steps in practice
		v := math.Round((start+float64(i)*step)/step) * step
		out = append(out, v)
		if v >= hi-step*1e-9 {
			break
		}
	}
	return out
}

// niceStep rounds a raw step up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// Compact formats an axis tick compactly: 1200 → "1.2K", 3400000 → "3.4M". It
// is for axis labels, which are positions on a scale, never for data values.
func Compact(v float64) string {
	a := math.Abs(v)
	unit, div := "", 1.0
	switch {
	case a >= 1e9:
		unit, div = "B", 1e9
	case a >= 1e6:
		unit, div = "M", 1e6
	case a >= 1e3:
		unit, div = "K", 1e3
	}
	s := strconv.FormatFloat(v/div, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return s + unit
}

// Money formats an axis tick as currency: "$1.2M".
func Money(v float64) string {
	if v < 0 {
		return "-$" + Compact(-v)
	}
	return "$" + Compact(v)
}

// Percent formats a fraction tick (0.25) as "25%".
func Percent(v float64) string {
	return strconv.FormatFloat(v*100, 'f', -1, 64) + "%"
}

// extent returns the smallest and largest value, 0 and 0 for none.
func extent(vs []float64) (lo, hi float64) {
	for i, v := range vs {
		if i == 0 || v < lo {
			lo = v
		}
		if i == 0 || v > hi {
			hi = v
		}
	}
	return lo, hi
}
