package analyst

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Timeouts of the default transport. There is no total timeout: a stream may
// last as long as its context (and Client.RequestTimeout) allow.
const (
	// DefaultTimeout bounds the wait for a response's headers on the default
	// transport (the answer of a non-streamed request comes with them).
	DefaultTimeout = 60 * time.Second
	// DefaultDialTimeout bounds connecting, and DefaultTLSTimeout the TLS handshake.
	DefaultDialTimeout = 10 * time.Second
	DefaultTLSTimeout  = 10 * time.Second
)

// defaultHTTP is the client used when Client.HTTPClient is nil.
var defaultHTTP = newHTTPClient(DefaultTimeout)

// newHTTPClient returns a client that follows no redirects and bounds connecting,
// the TLS handshake and the wait for headers — but not reading the body.
func newHTTPClient(headerTimeout time.Duration) *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: DefaultDialTimeout, KeepAlive: 30 * time.Second}).DialContext,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:   DefaultTLSTimeout,
		ResponseHeaderTimeout: headerTimeout,
		ExpectContinueTimeout: time.Second,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          16,
		IdleConnTimeout:       90 * time.Second,
	}
	return &http.Client{Transport: tr, CheckRedirect: refuseRedirect}
}

// refuseRedirect makes the http.Client hand back the 3xx answer itself.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// httpClient is the client requests go through: HTTPClient, copied so that it
// follows no redirect whatever its CheckRedirect says, or the default.
func (c *Client) httpClient() *http.Client {
	if c.HTTPClient == nil {
		return defaultHTTP
	}
	hc := *c.HTTPClient
	hc.CheckRedirect = refuseRedirect
	return &hc
}

// redirectError describes a refused 3xx answer by where it pointed, without the
// target's user, query or fragment (places a credential could be put).
func redirectError(resp *http.Response, sc *scrubber) error {
	where := "no Location"
	if loc, err := resp.Location(); err == nil {
		where = (&url.URL{Scheme: loc.Scheme, Host: loc.Host, Path: loc.Path}).String()
	}
	return fmt.Errorf("%w: HTTP %d to %s; the client follows no redirects, set BaseURL to the final address",
		ErrRedirected, resp.StatusCode, clip(sc.text(where), 200))
}

// endpoint joins BaseURL and an API path, refusing a base a token must not be
// sent to: anything but https (plain http only to a loopback host, for tests and
// local proxies), a user, a query or a fragment. The error does not repeat the
// URL, which may hold a password.
func endpoint(base, path string) (string, error) {
	bad := func(why string) (string, error) {
		return "", fmt.Errorf("%w: BaseURL must be https://host[/prefix] with no user, query or fragment (plain http only to a loopback host): %s", ErrInvalidRequest, why)
	}
	u, err := url.Parse(base)
	switch {
	case base == "":
		return bad("it is empty")
	case err != nil:
		return bad("it does not parse")
	case u.Scheme != "https" && u.Scheme != "http":
		return bad("the scheme is not https")
	case u.Host == "" || u.Opaque != "":
		return bad("there is no host")
	case u.User != nil:
		return bad("it has a user")
	case u.RawQuery != "" || u.ForceQuery || strings.Contains(base, "?"):
		return bad("it has a query")
	case u.Fragment != "" || strings.Contains(base, "#"):
		return bad("it has a fragment")
	case u.Scheme == "http" && !loopback(u.Hostname()):
		return bad("plain http to a host that is not loopback")
	}
	return u.Scheme + "://" + u.Host + strings.TrimRight(u.EscapedPath(), "/") + path, nil
}

// loopback reports whether host is localhost or a loopback address.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
