package semantic_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/semantic"
)

var wantRE = regexp.MustCompile(`^# want: (any|(\d+):(\d+)) (.+)$`)

// Every invalid fixture names, on its first line, the position and message of the
// error it must produce.
func TestInvalidFixturesReportTheirErrorAtTheirPosition(t *testing.T) {
	t.Parallel()
	eachInvalidFixture(t, "testdata/invalid/*.yaml", 30, wantRE, func(t *testing.T, file string, data []byte, m []string) {
		model, err := semantic.Parse(file, data)
		require.Nil(t, model)
		require.ErrorIs(t, err, semantic.ErrInvalidModel)
		var perr *semantic.Error
		require.True(t, errors.As(err, &perr))

		for _, p := range perr.Problems {
			if !strings.Contains(p.Message, m[4]) {
				continue
			}
			require.Equal(t, file, p.Pos.File)
			if m[1] != "any" {
				line, _ := strconv.Atoi(m[2])
				col, _ := strconv.Atoi(m[3])
				require.Equal(t, [2]int{line, col}, [2]int{p.Pos.Line, p.Pos.Column}, "position of %q", p.Message)
			} else {
				require.Positive(t, p.Pos.Line)
			}
			require.Contains(t, err.Error(), p.Pos.String())
			return
		}
		t.Fatalf("no problem contains %q; got:\n%v", m[4], err)
	})
}

// eachInvalidFixture runs check on every file matching glob (at least min of
// them), with the submatches of re on its first line, the want line.
func eachInvalidFixture(t *testing.T, glob string, min int, re *regexp.Regexp, check func(t *testing.T, file string, data []byte, want []string)) {
	t.Helper()
	files, err := filepath.Glob(glob)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), min)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			first, _, _ := strings.Cut(string(data), "\n")
			want := re.FindStringSubmatch(first)
			require.NotNil(t, want, "the first line must be the want line %s", re)
			check(t, file, data, want)
		})
	}
}

func TestValidFixturesRoundTrip(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/valid/*.yaml")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 4)
	for _, file := range append(files, "sales_model.yaml") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			m, err := semantic.ParseFile(file)
			require.NoError(t, err)
			out, err := m.Marshal()
			require.NoError(t, err)
			again, err := semantic.Parse("marshalled.yaml", out)
			require.NoError(t, err, "marshalled:\n%s", out)
			require.True(t, m.Equal(again), "parse → marshal → parse changed the model:\n%s", out)
			out2, err := again.Marshal()
			require.NoError(t, err)
			require.Equal(t, string(out), string(out2), "marshal is stable")
		})
	}
}

func TestLegacyShapesAreReadAsCurrentOnesWithWarnings(t *testing.T) {
	t.Parallel()
	m, err := semantic.ParseFile("testdata/valid/legacy_measures.yaml")
	require.NoError(t, err)
	rev, _ := m.Table("daily_revenue")
	require.Len(t, rev.Facts, 4, "measures are read as facts")
	require.Empty(t, rev.Measures)
	require.Equal(t, semantic.AggAvg, rev.Facts[3].DefaultAggregation)
	require.Equal(t, semantic.UnixTime(1714752498), m.VerifiedQueries[0].VerifiedAt, "quoted verified_at")
	prod, _ := m.Table("product")
	require.Equal(t, "product_line_search_service", prod.Dimensions[1].CortexSearchService.Service)

	var msgs []string
	for _, w := range m.Warnings() {
		require.Equal(t, semantic.SeverityWarning, w.Severity)
		require.Positive(t, w.Pos.Line, w.String())
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	require.Contains(t, all, "legacy_measures.yaml:26:5: warning: tables[0].measures: measures is deprecated")
	require.Contains(t, all, "default_aggregation is deprecated")
	require.Contains(t, all, "cortex_search_service_name is deprecated")
	require.Contains(t, all, "bare logical name daily_revenue")

	// Moved positions follow the moved keys: facts[1] was measures[1].
	require.Equal(t, 33, m.Position("tables[0].facts[1].name").Line)
}

func TestSampleValueQuirks(t *testing.T) {
	t.Parallel()
	m, err := semantic.ParseFile("testdata/valid/facts_metrics.yaml")
	require.NoError(t, err)
	tbl, _ := m.Table("sales_data")
	require.Equal(t, []string{"CA", "NY", "TX"}, tbl.Dimensions[0].SampleValues, "null dropped")
	require.Equal(t, []string{"501", "true", "2024-01-01"}, tbl.Dimensions[1].SampleValues, "scalars read as text")
	var dropped bool
	for _, w := range m.Warnings() {
		dropped = dropped || strings.Contains(w.String(), "sample_values[2]: null item dropped")
	}
	require.True(t, dropped, "%v", m.Warnings())
}

func TestAllProblemsAreReportedAtOnce(t *testing.T) {
	t.Parallel()
	_, err := semantic.Parse("many.yaml", []byte(`name: m
tables:
  - name: orders
    colour: red
    base_table: {database: DB, schema: S, table: T}
    dimensions:
      - name: select
        expr: SUM(X)
        data_type: VARIANT
`))
	var perr *semantic.Error
	require.True(t, errors.As(err, &perr))
	require.Len(t, perr.Problems, 4, err.Error())
	require.Equal(t, 4, perr.Problems[0].Pos.Line, "sorted by position")
	require.Contains(t, err.Error(), "4 problems")
}

func TestBuiltModelsValidateWithPaths(t *testing.T) {
	t.Parallel()
	m := &semantic.Model{Name: "m", Tables: []semantic.Table{{
		Name:       "orders",
		BaseTable:  semantic.BaseTable{Database: "DB", Schema: "S", Table: "T"},
		Dimensions: []semantic.Dimension{{Name: "region", Expr: "REGION", DataType: "VARCHAR"}},
		Metrics:    []semantic.Metric{{Name: "n", Expr: "orders.region"}},
	}}}
	err := m.Validate()
	require.ErrorIs(t, err, semantic.ErrInvalidModel)
	require.Contains(t, err.Error(), "tables[0].metrics[0].expr: metric expr \"orders.region\" does not aggregate")
	m.Tables[0].Metrics[0].Expr = "COUNT(DISTINCT orders.region)"
	require.NoError(t, m.Validate())
	f, ok := m.Field("N")
	require.True(t, ok)
	require.Equal(t, semantic.KindMetric, f.Kind)
}
