package offline

import (
	"fmt"
	"slices"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// declined makes the resolution of a decline, with questions built from the
// model that can be answered.
func (r *Resolver) declined(d *decline) *Resolution {
	return &Resolution{Declined: true, Reason: d.reason, Suggestions: r.Starters()}
}

// Starters are questions the analyst answers, to offer someone starting: the
// model's onboarding questions, then questions built from the model's own names.
func (r *Resolver) Starters() []string {
	var out []string
	for _, vq := range r.model.VerifiedQueries {
		if vq.UseAsOnboardingQuestion {
			out = append(out, vq.Question)
		}
	}
	metric, dim, value := r.example()
	if metric == "" {
		return out
	}
	out = append(out,
		fmt.Sprintf("%s by %s last quarter", capital(metric), dim),
		fmt.Sprintf("How did %s change from 2024 to 2025?", value),
	)
	return out
}

// example picks a metric, a grouping dimension and a value from the model for
// suggestions: the first metric, the first enum dimension and its first value.
func (r *Resolver) example() (metric, dim, value string) {
	for _, f := range r.model.Fields() {
		switch {
		case f.Kind == semantic.KindMetric && metric == "":
			metric = label(f.Name)
		case f.Kind == semantic.KindDimension && f.IsEnum && len(f.SampleValues) > 0 && dim == "":
			dim, value = label(f.Name), f.SampleValues[0]
		}
	}
	return metric, dim, value
}

// followUps suggests what to ask after an answer: a breakdown by a dimension the
// answer does not use, another period, and a trend or a shorter list.
func (r *Resolver) followUps(in *intent) []string {
	var out []string
	for _, f := range r.model.Fields() {
		if f.Kind == semantic.KindDimension && f.IsEnum && !slices.Contains(in.dims, f.Name) && !filtered(in, f.Name) {
			out = append(out, "Break that down by "+label(f.Name))
			break
		}
	}
	switch {
	case in.compare:
	case len(in.periods) == 1 && in.periods[0].unit == "year":
		out = append(out, fmt.Sprintf("And in %d?", in.periods[0].from.Year()-1))
	case len(in.periods) == 0:
		out = append(out, "And last quarter?")
	default:
		out = append(out, "And in 2024?")
	}
	switch {
	case in.rank != 0 && in.limit > 3:
		out = append(out, "Top 3 instead")
	case in.grain == "" && len(in.dims) == 0:
		out = append(out, capital(label(in.metrics[0]))+" by month")
	case len(in.dims) > 0 && in.rank == 0:
		out = append(out, fmt.Sprintf("Top 5 %s by %s", plural(label(in.dims[0])), label(in.metrics[0])))
	}
	return out
}

func filtered(in *intent, dim string) bool {
	for _, f := range in.filters {
		if f.dim == dim {
			return true
		}
	}
	return false
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
