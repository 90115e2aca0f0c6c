package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/semantic"
)

// The program's default output is the sales model's 0.1.1 YAML golden file, and
// reading it back prints a model equal to the sales model.
func TestWriteAndReadBack(t *testing.T) {
	var out, errOut bytes.Buffer
	require.NoError(t, run(&out, &errOut, "0.1.1", "yaml", "", ""))
	want, err := os.ReadFile("../../semantic/testdata/ossie/sales_model.ossie-0.1.1.yaml")
	require.NoError(t, err)
	require.Equal(t, string(want), out.String())
	require.Empty(t, errOut.String())

	file := filepath.Join(t.TempDir(), "sales.ossie.yaml")
	require.NoError(t, os.WriteFile(file, out.Bytes(), 0o600))
	var back bytes.Buffer
	require.NoError(t, run(&back, &errOut, "", "", "", file))
	m, err := semantic.Parse("back.yaml", back.Bytes())
	require.NoError(t, err)
	require.True(t, semantic.SalesModel().Equal(m))
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name                         string
		version, format, model, read string
		want                         string
	}{
		{"unknown version", "1.0", "yaml", "", "", `Ossie version "1.0"`},
		{"unknown format", "0.1.1", "xml", "", "", `Ossie format "xml"`},
		{"missing model file", "0.1.1", "yaml", "nope.yaml", "", "nope.yaml"},
		{"broken Ossie", "", "", "", "../../semantic/testdata/ossie/invalid/03_unknown_dataset_key.yaml", `semantic_model[0].datasets[0].table: unknown key "table"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(&out, &errOut, tc.version, tc.format, tc.model, tc.read)
			require.ErrorContains(t, err, tc.want)
			require.Empty(t, out.String())
		})
	}
}
