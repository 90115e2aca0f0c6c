package offline

import (
	"slices"
	"strings"
)

// countedWithin declines a count of groups asked per a further group ("number
// of reps by region", "how many reps hit quota by region", "how many
// customers spent over $100k by segment"): the count is of the whole, so a
// reading of it would drop the further group or count the wrong thing. The
// words it could not place are named.
func (r *Resolver) countedWithin(in *intent) *decline {
	if in.keepAmount != nil && in.keepAmount.total {
		return nil // "which categories had more than 10,000 orders": each group's own total (keptByTotal)
	}
	if (in.countAll || in.countHit) && len(in.dims) > 1 {
		return perGroupDecline(in.dims[0], in.dims[1:])
	}
	if in.keepAmount == nil || len(in.dims) == 0 {
		return nil
	}
	for dim, m := range r.countOf {
		if strings.HasSuffix(dim, "_name") && slices.Contains(in.metrics, m) && !slices.Contains(in.dims, dim) {
			// "customers who spent over $100k by region": the customers kept,
			// counted per region, is not a query the model compiles
			return perGroupDecline(dim, in.dims)
		}
	}
	return nil
}

// perGroupDecline says which group could be counted and which "by" words
// could not be placed.
func perGroupDecline(counted string, by []string) *decline {
	words := make([]string, len(by))
	for i, d := range by {
		words[i] = "\"by " + label(d) + "\""
	}
	return unsupported("I can count the %s in all, but not per group: I could not place %s; ask for the count without it, or list the %s with their %s",
		plural(label(counted)), joinAnd(words), plural(label(counted)), joinAnd(slices.Clone(by)))
}

// rankedByCount declines a ranking by how many of a thing the model has no
// count of ("which region has the most reps"): read as a second group it
// would rank by revenue.
func rankedByCount(most, thing, ranked string) *decline {
	return unsupported("The model has no count of %s, so I could not place %q: ask for the %s with their %s, or rank the %s by a measure such as revenue",
		thing, most+" "+thing, plural(label(ranked)), thing, plural(label(ranked)))
}
