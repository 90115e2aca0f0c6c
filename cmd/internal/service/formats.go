package service

import (
	"github.com/salesanalytics/salesanalytics/pipeline"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Format is one form a semantic model is written in: `salesanalytics model
// <name>` prints it and the MCP server offers it as the resource
// salesanalytics://model/<name>.
type Format struct {
	Name     string // the subcommand and resource name: yaml
	MIMEType string // the resource's MIME type
	About    string // one line for -h and the resource's description
	Render   func(*semantic.Model) ([]byte, error)
}

// Formats returns the model's forms. A converter plugs in as one more entry
// here, and both `salesanalytics model <name>` and the MCP resource follow.
func Formats() []Format {
	return []Format{
		{Name: "yaml", MIMEType: "application/yaml", About: "the Cortex Analyst semantic model YAML", Render: (*semantic.Model).Marshal},
		{Name: "ddl", MIMEType: "application/sql", About: "the model as Snowflake CREATE OR REPLACE SEMANTIC VIEW DDL", Render: ddl},
		{Name: "ossie", MIMEType: "application/yaml", About: "the model as Apache Ossie 0.1.1 YAML", Render: ossie(semantic.Ossie011, semantic.OssieYAML)},
		{Name: "ossie-json", MIMEType: "application/json", About: "the model as Apache Ossie 0.2 JSON, with datatypes", Render: ossie(semantic.Ossie02, semantic.OssieJSON)},
	}
}

// ddl writes the view set-up creates on Snowflake with the default names.
func ddl(m *semantic.Model) ([]byte, error) {
	text, _, err := m.SemanticViewDDL(pipeline.SemanticViewRef(warehouse.DefaultNames()))
	return []byte(text), err
}

func ossie(v semantic.OssieVersion, f semantic.OssieFormat) func(*semantic.Model) ([]byte, error) {
	return func(m *semantic.Model) ([]byte, error) { return m.MarshalOssie(v, f) }
}
