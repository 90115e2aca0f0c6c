package analyst

import (
	"context"
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

func TestHeaderTimeoutCutsASilentServerButNotALongStream(t *testing.T) {
	t.Parallel()
	const headerTimeout = 300 * time.Millisecond
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == FeedbackPath { // silent: no headers for longer than the bound
			select {
			case <-r.Context().Done():
			case <-time.After(10 * headerTimeout):
			}
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(200)
		for range 8 { // 8 × 100 ms: the stream outlives the header bound
			w.Write([]byte("event: message.content.delta\ndata: {\"index\":0,\"type\":\"text\",\"text_delta\":\"x\"}\n\n"))
			w.(http.Flusher).Flush()
			time.Sleep(headerTimeout / 3)
		}
		w.Write([]byte("event: status\ndata: {\"status\":\"done\"}\n\n"))
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, Auth: PAT("p"), HTTPClient: newHTTPClient(headerTimeout), MaxRetries: -1}
	req := StagedModel("@D.S.ST/m.yaml", "q")
	req.Stream = true
	resp, err := c.Message(context.Background(), req)
	require.NoError(t, err)
	require.Equal(t, "xxxxxxxx", resp.Text())

	err = c.Feedback(context.Background(), FeedbackRequest{RequestID: "r"})
	require.Error(t, err)
	require.ErrorContains(t, err, "timeout")
}
