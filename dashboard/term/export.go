package term

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// Stdout is the -csv value that writes to standard output instead of a
// directory.
const Stdout = "-"

// Export is how a program writes a view's tables instead of its page:
//
//	-json          every table as JSON on standard output (decimals as strings)
//	-csv DIR       a CSV file per table in DIR, named as the web names its
//	               downloads (executive-regions-2025-West.csv)
//	-csv -         one table as CSV on standard output (-table names it when
//	               the view has several)
//	-table NAME    only this table
//
// A CSV file leaves out the columns that serve the pages only (drill, key,
// other, count).
type Export struct {
	JSON  bool
	CSV   string
	Table string
}

// Register defines -json, -csv and -table on fs.
func (e *Export) Register(fs *flag.FlagSet) {
	fs.BoolVar(&e.JSON, "json", false, "print the view's tables as JSON (decimals as strings)")
	fs.StringVar(&e.CSV, "csv", "", "write the view's tables as CSV files into this directory, one a table; - prints one table (see -table)")
	fs.StringVar(&e.Table, "table", "", "with -json or -csv, only this table")
}

// Active reports whether the command line asks for an export.
func (e *Export) Active() bool { return e.JSON || e.CSV != "" }

// Check reports a conflict of the flags: -json with -csv, or a -csv that took
// the next flag for its directory (-csv -table regions).
func (e *Export) Check() error {
	if e.JSON && e.CSV != "" {
		return fmt.Errorf("%w: -json and -csv: choose one", ErrUsage)
	}
	if e.CSV != Stdout && strings.HasPrefix(e.CSV, "-") {
		return fmt.Errorf("%w: -csv takes a directory, or - for standard output (-csv %s is a flag)", ErrUsage, e.CSV)
	}
	return nil
}

// Write exports the tables of view (a [View] name: executive, regional, …)
// computed for f to out, or to files in the -csv directory, whose names it
// prints to out one a line.
func (e *Export) Write(out io.Writer, view string, f dashboard.Filter, tables []dashboard.Table) error {
	if e.Table != "" {
		names := tableNames(tables)
		i := slices.Index(names, e.Table)
		if i < 0 {
			return fmt.Errorf("%w: unknown -table %q (valid: %s)", ErrUsage, e.Table, strings.Join(names, ", "))
		}
		tables = tables[i : i+1]
	}
	switch {
	case e.JSON:
		return dashboard.WriteJSON(out, tables)
	case e.CSV == Stdout && len(tables) > 1:
		return fmt.Errorf("%w: -csv - prints one table; name it with -table (%s), or give -csv a directory",
			ErrUsage, strings.Join(tableNames(tables), ", "))
	case e.CSV == Stdout:
		return dashboard.WriteCSV(out, dashboard.PublicTable(tables[0]))
	}
	return writeFiles(out, e.CSV, view, f, tables)
}

// writeFiles writes each table into dir as its own file, each built whole in
// memory first, so a failure leaves no truncated file.
func writeFiles(out io.Writer, dir, view string, f dashboard.Filter, tables []dashboard.Table) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("-csv %s: %w", dir, pathError(err))
	}
	for _, t := range tables {
		var buf bytes.Buffer
		if err := dashboard.WriteCSV(&buf, dashboard.PublicTable(t)); err != nil {
			return err
		}
		path := filepath.Join(dir, dashboard.ExportName(view, t.Name, f))
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("-csv %s: %w", dir, pathError(err))
		}
		fmt.Fprintln(out, path)
	}
	return nil
}

// pathError is a file error without the operation and path the message
// already names.
func pathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

func tableNames(tables []dashboard.Table) []string {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.Name
	}
	return names
}

// Show prints v: its tables as JSON or CSV when the command line asks
// (-json, -csv, -table), and otherwise what render writes (one of the
// session's view methods, such as [Page.Reps]).
func (s *Session) Show(v dashboard.Exporter, render func() error) error {
	if s.p.export.Active() {
		return s.p.export.Write(s.out, ViewName(v), s.Filter, v.Tables())
	}
	return render()
}

// ViewName is the name of a view's page (one of the View constants), as its
// exports are named: [ViewExecutive] for a [dashboard.Executive].
func ViewName(v dashboard.Exporter) string {
	switch v.(type) {
	case dashboard.Executive:
		return ViewExecutive
	case dashboard.Regional:
		return ViewRegional
	case dashboard.Product:
		return ViewProduct
	case dashboard.Reps:
		return ViewReps
	case dashboard.Customers:
		return ViewCustomers
	}
	return "view"
}
