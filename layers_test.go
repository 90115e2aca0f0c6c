package salesanalytics_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The module's layers, bottom to top (the root doc.go names them). A package
// imports only packages of its own layer or a lower one.
const (
	layerBase           = iota + 1 // leaves: no package of ours but each other
	layerSchema                    // names and SQL of every table; the generator
	layerModel                     // the semantic model
	layerQuery                     // typed requests → SQL → typed results; the marts' rows
	layerEngine                    // the engines (and the loopback Snowflake they are tested on)
	layerPipeline                  // builds, refreshes and validates the warehouse
	layerAnalyst                   // questions in plain language → SQL or a query
	layerViews                     // the dashboard's views, on the web
	layerProgramLibrary            // what programs are built from: opening by flags, terminal pages, the web site
	layerPrograms                  // the command, the examples, the module's own program tests
)

var layerNames = map[int]string{
	layerBase: "base", layerSchema: "schema", layerModel: "model", layerQuery: "query", layerEngine: "engine",
	layerPipeline: "pipeline", layerAnalyst: "analyst", layerViews: "views", layerProgramLibrary: "program library",
	layerPrograms: "programs",
}

// layers gives every package of the module its layer. A package missing from
// it fails TestLayers, so a new package cannot pass unplaced.
var layers = map[string]int{
	"internal/ident":              layerBase,
	"internal/editdist":           layerBase,
	"internal/format":             layerBase,
	"internal/termui":             layerBase, // terminal tables and charts; imports only internal/format
	"internal/benchcpu":           layerBase,
	"internal/golden":             layerBase,
	"internal/sqlcorpus":          layerBase,
	"internal/evalset":            layerBase,
	"dialect":                     layerBase,
	"scan":                        layerBase,
	"engine/snowflake/connection": layerBase, // connections.toml; no driver
	"dashboard/web/svg":           layerBase,

	"internal/sqlparse": layerSchema,
	"warehouse":         layerSchema,
	"pipeline/datagen":  layerSchema,

	"semantic": layerModel,

	"query":           layerQuery,
	"query/querytest": layerQuery,
	"marts":           layerQuery,

	"engine":            layerEngine,
	"engine/embedded":   layerEngine,
	"engine/snowflake":  layerEngine,
	"internal/snowfake": layerEngine, // the loopback Snowflake the Snowflake engine is tested on

	"pipeline":              layerPipeline,
	"pipeline/pipelinetest": layerPipeline,

	"analyst":         layerAnalyst,
	"analyst/offline": layerAnalyst,

	"dashboard":     layerViews,
	"dashboard/web": layerViews,

	"connect":            layerProgramLibrary,
	"dashboard/term":     layerProgramLibrary,
	"dashboard/web/site": layerProgramLibrary,

	"":                               layerPrograms, // the module's doc and its program tests
	"cmd/salesanalytics":             layerPrograms,
	"cmd/internal/mcpserver":         layerPrograms,
	"cmd/internal/request":           layerPrograms,
	"cmd/internal/service":           layerPrograms,
	"examples/analyst":               layerPrograms,
	"examples/customer_insights":     layerPrograms,
	"examples/dashboard":             layerPrograms,
	"examples/executive_dashboard":   layerPrograms,
	"examples/model":                 layerPrograms,
	"examples/ossie":                 layerPrograms,
	"examples/product_analysis":      layerPrograms,
	"examples/quickstart":            layerPrograms,
	"examples/regional_analysis":     layerPrograms,
	"examples/sales_rep_leaderboard": layerPrograms,
}

// pkgInfo is what go list says of one package: its path in the module and the
// module's packages it imports, from its own files, its in-package test files
// and its external (_test package) test files.
type pkgInfo struct {
	Path                               string
	Imports, TestImports, XTestImports []string
}

// modulePackages lists the module's packages with their imports of the
// module's packages.
func modulePackages(tb testing.TB) []pkgInfo {
	tb.Helper()
	out := goList(tb, nil, "-json=ImportPath,Imports,TestImports,XTestImports", "./...")
	dec := json.NewDecoder(strings.NewReader(out))
	ours := func(paths []string) []string {
		var r []string
		for _, p := range paths {
			if p == module || strings.HasPrefix(p, module+"/") {
				r = append(r, strings.TrimPrefix(strings.TrimPrefix(p, module), "/"))
			}
		}
		return r
	}
	var pkgs []pkgInfo
	for dec.More() {
		var p struct {
			ImportPath                         string
			Imports, TestImports, XTestImports []string
		}
		require.NoError(tb, dec.Decode(&p))
		pkgs = append(pkgs, pkgInfo{Path: strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/"),
			Imports: ours(p.Imports), TestImports: ours(p.TestImports), XTestImports: ours(p.XTestImports)})
	}
	require.NotEmpty(tb, pkgs)
	return pkgs
}

// TestLayers: every package has a layer, every entry of the table is a
// package, and no import runs from a lower layer to a higher one.
//
// A package's own files and its in-package test files (compiled into the
// package) import only their layer and below. External tests (package x_test)
// are the package's clients, as an oracle test is: they may wire a real
// engine and warehouse from any library layer, but never the programs or what
// programs are built from — a library's tests do not lean on the programs'
// glue.
func TestLayers(t *testing.T) {
	pkgs := modulePackages(t)
	var problems []string
	seen := map[string]bool{}
	for _, p := range pkgs {
		seen[p.Path] = true
		own, ok := layers[p.Path]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s has no layer: add it to the layers table", show(p.Path)))
			continue
		}
		check := func(kind string, imports []string, limit int) {
			for _, imp := range imports {
				l, ok := layers[imp]
				if ok && l > limit {
					problems = append(problems, fmt.Sprintf("%s (%s) %s %s (%s)", show(p.Path), layerNames[own], kind, show(imp), layerNames[l]))
				}
			}
		}
		check("imports", p.Imports, own)
		check("has in-package tests importing", p.TestImports, own)
		check("has external tests importing", p.XTestImports, max(own, layerViews))
	}
	for _, p := range slices.Sorted(maps.Keys(layers)) {
		if !seen[p] {
			problems = append(problems, fmt.Sprintf("the layers table names %s, which is no package of the module", show(p)))
		}
	}
	require.Empty(t, problems, "\n"+strings.Join(problems, "\n"))
}

// TestExamplesUseThePublicAPI: the example programs show what the SDK's
// public packages alone can do; none imports an internal package.
func TestExamplesUseThePublicAPI(t *testing.T) {
	for _, p := range modulePackages(t) {
		if !strings.HasPrefix(p.Path, "examples/") {
			continue
		}
		for _, imp := range slices.Concat(p.Imports, p.TestImports) {
			require.False(t, strings.HasPrefix(imp, "internal/") || strings.Contains(imp, "/internal/"), "%s imports %s", p.Path, imp)
		}
	}
}

func show(p string) string {
	if p == "" {
		return "the root package"
	}
	return p
}
