package salesanalytics_test

import (
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	duckdbDriver    = "github.com/duckdb/duckdb-go/v2"
	snowflakeDriver = "github.com/snowflakedb/gosnowflake"
	module          = "github.com/salesanalytics/salesanalytics"
)

// pure lists packages that must build without cgo: everything but the embedded
// engine and the programs on top.
var pure = []string{
	"dialect", "warehouse", "scan", "semantic", "query", "marts", "dashboard", "dashboard/web", "dashboard/web/svg",
	"analyst", "analyst/offline", "engine", "pipeline", "pipeline/datagen",
	"internal/snowfake", "internal/termui", "engine/snowflake/connection", "internal/sqlparse", "internal/sqlcorpus",
	"internal/evalset", "query/querytest", "pipeline/pipelinetest",
}

func goList(tb testing.TB, env []string, args ...string) string {
	tb.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	require.NoError(tb, err, "go list %v: %s", args, out)
	return string(out)
}

// importers returns the module's packages that import pkg directly.
func importers(tb testing.TB, pkg string) []string {
	var out []string
	for _, line := range strings.Split(goList(tb, nil, "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./..."), "\n") {
		fields := strings.Fields(line)
		for _, imp := range fields[min(1, len(fields)):] {
			if imp == pkg {
				out = append(out, strings.TrimPrefix(fields[0], module+"/"))
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestDuckDBDriverIsImportedByOnePackage(t *testing.T) {
	require.Equal(t, []string{"engine/embedded"}, importers(t, duckdbDriver))
}

func TestSnowflakeDriverIsImportedByOnePackage(t *testing.T) {
	require.Equal(t, []string{"engine/snowflake"}, importers(t, snowflakeDriver))
}

func TestPurePackagesBuildWithoutCgo(t *testing.T) {
	requireCgoFree(t, pure, duckdbDriver, snowflakeDriver)
}

// TestSnowflakeOnlyProgramBuildsWithoutCgo: a service that imports only the
// Snowflake engine (and what it needs to query) links no DuckDB and no cgo.
func TestSnowflakeOnlyProgramBuildsWithoutCgo(t *testing.T) {
	requireCgoFree(t, []string{"engine/snowflake", "query", "marts", "pipeline"}, duckdbDriver)
}

// requireCgoFree builds pkgs with CGO_ENABLED=0 and requires that none of the
// drivers is among their dependencies.
func requireCgoFree(t *testing.T, pkgs []string, drivers ...string) {
	t.Helper()
	var present []string
	for _, p := range pkgs {
		if _, err := os.Stat(p); err == nil {
			present = append(present, "./"+p)
		}
	}
	require.NotEmpty(t, present)
	deps := goList(t, []string{"CGO_ENABLED=0"}, append([]string{"-deps", "-f", "{{.ImportPath}}"}, present...)...)
	for _, d := range drivers {
		require.NotContains(t, deps, d)
	}
	cmd := exec.Command("go", append([]string{"build"}, present...)...)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "CGO_ENABLED=0 go build %v: %s", present, out)
}

// TestTerminalRenderingIsInTermui keeps tables and terminal detection in one
// package, so every program renders and detects colour the same way.
func TestTerminalRenderingIsInTermui(t *testing.T) {
	for _, pkg := range []string{"github.com/jedib0t/go-pretty/v6/table", "github.com/jedib0t/go-pretty/v6/text", "golang.org/x/term"} {
		require.Equal(t, []string{"internal/termui"}, importers(t, pkg), pkg)
	}
}

// The engines sit below the analyst: the read-only runner's contract and its
// error live in package engine, so no engine imports package analyst.
func TestEnginesDoNotImportTheAnalyst(t *testing.T) {
	for _, p := range append(importers(t, module+"/analyst"), importers(t, module+"/analyst/offline")...) {
		require.False(t, p == "engine" || strings.HasPrefix(p, "engine/"), "%s imports the analyst", p)
	}
}

// The web dashboard and the analyst format figures with internal/format, the
// leaf the terminal package uses too; neither imports the terminal package:
// only the programs and what they are built from (dashboard/term, connect's
// progress line) do.
func TestOnlyProgramsImportTheTerminalPackage(t *testing.T) {
	for _, p := range importers(t, module+"/internal/termui") {
		require.GreaterOrEqual(t, layers[p], layerProgramLibrary, "%s imports internal/termui", p)
	}
}
