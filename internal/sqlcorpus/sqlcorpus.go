// Package sqlcorpus reads the SQL corpora under the module's testdata/analyst_sql
// (hostile.txt, legit.txt), shared by the guard's tests and the engines' tests.
//
// Format: one statement per line. Blank lines are skipped; lines starting with #
// are comments, and a line "## name" starts the class "name" for the statements
// below it. A statement's text is literal (a backslash is a backslash) except for
// placeholders: {LF} newline, {CR} carriage return, {TAB} tab, {NUL} a NUL byte,
// {EMPTY} the empty statement, and {FILE} and {DIR}, which [Statement.Expand]
// replaces with a test's canary file and scratch directory.
//
//	stmts, err := sqlcorpus.Load(filepath.Join(root, "testdata/analyst_sql/hostile.txt"))
//	for _, s := range stmts {
//		sql := s.Expand(canaryFile, scratchDir)
//	}
package sqlcorpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Statement is one corpus record.
type Statement struct {
	Class string // the "## class" it is under
	Line  int    // its line in the file
	Text  string // as written, placeholders unexpanded
}

// Expand returns the statement's SQL with its placeholders replaced.
func (s Statement) Expand(file, dir string) string {
	return strings.NewReplacer(
		"{LF}", "\n", "{CR}", "\r", "{TAB}", "\t", "{NUL}", "\x00", "{EMPTY}", "",
		"{FILE}", file, "{DIR}", dir,
	).Replace(s.Text)
}

// Dir returns the corpus directory, testdata/analyst_sql at the module root.
func Dir() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "testdata", "analyst_sql")
}

// Load reads the corpus file name ("hostile.txt" or "legit.txt") from [Dir].
func Load(name string) ([]Statement, error) {
	f, err := os.Open(filepath.Join(Dir(), name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Statement
	class := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			class = strings.TrimSpace(line[3:])
		case strings.HasPrefix(line, "#"), strings.TrimSpace(line) == "":
		default:
			out = append(out, Statement{Class: class, Line: n, Text: line})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("sqlcorpus: %s: %w", name, err)
	}
	return out, nil
}
