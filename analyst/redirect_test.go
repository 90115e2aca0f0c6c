package analyst_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// elsewhere is a server the redirect points at: it answers every request with a
// complete, valid answer and counts requests and bearer tokens received.
type elsewhere struct {
	srv           *httptest.Server
	hits, bearers atomic.Int32
}

func newElsewhere(t *testing.T) *elsewhere {
	t.Helper()
	e := &elsewhere{}
	e.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.hits.Add(1)
		if r.Header.Get("Authorization") != "" {
			e.bearers.Add(1)
		}
		writeJSON(w, 200, fullAnswer)
	}))
	t.Cleanup(e.srv.Close)
	return e
}

func TestRedirectsAreNeverFollowed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		status int
		tls    bool // the API server is https; the target is plain http
		client func(tls *httptest.Server) *http.Client
	}{
		{name: "302 to another port", status: http.StatusFound},
		{name: "307 to another port", status: http.StatusTemporaryRedirect},
		{name: "308 to another port", status: http.StatusPermanentRedirect},
		{name: "301 from https to http", status: http.StatusMovedPermanently, tls: true,
			client: func(s *httptest.Server) *http.Client { return s.Client() }},
		{name: "caller's client that follows everything", status: http.StatusTemporaryRedirect, tls: true,
			client: func(s *httptest.Server) *http.Client {
				hc := s.Client()
				hc.CheckRedirect = func(*http.Request, []*http.Request) error { return nil }
				return hc
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			target := newElsewhere(t)
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target.srv.URL+r.URL.Path, tc.status)
			})
			var api *httptest.Server
			if tc.tls {
				api = httptest.NewTLSServer(h)
			} else {
				api = httptest.NewServer(h)
			}
			defer api.Close()
			c := &analyst.Client{BaseURL: api.URL, Auth: analyst.PAT("pat-redirect-secret-000000"), MaxRetries: -1}
			if tc.client != nil {
				c.HTTPClient = tc.client(api)
			}
			for _, stream := range []bool{false, true} {
				req := analyst.StagedModel(stage, "q")
				req.Stream = stream
				resp, err := c.Message(context.Background(), req)
				require.ErrorIs(t, err, analyst.ErrRedirected)
				require.Nil(t, resp, "the redirect target's body is not the answer")
				require.ErrorContains(t, err, target.srv.Listener.Addr().String(), "the error names where it was sent")
				require.Zero(t, target.hits.Load(), "nothing is sent to the redirect target")
				require.Zero(t, target.bearers.Load(), "the token never goes elsewhere")
			}
			require.ErrorIs(t, c.Feedback(context.Background(), analyst.FeedbackRequest{RequestID: "r"}), analyst.ErrRedirected)
			require.Zero(t, target.hits.Load())
		})
	}
}
