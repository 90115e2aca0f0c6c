// Command model prints the sales semantic model — or a model read from a file —
// in the form a tool wants it: the Cortex Analyst YAML, or Snowflake's CREATE
// SEMANTIC VIEW statement. A .sql file holding such a statement is read back
// into the model.
//
//	go run ./examples/model -ddl                          # the sales model as semantic-view DDL
//	go run ./examples/model -ddl -view DB.SCHEMA.NAME     # … named as you like
//	go run ./examples/model -ddl -no-extension            # without WITH EXTENSION (CA=…); what it drops is listed on stderr
//	go run ./examples/model -in view.sql                  # DDL back to YAML
//	go run ./examples/model -in model.yaml -ddl           # any model file to DDL
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "model:", err)
		os.Exit(1)
	}
}

func run(args []string, out, errOut io.Writer) error {
	fs := flag.NewFlagSet("model", flag.ContinueOnError)
	fs.SetOutput(errOut)
	ddl := fs.Bool("ddl", false, "print CREATE OR REPLACE SEMANTIC VIEW instead of YAML")
	view := fs.String("view", pipeline.SemanticViewRef(warehouse.Names{}), "the semantic view's name, for -ddl\n")
	noExt := fs.Bool("no-extension", false, "with -ddl: leave out WITH EXTENSION (CA=…), list what it would carry")
	in := fs.String("in", "", "read the model from this YAML or .sql CREATE SEMANTIC VIEW file\n(default: the sales model)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	m, err := load(*in)
	if err != nil {
		return err
	}
	for _, w := range m.Warnings() {
		fmt.Fprintln(errOut, w)
	}
	if !*ddl {
		y, err := m.Marshal()
		if err != nil {
			return err
		}
		_, err = out.Write(y)
		return err
	}
	var opts []semantic.DDLOption
	if *noExt {
		opts = append(opts, semantic.WithoutExtension())
	}
	text, warnings, err := m.SemanticViewDDL(*view, opts...)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(errOut, w)
	}
	_, err = io.WriteString(out, text)
	return err
}

// load reads the model at path (by its extension), or returns the sales model.
func load(path string) (*semantic.Model, error) {
	switch {
	case path == "":
		return semantic.SalesModel(), nil
	case strings.HasSuffix(strings.ToLower(path), ".sql"):
		m, _, err := semantic.ParseSemanticViewDDLFile(path)
		return m, err
	}
	return semantic.ParseFile(path)
}
