package query

import (
	"time"
)

// Bounds on what Compile accepts, so a request built from untrusted input is
// refused quickly with an error instead of exhausting time or stack.
const (
	// MaxFilterDepth is the deepest nesting of And, Or and Not in one filter.
	MaxFilterDepth = 64
	// MaxFilterNodes is the most comparisons and connectives in one filter.
	MaxFilterNodes = 10_000
)

// The dates both engines store and compare exactly: years 1 to 9999. A bound
// outside them is refused rather than left to overflow in a driver (where it can
// wrap around and match everything).
var (
	minDate = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	maxDate = time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC)
)

// checkFilter refuses a filter tree deeper than MaxFilterDepth or larger than
// MaxFilterNodes. It stops at the first level beyond the depth, so its own
// recursion is bounded too.
func checkFilter(f Filter, what string) error {
	nodes := 0
	var walk func(f Filter, depth int) error
	walk = func(f Filter, depth int) error {
		nodes++
		if nodes > MaxFilterNodes {
			return invalid("%s: more than %d comparisons and connectives", what, MaxFilterNodes)
		}
		if depth > MaxFilterDepth {
			return invalid("%s: And, Or and Not nest more than %d levels", what, MaxFilterDepth)
		}
		var parts []Filter
		switch f := f.(type) {
		case AndFilter:
			parts = f
		case OrFilter:
			parts = f
		case NotFilter:
			parts = []Filter{f.X}
		}
		for _, p := range parts {
			if err := walk(p, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(f, 1)
}

// inDateRange reports whether t is a date both engines hold.
func inDateRange(t time.Time) bool {
	return !t.Before(minDate) && !t.After(maxDate)
}
