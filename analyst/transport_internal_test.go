package analyst

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestDefaultHTTPClientBoundsHeadersNotStreams(t *testing.T) {
	t.Parallel()
	require.Zero(t, defaultHTTP.Timeout, "no total timeout: streams are bounded by the context")
	tr, ok := defaultHTTP.Transport.(*http.Transport)
	require.True(t, ok)
	require.Equal(t, DefaultTimeout, tr.ResponseHeaderTimeout)
	require.Positive(t, tr.TLSHandshakeTimeout)
	require.NotNil(t, tr.DialContext)
	require.NotNil(t, defaultHTTP.CheckRedirect)
}

// TestHeaderTimeoutCutsASilentServerButNotALongStream holds a stream open
// until a silent request on the same client has been cut by the header
// timeout, so the stream outlives the bound by construction, not by sleeps
// that a loaded machine may stretch.
func TestHeaderTimeoutCutsASilentServerButNotALongStream(t *testing.T) {
	t.Parallel()
	const headerTimeout = 2 * time.Second // a bound on a loopback answer's headers, not a measure
	cut, ended := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == FeedbackPath { // silent: no headers until the client goes away
			io.Copy(io.Discard, r.Body) // read, so that the server sees the client leave
			select {
			case <-r.Context().Done():
			case <-ended:
			}
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(200)
		delta := []byte("event: message.content.delta\ndata: {\"index\":0,\"type\":\"text\",\"text_delta\":\"x\"}\n\n")
		w.Write(delta)
		w.(http.Flusher).Flush()
		select { // the stream goes on after the header bound has cut the silent request
		case <-cut:
		case <-r.Context().Done():
			return
		case <-ended:
			return
		}
		w.Write(delta)
		w.Write([]byte("event: status\ndata: {\"status\":\"done\"}\n\n"))
	}))
	defer srv.Close()
	defer close(ended) // before the server's Close waits for its handlers
	c := &Client{BaseURL: srv.URL, Auth: PAT("p"), HTTPClient: newHTTPClient(headerTimeout), MaxRetries: -1}
	s, err := c.Stream(context.Background(), StagedModel("@D.S.ST/m.yaml", "q"))
	require.NoError(t, err)
	defer s.Close()
	ev, err := s.Next()
	require.NoError(t, err)
	require.Equal(t, "x", ev.Delta.TextDelta)

	err = c.Feedback(context.Background(), FeedbackRequest{RequestID: "r"})
	require.Error(t, err)
	require.ErrorContains(t, err, "timeout")
	close(cut)

	resp, err := s.Wait()
	require.NoError(t, err)
	require.Equal(t, "xx", resp.Text())
}
