package service

import (
	"github.com/salesanalytics/salesanalytics/semantic"
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
// here — semantic-view DDL and Ossie, when package semantic has them:
//
//	{Name: "ddl", MIMEType: "application/sql", About: "…", Render: func(m *semantic.Model) ([]byte, error) { … }},
//
// and both `salesanalytics model ddl` and the MCP resource follow.
func Formats() []Format {
	return []Format{
		{Name: "yaml", MIMEType: "application/yaml", About: "the Cortex Analyst semantic model YAML", Render: (*semantic.Model).Marshal},
	}
}
