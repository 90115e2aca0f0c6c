package semantic_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// modelFixtures are the sales model and every valid YAML fixture.
func modelFixtures(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/valid/*.yaml")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 4)
	return append(files, "sales_model.yaml")
}

// YAML → DDL → model gives the model back, on the sales model and every valid
// fixture, and rendering the parsed model gives the same text.
func TestSemanticViewDDLRoundTrip(t *testing.T) {
	t.Parallel()
	for _, file := range modelFixtures(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			m, err := semantic.ParseFile(file)
			require.NoError(t, err)
			ddl, warnings, err := m.SemanticViewDDL("DB.SCH.SV")
			require.NoError(t, err)
			require.Empty(t, warnings)
			back, view, err := semantic.ParseSemanticViewDDL("view.sql", []byte(ddl))
			require.NoError(t, err, "DDL:\n%s", ddl)
			require.Equal(t, "DB.SCH.SV", view)
			if !m.Equal(back) {
				a, _ := m.Marshal()
				b, _ := back.Marshal()
				require.Equal(t, string(a), string(b), "DDL → model changed the model")
			}
			again, _, err := back.SemanticViewDDL("DB.SCH.SV")
			require.NoError(t, err)
			require.Equal(t, ddl, again, "rendering is stable")
		})
	}
}

func TestSalesModelDDLGolden(t *testing.T) {
	t.Parallel()
	ddl, warnings, err := semantic.SalesModel().SemanticViewDDL("SALES_ANALYTICS_DB.MARTS.SALES_ANALYTICS")
	require.NoError(t, err)
	require.Empty(t, warnings)
	golden.Check(t, "testdata/sales_model.sql", []byte(ddl))
}

// Without the extension, each key it would carry is a warning naming its path.
func TestWithoutExtensionWarnsOfEveryKeyLeftOut(t *testing.T) {
	t.Parallel()
	m := semantic.SalesModel()
	ddl, warnings, err := m.SemanticViewDDL("SV", semantic.WithoutExtension())
	require.NoError(t, err)
	require.NotContains(t, ddl, "EXTENSION")
	var all []string
	for _, w := range warnings {
		require.Equal(t, semantic.SeverityWarning, w.Severity)
		require.Positive(t, w.Pos.Line, w.String())
		all = append(all, w.Path+": "+w.Message)
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{
		"name: name has no place",
		"tables[0].dimensions[3].sample_values: sample_values (3)",
		"tables[0].dimensions[3].is_enum: is_enum",
		"tables[0].time_dimensions[0]: time_dimensions",
		"tables[0].facts[0].data_type: data_type",
		"tables[0].filters[0]: filters",
	} {
		require.Contains(t, joined, want)
	}
}

var ddlWantRE = regexp.MustCompile(`^-- want: (\d+):(\d+) (.+)$`)

// Every broken DDL file names, on its first line, the line, column and message
// of the error it must produce.
func TestInvalidDDLReportsLineAndColumn(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/ddl/invalid/*.sql")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 15)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			first, _, _ := strings.Cut(string(data), "\n")
			want := ddlWantRE.FindStringSubmatch(first)
			require.NotNil(t, want, "first line must be '-- want: LINE:COL message'")
			m, view, err := semantic.ParseSemanticViewDDL(file, data)
			require.Nil(t, m)
			require.Empty(t, view)
			require.ErrorIs(t, err, semantic.ErrInvalidModel)
			var perr *semantic.Error
			require.True(t, errors.As(err, &perr))
			line, _ := strconv.Atoi(want[1])
			col, _ := strconv.Atoi(want[2])
			for _, p := range perr.Problems {
				if strings.Contains(p.Message, want[3]) {
					require.Equal(t, file, p.Pos.File)
					require.Equal(t, [2]int{line, col}, [2]int{p.Pos.Line, p.Pos.Column}, "position of %q", p.Message)
					require.Contains(t, err.Error(), fmt.Sprintf("%s:%d:%d", file, line, col))
					return
				}
			}
			t.Fatalf("no problem contains %q; got:\n%v", want[3], err)
		})
	}
}

func TestDDLParserReportsEveryBrokenEntryAtOnce(t *testing.T) {
	t.Parallel()
	_, _, err := semantic.ParseSemanticViewDDL("many.sql", []byte(`CREATE SEMANTIC VIEW sv
  TABLES (orders AS DB.S.T)
  DIMENSIONS (
    nope.region AS REGION,
    orders.channel CHANNEL
  )
  METRICS (orders.n AS COUNT(*))
  FACTS (orders.amount AS AMOUNT);
`))
	var perr *semantic.Error
	require.True(t, errors.As(err, &perr))
	var got []string
	for _, p := range perr.Problems {
		got = append(got, fmt.Sprintf("%d:%d", p.Pos.Line, p.Pos.Column))
	}
	require.Equal(t, []string{"4:5", "5:20", "8:3"}, got, err.Error())
}

func TestDDLParserLimits(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"too large": "CREATE SEMANTIC VIEW sv COMMENT = '" + strings.Repeat("x", semantic.MaxDDLSize) + "'",
		"too deep":  "CREATE SEMANTIC VIEW sv TABLES (t AS a.b.c) METRICS (t.m AS " + strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200) + ")",
		"empty":     "",
		"comment":   "-- nothing here\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := semantic.ParseSemanticViewDDL("x.sql", []byte(src))
			require.ErrorIs(t, err, semantic.ErrInvalidModel)
			var perr *semantic.Error
			require.True(t, errors.As(err, &perr))
			require.Positive(t, perr.Problems[0].Pos.Line, err.Error())
		})
	}
}

// Names and text that need quoting survive the round trip: spaces, quotes,
// backslashes, reserved words, newlines.
func TestDDLQuotingRoundTrips(t *testing.T) {
	t.Parallel()
	m := &semantic.Model{
		Name:        "odd model",
		Description: `it's a "test" with a \ backslash` + "\nand a second line",
		Tables: []semantic.Table{{
			Name:      "orders",
			Synonyms:  []string{`o'rders`, `back\slash`},
			BaseTable: semantic.BaseTable{Database: "my db", Schema: "PUBLIC", Table: `we"ird`},
			Dimensions: []semantic.Dimension{{Name: "region", Expr: `"Region Name"`, DataType: "VARCHAR",
				SampleValues: []string{`a'b`, `c\d`}, IsEnum: true, Description: "-- not a comment"}},
			Facts: []semantic.Fact{
				{Name: "amount", Expr: "AMOUNT * 1.0 /* scaled */", DataType: "NUMBER(38,2)"},
				{Name: "cost", Expr: "COST -- in USD", DataType: "NUMBER(38,2)"},
			},
			Metrics: []semantic.Metric{{Name: "revenue", Expr: "SUM(orders.amount)",
				Description: "COMMENT = 'looks like a clause'"}},
			Filters: []semantic.Filter{{Name: "big ones", Expr: "AMOUNT > 100"}},
		}},
		VerifiedQueries: []semantic.VerifiedQuery{{Name: `q "1"`, Question: "Why?\tBecause.", SQL: "SELECT 'x' FROM __orders"}},
	}
	require.NoError(t, m.Validate())
	ddl, _, err := m.SemanticViewDDL("DB.SCH.select")
	require.NoError(t, err)
	require.Contains(t, ddl, `"my db".PUBLIC."we""ird"`)
	require.Contains(t, ddl, `DB.SCH."select"`)
	back, view, err := semantic.ParseSemanticViewDDL("odd.sql", []byte(ddl))
	require.NoError(t, err, ddl)
	require.Equal(t, "DB.SCH.select", view)
	require.True(t, m.Equal(back), "DDL:\n%s", ddl)
}
