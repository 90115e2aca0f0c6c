package analyst

import "time"

// Scope is a filter that every answer of a conversation keeps, as a dashboard
// page's filter keeps every figure on the page: the analyst page opened from the
// West region's page answers "top 5 reps" for the West. A question's own filter
// on the same dimension, or its own period, wins over the scope's.
type Scope struct {
	// Values keep the rows whose dimension is one of the values.
	Values []ScopeValues
	// From and To bound the order dates, inclusive; both zero means all dates.
	From, To time.Time
}

// ScopeValues are the values one dimension of the model (by its name: region,
// segment, rep_name …) is kept to.
type ScopeValues struct {
	Dimension string
	Values    []string
}

// Empty reports whether s keeps nothing out.
func (s Scope) Empty() bool {
	for _, v := range s.Values {
		if len(v.Values) > 0 {
			return false
		}
	}
	return s.From.IsZero() && s.To.IsZero()
}

// Scoper is an [Analyst] that can keep a [Scope] on every answer: Scoped
// returns the analyst that does, or an error naming what of s it cannot keep
// (a dimension the model does not have, a range that ends before it starts).
// The offline analyst is one; Cortex Analyst is not.
type Scoper interface {
	Analyst
	Scoped(s Scope) (Analyst, error)
}
