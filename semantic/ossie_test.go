package semantic_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/salesanalytics/salesanalytics/semantic"
)

var ossieVersions = []semantic.OssieVersion{semantic.Ossie011, semantic.Ossie02}

var ossieFormats = []semantic.OssieFormat{semantic.OssieYAML, semantic.OssieJSON}

// ossieSchema compiles the vendored JSON Schema of version v, as published in
// the Apache Ossie repository.
func ossieSchema(t *testing.T, v semantic.OssieVersion) *jsonschema.Schema {
	t.Helper()
	file := map[semantic.OssieVersion]string{
		semantic.Ossie011: "testdata/ossie/osi-schema-0.1.1.json",
		semantic.Ossie02:  "testdata/ossie/osi-schema-0.2.0.dev0.json",
	}[v]
	sch, err := jsonschema.NewCompiler().Compile(file)
	require.NoError(t, err)
	return sch
}

// ossieInstance reads an Ossie document as the schema validator takes it: JSON
// through the validator's own reader, YAML through yaml.v3.
func ossieInstance(t *testing.T, f semantic.OssieFormat, out []byte) any {
	t.Helper()
	if f == semantic.OssieJSON {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		require.NoError(t, err)
		return inst
	}
	var inst any
	require.NoError(t, yaml.Unmarshal(out, &inst))
	return inst
}

// validModels are the sales model and every valid fixture.
func validModels(t *testing.T) map[string]*semantic.Model {
	t.Helper()
	files, err := filepath.Glob("testdata/valid/*.yaml")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 4)
	out := map[string]*semantic.Model{}
	for _, file := range append(files, "sales_model.yaml", "testdata/ossie/roundtrip_edges.yaml") {
		m, err := semantic.ParseFile(file)
		require.NoError(t, err)
		out[filepath.Base(file)] = m
	}
	return out
}

func TestOssieGoldenSalesModel(t *testing.T) {
	t.Parallel()
	m := semantic.SalesModel()
	for _, v := range ossieVersions {
		for _, f := range ossieFormats {
			out, err := m.MarshalOssie(v, f)
			require.NoError(t, err)
			golden.Check(t, "testdata/ossie/sales_model.ossie-"+string(v)+"."+string(f), out)
		}
	}
}

// Every document written — the sales model and every valid fixture, in each
// version and format — validates against that version's published schema.
func TestOssieOutputValidatesAgainstTheSchema(t *testing.T) {
	t.Parallel()
	models := validModels(t)
	for _, v := range ossieVersions {
		sch := ossieSchema(t, v)
		for name, m := range models {
			for _, f := range ossieFormats {
				t.Run(string(v)+"/"+name+"/"+string(f), func(t *testing.T) {
					out, err := m.MarshalOssie(v, f)
					require.NoError(t, err)
					require.NoError(t, sch.Validate(ossieInstance(t, f, out)), "%s", out)
				})
			}
		}
	}
}

// The schema check is not vacuous: the other version's document, and a
// document with a key the schema does not define, fail it.
func TestOssieSchemaRejectsWhatItShould(t *testing.T) {
	t.Parallel()
	out, err := semantic.SalesModel().MarshalOssie(semantic.Ossie02, semantic.OssieJSON)
	require.NoError(t, err)
	require.Error(t, ossieSchema(t, semantic.Ossie011).Validate(ossieInstance(t, semantic.OssieJSON, out)), "0.2 has datatype and another version")

	bad := bytes.Replace(out, []byte(`"source"`), []byte(`"table"`), 1)
	require.Error(t, ossieSchema(t, semantic.Ossie02).Validate(ossieInstance(t, semantic.OssieJSON, bad)))
}

// YAML → Ossie → model gives the model back, whole, for every version and format.
func TestOssieRoundTripIsLossless(t *testing.T) {
	t.Parallel()
	for name, m := range validModels(t) {
		for _, v := range ossieVersions {
			for _, f := range ossieFormats {
				t.Run(name+"/"+string(v)+"/"+string(f), func(t *testing.T) {
					out, err := m.MarshalOssie(v, f)
					require.NoError(t, err)
					back, err := semantic.ParseOssie("model.ossie", out)
					require.NoError(t, err, "%s", out)
					require.True(t, m.Equal(back), "the round trip changed the model:\nwant\n%s\ngot\n%s", mustMarshal(t, m), mustMarshal(t, back))
					again, err := back.MarshalOssie(v, f)
					require.NoError(t, err)
					require.Equal(t, string(out), string(again), "writing is stable")
				})
			}
		}
	}
}

// The 0.2 datatype of each Snowflake type, read from the written document.
func TestOssieDataTypes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		dataType semantic.DataType
		want     string
	}{
		{"NUMBER(38,2)", "Decimal"},
		{"NUMBER(10,4)", "Decimal"},
		{"NUMBER(38,0)", "Integer"},
		{"NUMBER", "Integer"},
		{"INT", "Integer"},
		{"FLOAT", "Float"},
		{"VARCHAR(16777216)", "String"},
		{"BOOLEAN", "Boolean"},
		{"DATE", "Date"},
		{"TIME", "Time"},
		{"TIMESTAMP_NTZ", "DateTime"},
		{"TIMESTAMP_LTZ", "DateTimeTz"},
		{"BINARY", "Opaque"},
	}
	for _, tc := range cases {
		t.Run(string(tc.dataType), func(t *testing.T) {
			m := &semantic.Model{Name: "m", Tables: []semantic.Table{{
				Name:      "t",
				BaseTable: semantic.BaseTable{Database: "D", Schema: "S", Table: "T"},
				Facts:     []semantic.Fact{{Name: "x", Expr: "X", DataType: tc.dataType}},
				Metrics:   []semantic.Metric{{Name: "total", Expr: "SUM(t.x)"}},
			}}}
			out, err := m.MarshalOssie(semantic.Ossie02, semantic.OssieJSON)
			require.NoError(t, err)
			var doc struct {
				SemanticModel []struct {
					Datasets []struct {
						Fields []struct {
							DataType         string `json:"datatype"`
							CustomExtensions []struct {
								Data string `json:"data"`
							} `json:"custom_extensions"`
						} `json:"fields"`
					} `json:"datasets"`
					Metrics []struct {
						DataType string `json:"datatype"`
					} `json:"metrics"`
				} `json:"semantic_model"`
			}
			require.NoError(t, json.Unmarshal(out, &doc))
			f := doc.SemanticModel[0].Datasets[0].Fields[0]
			require.Equal(t, tc.want, f.DataType)
			require.Equal(t, tc.want, doc.SemanticModel[0].Metrics[0].DataType, "SUM keeps the column's type")
			require.Contains(t, f.CustomExtensions[0].Data, `"data_type":"`+string(tc.dataType)+`"`, "the exact type is kept")
		})
	}
}

// A document written by another tool — no salesanalytics extensions, ANSI_SQL
// expressions, 0.2 datatypes — reads as the model a person would write for it
// (the expectation is hand-written Cortex Analyst YAML, parsed by Parse).
func TestOssieFromAThirdParty(t *testing.T) {
	t.Parallel()
	m, err := semantic.ParseOssieFile("testdata/ossie/third_party.yaml")
	require.NoError(t, err)
	want, err := semantic.ParseFile("testdata/ossie/third_party.want.yaml")
	require.NoError(t, err)
	require.True(t, want.Equal(m), "got:\n%s", mustMarshal(t, m))

	var warns []string
	for _, w := range m.Warnings() {
		warns = append(warns, w.String())
	}
	all := strings.Join(warns, "\n")
	require.Contains(t, all, "semantic_model[0].datasets[0].fields[1].label: label is not read")
	require.Contains(t, all, "custom extension of vendor DBT is not read")
	require.Contains(t, all, "semantic_model[0].ai_context.examples: example questions are not read")
}

func mustMarshal(t *testing.T, m *semantic.Model) string {
	t.Helper()
	out, err := m.Marshal()
	require.NoError(t, err)
	return string(out)
}

func TestMarshalOssieRefusesUnknownVersionsAndFormats(t *testing.T) {
	t.Parallel()
	m := semantic.SalesModel()
	_, err := m.MarshalOssie("1.0", semantic.OssieYAML)
	require.ErrorContains(t, err, `Ossie version "1.0"`)
	_, err = m.MarshalOssie(semantic.Ossie02, "xml")
	require.ErrorContains(t, err, `Ossie format "xml"`)
	require.True(t, semantic.Ossie02.Valid())
	require.False(t, semantic.OssieVersion("0.1.0").Valid())
	require.True(t, semantic.OssieJSON.Valid())
	require.False(t, semantic.OssieFormat("").Valid())
}

// What another reader sees of the unusual paths: no ASOF relationship (Ossie
// joins on equal columns only), a metric name used twice written table_name.
func TestOssieEdgesAsAThirdPartySeesThem(t *testing.T) {
	t.Parallel()
	m, err := semantic.ParseFile("testdata/ossie/roundtrip_edges.yaml")
	require.NoError(t, err)
	out, err := m.MarshalOssie(semantic.Ossie02, semantic.OssieJSON)
	require.NoError(t, err)
	var doc struct {
		SemanticModel []struct {
			Datasets []struct {
				Source string `json:"source"`
			} `json:"datasets"`
			Relationships []struct {
				Name string `json:"name"`
			} `json:"relationships"`
			Metrics []struct {
				Name string `json:"name"`
			} `json:"metrics"`
		} `json:"semantic_model"`
	}
	require.NoError(t, json.Unmarshal(out, &doc))
	sm := doc.SemanticModel[0]
	var rels, metrics, sources []string
	for _, r := range sm.Relationships {
		rels = append(rels, r.Name)
	}
	for _, x := range sm.Metrics {
		metrics = append(metrics, x.Name)
	}
	for _, d := range sm.Datasets {
		sources = append(sources, d.Source)
	}
	require.Equal(t, []string{"orders_to_customers", "orders_to_customers_again"}, rels)
	require.Equal(t, []string{"orders_total", "customers_total", "total"}, metrics)
	require.Equal(t, []string{`DB.SCH."ORDERS.2025"`, "SELECT ID AS CUSTOMER_ID, NAME FROM DB.SCH.CUSTOMERS WHERE ACTIVE", "DB.SCH.FX_RATES"}, sources)
}
