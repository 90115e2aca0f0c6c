package web

import (
	"net"
	"net/http"
	"net/url"
	"strings"
)

// defaultAllowedHosts are the names a server answers to when Config.AllowedHosts
// is empty: the loopback addresses, on any port.
var defaultAllowedHosts = []string{"localhost", "127.0.0.1", "::1"}

// DefaultAllowedHosts returns the loopback names a server answers to by default.
func DefaultAllowedHosts() []string { return append([]string(nil), defaultAllowedHosts...) }

// hosts is the list of names the server was told to serve. A request whose Host
// is not on it is refused (a DNS-rebinding page reaches the server under its own
// name), and so is a POST whose Origin is not on it.
type hosts struct{ allowed []string }

func newHosts(list []string) hosts {
	if len(list) == 0 {
		list = defaultAllowedHosts
	}
	h := hosts{}
	for _, a := range list {
		if a = strings.ToLower(strings.TrimSpace(a)); a != "" {
			h.allowed = append(h.allowed, a)
		}
	}
	return h
}

// allows reports whether hostport (a Host header or an Origin's host) names
// this server: an entry with a port matches that host and port, one without
// matches the host on any port.
func (h hosts) allows(hostport string) bool {
	hostport = strings.ToLower(hostport)
	name, port, err := net.SplitHostPort(hostport)
	if err != nil {
		name, port = strings.Trim(hostport, "[]"), ""
	}
	for _, a := range h.allowed {
		an, ap, err := net.SplitHostPort(a)
		if err != nil {
			an, ap = strings.Trim(a, "[]"), ""
		}
		if an == name && (ap == "" || ap == port) {
			return true
		}
	}
	return false
}

// allowsOrigin reports whether an Origin header names this server; an absent
// Origin (a same-origin GET, a non-browser client) is left to the other checks.
func (h hosts) allowsOrigin(origin string) bool {
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return h.allows(u.Host)
}

// Bounds on a request's query: the filter form never needs more, and a long
// query multiplies into every link of the page.
const (
	maxQueryBytes  = 8 << 10
	maxQueryValues = 256
)

// guard refuses, before any work, a request to a host not on the list, a query
// over the bounds, and a cross-origin request.
func (h hosts) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case !h.allows(r.Host):
			http.Error(w, "unknown host: this server answers only to the names it was told to serve", http.StatusMisdirectedRequest)
			return
		case !h.allowsOrigin(r.Header.Get("Origin")):
			http.Error(w, "cross-origin request refused", http.StatusForbidden)
			return
		case len(r.URL.RawQuery) > maxQueryBytes:
			http.Error(w, "query string too long", http.StatusRequestURITooLong)
			return
		case strings.Count(r.URL.RawQuery, "&")+1 > maxQueryValues:
			http.Error(w, "too many query values", http.StatusRequestURITooLong)
			return
		}
		next.ServeHTTP(w, r)
	})
}
