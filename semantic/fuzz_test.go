package semantic_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// FuzzParse feeds arbitrary bytes to Parse. It must never panic, and whatever it
// accepts must survive marshal and re-parse unchanged.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.yaml")
	seeds = append(seeds, "sales_model.yaml")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := semantic.Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		out, err := m.Marshal()
		if err != nil {
			t.Fatalf("marshal of a valid model failed: %v", err)
		}
		again, err := semantic.Parse("again.yaml", out)
		if err != nil {
			t.Fatalf("re-parse failed: %v\n%s", err, out)
		}
		if !m.Equal(again) {
			t.Fatalf("round trip changed the model:\n%s", out)
		}
	})
}

// FuzzParseOssie feeds arbitrary bytes to ParseOssie. It must never panic, and
// whatever it accepts must survive writing as Ossie (either version) and reading
// back unchanged.
func FuzzParseOssie(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/ossie/*/*.yaml")
	more, _ := filepath.Glob("testdata/ossie/*.*")
	for _, s := range append(seeds, more...) {
		data, err := os.ReadFile(s)
		if err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := semantic.ParseOssie("fuzz.yaml", data)
		if err != nil {
			return
		}
		for _, v := range []semantic.OssieVersion{semantic.Ossie011, semantic.Ossie02} {
			out, err := m.MarshalOssie(v, semantic.OssieJSON)
			if err != nil {
				t.Fatalf("writing a valid model failed: %v", err)
			}
			again, err := semantic.ParseOssie("again.json", out)
			if err != nil {
				t.Fatalf("reading back failed: %v\n%s", err, out)
			}
			if !m.Equal(again) {
				t.Fatalf("round trip changed the model:\n%s", out)
			}
		}
	})
}

// BenchmarkParseSalesModel parses and validates the sales model. Target: ≤ 1 ms.
func BenchmarkParseSalesModel(b *testing.B) {
	data := semantic.SalesModelYAML()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := semantic.Parse(semantic.SalesModelFile, data); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParseSemanticViewDDL feeds arbitrary text to the DDL parser, seeded with
// the sales model's DDL, the broken corpus and every fixture's DDL. It must
// never panic, and whatever it accepts must render and parse back unchanged.
func FuzzParseSemanticViewDDL(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/ddl/invalid/*.sql")
	seeds = append(seeds, "testdata/sales_model.sql")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	yamls, _ := filepath.Glob("testdata/valid/*.yaml")
	for _, y := range yamls {
		if m, err := semantic.ParseFile(y); err == nil {
			if ddl, _, err := m.SemanticViewDDL("DB.S.V"); err == nil {
				f.Add([]byte(ddl))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, view, err := semantic.ParseSemanticViewDDL("fuzz.sql", data)
		if err != nil {
			return
		}
		ddl, _, err := m.SemanticViewDDL(view)
		if err != nil {
			t.Fatalf("a parsed model does not render: %v", err)
		}
		again, _, err := semantic.ParseSemanticViewDDL("again.sql", []byte(ddl))
		if err != nil {
			t.Fatalf("re-parse failed: %v\n%s", err, ddl)
		}
		if !m.Equal(again) {
			t.Fatalf("round trip changed the model:\n%s", ddl)
		}
	})
}
