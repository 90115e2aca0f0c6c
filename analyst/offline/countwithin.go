package offline

import (
	"slices"
	"strings"
)

// countedWithin reads a count of groups asked per a further group: the reps
// with orders counted in each region ("number of reps by region", "how many
// reps in each region"), or those who hit quota in each region (a rep's own
// region, so their attainment is their own). Others are declined ("how many
// customers spent over $100k by segment", "how many reps hit quota by
// channel"): a reading would drop the further group or count the wrong
// thing. The words it could not place are named.
func (r *Resolver) countedWithin(in *intent) *decline {
	if in.keepAmount != nil && in.keepAmount.total {
		return nil // "which categories had more than 10,000 orders": each group's own total (keptByTotal)
	}
	if (in.countAll || in.countHit) && len(in.dims) > 1 {
		if i := slices.Index(in.dims, in.counted); i > 0 {
			// "in each region, how many reps …": the reps are counted
			in.dims = append([]string{in.counted}, slices.Delete(slices.Clone(in.dims), i, i+1)...)
		}
		if in.countHit && slices.ContainsFunc(in.dims[1:], func(d string) bool { return !repDims[d] }) || in.rank != 0 || in.grain != "" {
			// "how many reps hit quota by channel": a rep's quota is not split by channel
			return perGroupDecline(in.dims[0], in.dims[1:])
		}
		in.countBy = slices.Clone(in.dims[1:]) // "number of reps by region": counted in each region
		return nil
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

// repDims are the dimensions every order of a rep shares: a rep's quota
// attainment is the rep's own in each of their values.
var repDims = toSet("region", "rep_id", "rep_name")

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
