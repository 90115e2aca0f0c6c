package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/internal/golden"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"salesanalytics": main})
}

// TestScripts runs the scripts in testdata/script against one small embedded
// warehouse (scale 0.02, as $WAREHOUSE; scripts pass -db $WAREHOUSE -scale
// $SCALE), every subcommand with its bad flags, a missing warehouse and its
// -json output parsed back.
func TestScripts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sales.duckdb")
	wh, err := (&connect.Flags{DB: db, Scale: 0.02, Build: true}).Open(context.Background(), os.Stderr)
	require.NoError(t, err)
	require.NoError(t, wh.Close())
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("testdata", "script"),
		UpdateScripts: golden.Updating(),
		Setup: func(env *testscript.Env) error {
			// Each script its own copy: DuckDB lets one process open a file.
			own := filepath.Join(env.WorkDir, "sales.duckdb")
			data, err := os.ReadFile(db)
			if err != nil {
				return err
			}
			if err := os.WriteFile(own, data, 0o644); err != nil {
				return err
			}
			env.Setenv("WAREHOUSE", own)
			env.Setenv("SCALE", "0.02")
			env.Setenv("HOME", dir)
			env.Setenv("XDG_CACHE_HOME", dir)
			env.Setenv("NO_COLOR", "1")
			env.Setenv("COLUMNS", "80")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sumcheck": sumcheck,
			"jsonhas":  jsonhas,
			"fits":     fits,
		},
	})
}

// sumcheck PARTS TOTAL METRIC parses two `query -json` outputs and checks that
// the metric of PARTS' rows sums, exactly, to TOTAL's single row.
func sumcheck(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: sumcheck parts.json total.json metric")
	}
	read := func(file string) []map[string]any {
		var out struct {
			Rows []map[string]any `json:"rows"`
		}
		ts.Check(json.Unmarshal([]byte(ts.ReadFile(file)), &out))
		return out.Rows
	}
	sum := decimal.Zero
	parts := read(args[0])
	for _, r := range parts {
		s, ok := r[args[2]].(string)
		if !ok {
			ts.Fatalf("%s: %s is %T, want a decimal string", args[0], args[2], r[args[2]])
		}
		sum = sum.Add(decimal.RequireFromString(s))
	}
	total := read(args[1])
	if len(parts) < 2 || len(total) != 1 {
		ts.Fatalf("%d parts, %d total rows", len(parts), len(total))
	}
	if want := total[0][args[2]]; sum.StringFixed(2) != want {
		ts.Fatalf("the parts sum to %s, the total is %v", sum.StringFixed(2), want)
	}
}

// jsonhas FILE KEY... parses FILE (stdout for the last command's output) as
// one JSON object and checks it has each key, non-empty.
func jsonhas(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: jsonhas file key...")
	}
	var m map[string]any
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &m))
	for _, k := range args[1:] {
		v, ok := m[k]
		if !ok || v == nil || v == "" {
			ts.Fatalf("%s: no %q in %s", args[0], k, strings.Join(keys(m), ", "))
		}
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// fits N FILE checks that no line of FILE (stdout for the last command's
// output) is wider than N columns.
func fits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: fits N file")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	for i, line := range strings.Split(ts.ReadFile(args[1]), "\n") {
		if w := utf8.RuneCountInString(line); w > n {
			ts.Fatalf("%s line %d is %d columns wide, more than %d: %q", args[1], i+1, w, n, line)
		}
	}
}
