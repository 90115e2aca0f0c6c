package term

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// runProgram runs a fresh program named "viewer" with args and returns its exit
// code, stdout and stderr. The view records the session it was given.
func runProgram(tb testing.TB, args []string, view func(context.Context, *Session) error) (int, string, string) {
	tb.Helper()
	p := New("viewer", "a test view")
	var out, errw bytes.Buffer
	code := p.run(args, &out, &errw, view)
	return code, out.String(), errw.String()
}

func neverCalled(tb testing.TB) func(context.Context, *Session) error {
	return func(context.Context, *Session) error {
		tb.Helper()
		tb.Error("the view ran although the command line was refused")
		return nil
	}
}

// TestUsageErrorsAreOneLineAndExit2: a bad command line is refused before any
// warehouse is opened, with one line naming the program and the problem.
func TestUsageErrorsAreOneLineAndExit2(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-nope"}, "viewer: flag provided but not defined: -nope (-h lists the flags)"},
		{"bad compare", []string{"-compare", "lastweek"}, `viewer: -compare "lastweek" (valid: previous, year, none) (-h lists the flags)`},
		{"malformed date", []string{"-from", "2025-13-01"}, `viewer: -from "2025-13-01" is not a date (want YYYY-MM-DD) (-h lists the flags)`},
		{"start after end", []string{"-from", "2025-03-01", "-to", "2025-02-01"}, "viewer: "},
		{"stray argument", []string{"extra"}, `viewer: unexpected argument "extra" (flags only; -h lists them)`},
		{"json and csv", []string{"-json", "-csv", "out"}, "viewer: -json and -csv: choose one"},
		{"csv without a directory", []string{"-csv", "-table", "regions"}, "viewer: -csv takes a directory, or - for standard output (-csv -table is a flag)"},
		{"bad id", []string{"-rep", "-1"}, `viewer: -rep "-1" is not an id (want a whole number ≥ 0) or a name`},
		{"bad period", []string{"-period", "lastweek"}, `viewer: -period "lastweek" is not a period (valid: last-30-days, this-quarter, last-quarter, ytd, last-year, all)`},
		{"period and dates", []string{"-period", "ytd", "-from", "2025-01-01"}, "viewer: -period ytd and -from/-to: give one or the other"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			code, out, errw := runProgram(t, c.args, neverCalled(t))
			require.Equal(t, ExitUsage, code)
			require.Empty(t, out)
			require.True(t, strings.HasPrefix(errw, c.want), "stderr %q does not start with %q", errw, c.want)
			require.Equal(t, 1, strings.Count(errw, "\n"), "one line: %q", errw)
			require.NotContains(t, errw, "dashboard: invalid filter", "package prefixes are dropped")
		})
	}
}

func TestHelpListsTheFlagsAndSucceeds(t *testing.T) {
	t.Parallel()
	code, out, errw := runProgram(t, []string{"-h"}, neverCalled(t))
	require.Equal(t, 0, code)
	require.Empty(t, out)
	require.True(t, strings.HasPrefix(errw, "viewer: a test view\n\nUsage of viewer:\n"), errw)
	for _, f := range []string{"-engine", "-db", "-connection", "-scale", "-from", "-to", "-region", "-category", "-segment", "-rep", "-channel", "-compare", "-json", "-csv", "-table"} {
		require.Regexp(t, `(?m)^  `+f+`\b`, errw, "help lists %s", f)
	}
}

var (
	smallOnce sync.Once
	smallDB   string
	smallErr  error
	testDir   string // TestMain's scratch directory, removed after the tests
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "term-test-")
	if err != nil {
		panic(err)
	}
	testDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// small returns a warehouse file at scale 0.01, built once through the same path
// the programs take (-db names a file that does not exist yet). The tests that
// open it run one after another: every open runs the (idempotent) set-up, and
// two handles on one file would race on it.
func small(tb testing.TB) string {
	tb.Helper()
	smallOnce.Do(func() {
		smallDB = filepath.Join(testDir, "small.duckdb")
		code, _, errw := runProgram(tb, []string{"-db", smallDB, "-scale", "0.01", "-build"}, func(context.Context, *Session) error { return nil })
		if code != 0 {
			smallErr = errors.New(errw)
		}
	})
	require.NoError(tb, smallErr)
	return smallDB
}

// TestSessionCarriesTheCommandLine: the view gets the parsed filter and
// comparison and an open dashboard over the file -db names.
func TestSessionCarriesTheCommandLine(t *testing.T) {
	db := small(t)
	var got *Session
	var cat *dashboard.Catalog
	code, _, errw := runProgram(t, []string{"-db", db, "-from", "2025-01-01", "-region", "North,South", "-compare", "year"},
		func(ctx context.Context, s *Session) error {
			got = s
			var err error
			cat, err = s.Dashboard.Catalog(ctx)
			return err
		})
	require.Equal(t, 0, code, errw)
	require.Equal(t, dashboard.CompareYear, got.Compare)
	require.Equal(t, []string{"North", "South"}, got.Filter.Regions)
	require.Equal(t, "2025-01-01", got.Filter.From.Format("2006-01-02"))
	require.False(t, got.ui.Color, "a buffer is no terminal: no colour")
	require.Contains(t, cat.Regions, "North")
}

// TestExitCodesOfViewErrors: an unknown filter value the dashboard finds is a
// usage error (2); any other failure exits 1; both print one line.
func TestExitCodesOfViewErrors(t *testing.T) {
	db := small(t)
	code, _, errw := runProgram(t, []string{"-db", db, "-region", "Atlantis"}, func(ctx context.Context, s *Session) error {
		_, err := s.Dashboard.Regional(ctx, s.Filter, dashboard.RegionalOptions{})
		return err
	})
	require.Equal(t, ExitUsage, code)
	require.Contains(t, errw, `Atlantis`)
	require.Contains(t, errw, "North", "the valid regions are named")
	require.Equal(t, 1, strings.Count(errw, "\n"))

	code, _, errw = runProgram(t, []string{"-db", db}, func(context.Context, *Session) error {
		return errors.New("disk on fire\nsecond line")
	})
	require.Equal(t, ExitFailure, code)
	require.Equal(t, "viewer: disk on fire second line\n", errw)
}

// TestExports: -json and -csv print the view's tables exactly as the view
// exports them; -table picks one and an unknown one names the valid tables.
func TestExports(t *testing.T) {
	db := small(t)
	view := exportedCustomers(t)
	base := []string{"-db", db, "-from", "2025-01-01", "-to", "2025-06-30"}

	code, out, errw := runProgram(t, append(base, "-json"), view)
	require.Equal(t, 0, code, errw)
	var doc struct {
		Tables []struct {
			Name    string           `json:"name"`
			Columns []string         `json:"columns"`
			Rows    []map[string]any `json:"rows"`
		} `json:"tables"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	tables := doc.Tables
	require.Len(t, tables, 4)
	require.Equal(t, dashboard.TableSegments, tables[0].Name)
	for _, r := range tables[0].Rows {
		require.IsType(t, "", r["revenue"], "money is a string in JSON")
	}
	for _, tb := range tables { // the pages' columns are not exported, in JSON as in CSV
		for _, internal := range []string{"drill", "key", "other", "count"} {
			require.NotContains(t, tb.Columns, internal, tb.Name)
			for _, r := range tb.Rows {
				require.NotContains(t, r, internal, tb.Name)
			}
		}
	}

	code, out, errw = runProgram(t, append(base, "-csv", "-", "-table", dashboard.TableTopCustomers), view)
	require.Equal(t, 0, code, errw)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, "rank", recs[0][0])
	require.NotContains(t, recs[0], "drill", "the pages' columns are not exported")
	require.Len(t, recs, 1+3+1, "header, the top 3 and Other")
	require.Equal(t, dashboard.TableTopCustomers, tables[2].Name)
	require.Equal(t, recs[0], tables[2].Columns, "JSON and CSV export the same columns")

	code, _, errw = runProgram(t, append(base, "-json", "-table", "nope"), view)
	require.Equal(t, ExitUsage, code)
	require.Equal(t, `viewer: unknown -table "nope" (valid: segments, industries, top_customers, new_vs_returning)`+"\n", errw)
}

// TestNegativeTopNamesTheFlag: -top -3 is refused in the words of the command
// line, before any warehouse is opened.
func TestNegativeTopNamesTheFlag(t *testing.T) {
	t.Parallel()
	p := New("viewer", "a test view")
	p.Flags.Int("top", 5, "rows listed")
	var out, errw bytes.Buffer
	code := p.run([]string{"-top", "-3"}, &out, &errw, neverCalled(t))
	require.Equal(t, ExitUsage, code)
	require.Equal(t, "viewer: -top -3: give a count of 0 or more\n", errw.String())
}

// exportedCustomers is a program's view that shows the customer view (top 3)
// and fails the test if it renders instead of exporting.
func exportedCustomers(t *testing.T) func(context.Context, *Session) error {
	return func(ctx context.Context, s *Session) error {
		v, err := s.Dashboard.Customers(ctx, s.Filter, dashboard.CustomersOptions{Compare: s.Compare, TopN: 3})
		if err != nil {
			return err
		}
		return s.Show(v, func() error { t.Error("rendered instead of exported"); return nil })
	}
}
