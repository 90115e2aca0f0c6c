package term

import (
	"fmt"
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// Show prints v: its tables as JSON or CSV when the command line asks
// (-json, -csv, -table), and otherwise what render writes (one of the
// session's view methods, such as [Page.Reps]).
func (s *Session) Show(v dashboard.Exporter, render func() error) error {
	if s.p.json || s.p.csv {
		return s.export(v.Tables())
	}
	return render()
}

func (s *Session) export(tables []dashboard.Table) error {
	if s.p.table != "" {
		names := make([]string, len(tables))
		for i, t := range tables {
			names[i] = t.Name
		}
		i := slices.Index(names, s.p.table)
		if i < 0 {
			return fmt.Errorf("%w: unknown -table %q (valid: %s)", ErrUsage, s.p.table, strings.Join(names, ", "))
		}
		tables = tables[i : i+1]
	}
	if s.p.json {
		return dashboard.WriteJSON(s.out, tables)
	}
	for i, t := range tables {
		if len(tables) > 1 {
			if i > 0 {
				fmt.Fprintln(s.out)
			}
			fmt.Fprintf(s.out, "# %s\n", t.Name)
		}
		if err := dashboard.WriteCSV(s.out, t); err != nil {
			return err
		}
	}
	return nil
}
