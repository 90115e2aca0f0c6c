package analyst_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

func nested(depth int) string {
	return strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth)
}

func TestJSONDepthIsBounded(t *testing.T) {
	t.Parallel()
	for _, depth := range []int{analyst.MaxJSONDepth + 1, 100_000} {
		f := newFake(t)
		f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
			if n == 1 {
				writeJSON(w, 200, `{"request_id":"x","message":{"role":"analyst","content":[]},"response_metadata":`+nested(depth)+`}`)
				return
			}
			streamHeaders(w)
			sse(w, "response_metadata", nested(depth))
			sse(w, "status", `{"status":"done"}`)
		}
		c := f.client(t, nil)
		_, err := c.Message(context.Background(), analyst.StagedModel(stage, "q"))
		require.ErrorIs(t, err, analyst.ErrMalformedResponse, "depth %d", depth)
		require.ErrorContains(t, err, "deep")
		req := analyst.StagedModel(stage, "q")
		req.Stream = true
		_, err = c.Message(context.Background(), req)
		require.ErrorIs(t, err, analyst.ErrMalformedResponse, "depth %d streamed", depth)
		require.ErrorContains(t, err, "deep")
	}
	// The deepest a real answer goes is well inside the bound.
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, `{"request_id":"x","message":{"role":"analyst","content":[]},"response_metadata":`+nested(analyst.MaxJSONDepth-2)+`}`)
	}
	_, err := f.client(t, nil).Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err)
}

func TestErrorBodyReadIsBounded(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		w.WriteHeader(400)
		chunk := []byte(strings.Repeat("z", 1<<16))
		for i := 0; i < 1<<12; i++ { // 256 MiB if read whole
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
	_, err := f.client(t, nil).Message(context.Background(), analyst.StagedModel(stage, "q"))
	var ae *analyst.APIError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, 400, ae.StatusCode)
	require.LessOrEqual(t, len(ae.Message), 400)
}
