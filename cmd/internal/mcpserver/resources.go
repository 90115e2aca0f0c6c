package mcpserver

import (
	"context"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/salesanalytics/salesanalytics/cmd/internal/service"
)

// ModelURI is the URI of the model resource in a format: ModelURI + "yaml".
const ModelURI = "salesanalytics://model/"

// resources adds the model, once per service.Formats entry.
func (s *server) resources(srv *mcp.Server) {
	for _, f := range service.Formats() {
		uri := ModelURI + f.Name
		srv.AddResource(&mcp.Resource{URI: uri, Name: "model." + f.Name, Title: "The semantic model (" + f.Name + ")", Description: f.About, MIMEType: f.MIMEType},
			func(ctx context.Context, req *mcp.ReadResourceRequest) (*mcp.ReadResourceResult, error) {
				b, err := f.Render(s.svc.Model())
				if err != nil {
					return nil, err
				}
				return &mcp.ReadResourceResult{Contents: []*mcp.ResourceContents{{URI: uri, MIMEType: f.MIMEType, Text: string(b)}}}, nil
			})
	}
}
