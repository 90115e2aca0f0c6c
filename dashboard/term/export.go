package term

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
// Every export, JSON or CSV, leaves out the columns that serve the pages only
// (drill, key, other, count): one rule, [dashboard.PublicTable].
type Export struct {
	JSON  bool
	CSV   string
	Table string
}

// Register defines -json, -csv and -table on fs.
func (e *Export) Register(fs *flag.FlagSet) {
	fs.BoolVar(&e.JSON, "json", false, "print the view's tables as JSON (decimals as strings)")
	fs.StringVar(&e.CSV, "csv", "", "write the view's tables as CSV files into this directory, one a table; \"-\" prints one table (see -table)")
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
	public := make([]dashboard.Table, len(tables))
	for i, t := range tables {
		public[i] = dashboard.PublicTable(t)
	}
	tables = public
	switch {
	case e.JSON:
		return dashboard.WriteJSON(out, tables)
	case e.CSV == Stdout && len(tables) > 1:
		return fmt.Errorf("%w: -csv - prints one table; name it with -table (%s), or give -csv a directory",
			ErrUsage, strings.Join(tableNames(tables), ", "))
	case e.CSV == Stdout:
		return dashboard.WriteCSV(out, tables[0])
	}
	return writeFiles(out, e.CSV, view, f, tables)
}

// writeFiles writes each table (public already) into dir as its own file, each written whole
// beside its name and then renamed to it, so a failure leaves no truncated
// file: a file of the same name from before stays as it was.
func writeFiles(out io.Writer, dir, view string, f dashboard.Filter, tables []dashboard.Table) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("-csv %s: %w", dir, pathError(err))
	}
	for _, t := range tables {
		path := filepath.Join(dir, dashboard.ExportName(view, t.Name, f))
		err := replaceFile(path, func(w io.Writer) error { return dashboard.WriteCSV(w, t) })
		if err != nil {
			return fmt.Errorf("-csv %s: %w", dir, pathError(err))
		}
		fmt.Fprintln(out, path)
	}
	return nil
}

// replaceFile writes what fill writes into a new file in path's directory and
// renames it to path once it is whole, readable by all (0644). When fill or
// the writing fails, the new file is removed and path is left as it was. An
// error names path, never the new file.
func replaceFile(path string, fill func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return asPath(err, path)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = asPath(err, path)
		}
	}()
	w := bufio.NewWriter(tmp)
	if err := fill(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := tmp.Chmod(newFileMode(path)); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// newFileMode is the mode the export at path gets: the old file's, when it
// replaces one, else what os.Create would give (0666 less the umask). The
// temporary file is created 0600, so it must be set.
func newFileMode(path string) os.FileMode {
	if st, err := os.Stat(path); err == nil {
		return st.Mode().Perm()
	}
	return 0o666 &^ umask()
}

// umask reads the process's umask without changing it (syscall.Umask sets it,
// racing other goroutines' files); where /proc does not tell, the usual 022.
func umask() os.FileMode {
	b, err := os.ReadFile("/proc/self/status")
	if err == nil {
		for line := range strings.Lines(string(b)) {
			if v, ok := strings.CutPrefix(line, "Umask:"); ok {
				if m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return os.FileMode(m) & os.ModePerm
				}
			}
		}
	}
	return 0o022
}

// asPath tells a file error as one of path's.
func asPath(err error, path string) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return &os.PathError{Op: pe.Op, Path: path, Err: pe.Err}
	case errors.As(err, &le):
		return &os.PathError{Op: "rename", Path: path, Err: le.Err}
	}
	return err
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
