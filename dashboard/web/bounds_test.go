package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
)

// TestHostsAreChecked: the server answers only to the names it was told to
// serve (loopback by default, on any port), so a DNS-rebinding page, whose
// requests carry its own name as Host and Origin, reads nothing and refreshes
// nothing; a form's Origin is checked against the same list, not the Host.
func TestHostsAreChecked(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	get := func(h http.Handler, host, origin string) int {
		req := localRequest(http.MethodGet, "/executive", nil)
		req.Host = host
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for _, host := range []string{"localhost", "localhost:8080", "127.0.0.1:9000", "[::1]:8080", "LOCALHOST"} {
		require.Equal(t, http.StatusOK, get(s.h, host, ""), host)
	}
	for _, host := range []string{"evil.example", "evil.example:8080", "127.0.0.1.evil.example", "", "10.0.0.1"} {
		require.Equal(t, http.StatusMisdirectedRequest, get(s.h, host, ""), host)
	}
	require.Equal(t, http.StatusForbidden, get(s.h, "localhost:8080", "http://evil.example:8080"))
	require.Equal(t, http.StatusForbidden, get(s.h, "localhost:8080", "null"))
	require.Equal(t, http.StatusOK, get(s.h, "localhost:8080", "http://127.0.0.1:8080"))

	// The rebinding POST: right token and cookie, Host and Origin both the
	// attacker's name.
	cookies, token := s.session(t, "/executive")
	res := s.post(t, "/refresh", url.Values{"return": {"/executive"}, "csrf": {token}}, cookies, map[string]string{"Origin": "http://evil.example"})
	require.Equal(t, http.StatusForbidden, res.StatusCode)
	req := localRequest(http.MethodPost, "/refresh", strings.NewReader(url.Values{"csrf": {token}}.Encode()))
	req.Host = "evil.example"
	req.Header.Set("Origin", "http://evil.example")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		req.AddCookie(c)
	}
	res, _ = s.do(t, req)
	require.Equal(t, http.StatusMisdirectedRequest, res.StatusCode)
	require.Zero(t, s.refreshs.Load())

	// A configured list replaces the loopback default; a port in an entry is kept.
	cfg := web.ForDashboard(s.d, web.Options{AllowedHosts: []string{"sales.example:8443", "intranet"}})
	h, err := web.New(cfg)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, get(h, "sales.example:8443", "https://sales.example:8443"))
	require.Equal(t, http.StatusOK, get(h, "INTRANET:80", ""))
	require.Equal(t, http.StatusMisdirectedRequest, get(h, "sales.example:80", ""))
	require.Equal(t, http.StatusMisdirectedRequest, get(h, "localhost", ""))
	require.Equal(t, http.StatusForbidden, get(h, "intranet", "https://sales.example"))
}

// TestQueryIsBounded: the attack's GET (2,500 product= values, 32 KB) is
// refused before any work; a filter list over dashboard.MaxListValues is a 400
// naming the field.
func TestQueryIsBounded(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	q := url.Values{}
	for i := range 2500 {
		q.Add("product", strconv.Itoa(i+1))
	}
	res, body := s.get(t, "/executive?"+q.Encode())
	require.Equal(t, http.StatusRequestURITooLong, res.StatusCode)
	require.Less(t, len(body), 200)
	res, _ = s.get(t, "/executive?"+strings.Repeat("a&", 300))
	require.Equal(t, http.StatusRequestURITooLong, res.StatusCode)

	q = url.Values{}
	for i := range 101 {
		q.Add("product", strconv.Itoa(i+1))
	}
	res, body = s.get(t, "/executive?"+q.Encode())
	require.Equal(t, http.StatusBadRequest, res.StatusCode)
	require.Contains(t, body, "Product: 101 values; at most 100")
}

// TestCrumbsGrowWithTheQuery: each value of a field used to get a crumb whose
// link held the whole query, so the page grew with the square of the query; a
// field of many values now has one crumb. The page may add at most a few times
// the query's length per value for 100 values: the crumb's link, and the period
// buttons' form, which carries each value once as a hidden input (an input is
// about 4.5 times as long as its "product=12&").
func TestCrumbsGrowWithTheQuery(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	size := func(n int) (int, int) {
		q := url.Values{"to": {"2025-12-31"}}
		for i := range n {
			q.Add("product", strconv.Itoa(i+1))
		}
		res, body := s.get(t, "/crumbs/executive?"+q.Encode())
		require.Equal(t, http.StatusOK, res.StatusCode)
		return len(body), len(q.Encode())
	}
	base, _ := size(0)
	few, _ := size(3)
	require.Greater(t, few, base, "a crumb per value while there are few")
	for _, n := range []int{50, 100} {
		got, qlen := size(n)
		require.Less(t, got-base, 7*qlen, "%d values", n)
	}
}

// floodStreamer emits text without end (in a bounded loop), as an analyst
// gone wrong would; it records whether emit stopped it.
type floodStreamer struct{ stopped *bool }

func (floodStreamer) Ask(context.Context, string) (web.Answer, error) { return web.Answer{}, nil }

func (f floodStreamer) AskStream(_ context.Context, _ string, emit func(web.Piece) error) (web.Answer, error) {
	chunk := strings.Repeat("revenue ", 128)
	for range 100_000 {
		if err := emit(web.Piece{Kind: analyst.PartText, Text: chunk}); err != nil {
			*f.stopped = true
			return web.Answer{}, err
		}
	}
	return web.Answer{Text: "done"}, nil
}

// TestStreamedAnswerIsBounded: an answer of 100 MB is cut at MaxAnswerBytes,
// ends with an error event, and the analyst is told to stop.
func TestStreamedAnswerIsBounded(t *testing.T) {
	t.Parallel()
	base := newSite(t, testScale, true)
	var stopped bool
	cfg := web.ForDashboard(base.d, web.Options{Analyst: floodStreamer{&stopped}})
	cfg.MaxAnswerBytes = 64 << 10
	h, err := web.New(cfg)
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	raw, err := io.ReadAll(stream(t, context.Background(), srv, "revenue").r)
	require.NoError(t, err)
	require.LessOrEqual(t, len(raw), 64<<10+1024)
	require.Contains(t, string(raw), "event: error")
	require.Contains(t, string(raw), "too long to show")
	require.NotContains(t, string(raw), "event: done")
	require.True(t, stopped)
}
