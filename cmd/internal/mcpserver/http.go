package mcpserver

import (
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// HTTPOptions configure the streamable HTTP handler.
type HTTPOptions struct {
	// AllowOrigins are origins (scheme://host[:port]) a browser may call from,
	// besides loopback ones. Requests without an Origin (not from a browser)
	// are always allowed.
	AllowOrigins []string
	// MaxBodyBytes bounds a request body; zero means 1 MiB.
	MaxBodyBytes int64
}

// Handler serves srv over streamable HTTP. It refuses (403) a request whose
// Origin is not loopback or allowed, and the SDK refuses a non-loopback Host on
// a loopback connection: together the MCP spec's DNS-rebinding rule. Bodies
// are bounded.
func Handler(srv *mcp.Server, o HTTPOptions) http.Handler {
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 1 << 20
	}
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv }, &mcp.StreamableHTTPOptions{})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" && !allowedOrigin(origin, o.AllowOrigins) {
			http.Error(w, "forbidden origin", http.StatusForbidden)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, o.MaxBodyBytes)
		h.ServeHTTP(w, r)
	})
}

// allowedOrigin reports whether origin is a loopback http(s) origin or listed.
func allowedOrigin(origin string, allow []string) bool {
	if slices.Contains(allow, origin) {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return IsLoopback(u.Hostname())
}

// IsLoopback reports whether host (a name or an IP, no port) is loopback.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
