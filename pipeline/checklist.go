package pipeline

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// Checklist renders the report for a narrow terminal: a line a check (its
// result, phase and name), what was expected and what was found on the lines
// under a check that failed, then the summary. [Report.String] is the wide
// table with every figure.
func (r *Report) Checklist() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, c := range r.Checks {
		result := "ok"
		if !c.Pass {
			result = "FAIL"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", result, c.Phase, c.Name)
		if !c.Pass {
			fmt.Fprintf(w, "\t\texpected %s\n\t\tfound    %s\n", c.Expected, c.Actual)
		}
	}
	w.Flush()
	fmt.Fprintf(&b, "%d checks, %d failed\n", len(r.Checks), len(r.Failed()))
	return b.String()
}
