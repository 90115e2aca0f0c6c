package semantic_test

import (
	"path/filepath"
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
