package request

import (
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/query"
)

// PeriodNames lists the relative ranges a request's period takes, spelled as
// the dashboard's period presets are (last-year, with a hyphen): the one
// spelling help and errors print. [ParsePeriod] also takes the query
// package's (last_year).
const PeriodNames = "today, yesterday, this-week, last-week, this-month, last-month, this-quarter, last-quarter, this-year, last-year"

// PeriodSpellings lists every spelling of the relative ranges that
// [ParsePeriod] takes in lower case: each name of [PeriodNames], then its
// query-package spelling where that differs (last-year, ..., last_year). It
// is the enum the request's JSON schema declares, so a client that validates
// against the schema is refused no spelling the server takes.
func PeriodSpellings() []string {
	names := strings.Split(PeriodNames, ", ")
	out := slices.Clone(names)
	for _, n := range names {
		if u := strings.ReplaceAll(n, "-", "_"); u != n {
			out = append(out, u)
		}
	}
	return out
}

// ParsePeriod reads a relative range in either spelling, any case:
// "last-year" and "last_year" are both [query.LastYear]. The result may be
// invalid; check it with Valid.
func ParsePeriod(s string) query.Relative {
	return query.Relative(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_"))
}
