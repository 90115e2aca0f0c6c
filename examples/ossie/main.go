// Command ossie writes a semantic model as Apache Ossie (the Open Semantic
// Interchange format Snowflake, dbt and others read), or reads an Ossie document
// back into a Cortex Analyst semantic model.
//
//	go run ./examples/ossie                          # the sales model as Ossie 0.1.1 YAML
//	go run ./examples/ossie -version 0.2.0.dev0 -format json > sales.ossie.json
//	go run ./examples/ossie -model my_model.yaml     # another model file
//	go run ./examples/ossie -read sales.ossie.json   # Ossie back to Cortex Analyst YAML
//
// Problems are printed with file, line, column and the key path; warnings
// (what a third-party document holds that the model has no place for) go to
// standard error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/salesanalytics/salesanalytics/semantic"
)

func main() {
	version := flag.String("version", string(semantic.Ossie011), "Ossie version to write: 0.1.1 (Snowflake, dbt)\nor 0.2.0.dev0 (adds datatype)")
	format := flag.String("format", string(semantic.OssieYAML), "output format: yaml or json")
	model := flag.String("model", "", "semantic model YAML file to write (default: the embedded sales model)")
	read := flag.String("read", "", "read this Ossie file (YAML or JSON), print it as semantic model YAML")
	flag.Parse()
	if err := run(os.Stdout, os.Stderr, *version, *format, *model, *read); err != nil {
		fmt.Fprintln(os.Stderr, "ossie:", err)
		os.Exit(1)
	}
}

func run(out, errOut io.Writer, version, format, model, read string) error {
	if read != "" {
		m, err := semantic.ParseOssieFile(read)
		if err != nil {
			return err
		}
		warn(errOut, m)
		y, err := m.Marshal()
		if err != nil {
			return err
		}
		_, err = out.Write(y)
		return err
	}
	m := semantic.SalesModel()
	if model != "" {
		var err error
		if m, err = semantic.ParseFile(model); err != nil {
			return err
		}
		warn(errOut, m)
	}
	doc, err := m.MarshalOssie(semantic.OssieVersion(version), semantic.OssieFormat(format))
	if err != nil {
		return err
	}
	_, err = out.Write(doc)
	return err
}

func warn(w io.Writer, m *semantic.Model) {
	for _, p := range m.Warnings() {
		fmt.Fprintln(w, p)
	}
}
