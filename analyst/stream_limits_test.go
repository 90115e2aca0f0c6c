package analyst_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

func TestStreamTotalSizeIsBounded(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	delta := strings.Repeat("y", 200)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) {
		streamHeaders(w)
		for range 100 { // 100 small events, each far below the per-event bound
			sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":"`+delta+`"}`)
		}
		sse(w, "status", `{"status":"done"}`)
	}
	c := f.client(t, nil)
	c.MaxStreamBytes = 10_000
	s, err := c.Stream(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err)
	defer s.Close()
	_, err = s.Wait()
	require.ErrorIs(t, err, analyst.ErrResponseTooLarge)
	var tl *analyst.TooLargeError
	require.ErrorAs(t, err, &tl)
	require.Equal(t, int64(10_000), tl.Limit)
	require.True(t, tl.Stream)
	require.LessOrEqual(t, len(s.Response().Text()), 10_000, "no more than the bound was kept")

	c.MaxStreamBytes = 0 // the default bound lets the same stream through
	resp, err := c.Message(context.Background(), func() analyst.Request {
		r := analyst.StagedModel(stage, "q")
		r.Stream = true
		return r
	}())
	require.NoError(t, err)
	require.Equal(t, strings.Repeat(delta, 100), resp.Text())
}

// stalledStream sends one delta and then nothing until the client goes away.
func stalledStream(t *testing.T) *fakeAnalyst {
	t.Helper()
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) {
		streamHeaders(w)
		sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":"first"}`)
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
	}
	return f
}

func TestStreamCancelledOrTimedOutWrapsTheContextError(t *testing.T) {
	t.Parallel()
	t.Run("cancelled", func(t *testing.T) {
		t.Parallel()
		f := stalledStream(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s, err := f.client(t, nil).Stream(ctx, analyst.StagedModel(stage, "q"))
		require.NoError(t, err)
		defer s.Close()
		ev, err := s.Next()
		require.NoError(t, err)
		require.Equal(t, "first", ev.Delta.TextDelta)
		cancel()
		_, err = s.Wait()
		require.ErrorIs(t, err, context.Canceled)
		require.ErrorIs(t, err, analyst.ErrStreamInterrupted)
		require.Equal(t, "first", s.Response().Text(), "what arrived is kept")
	})
	t.Run("deadline", func(t *testing.T) {
		t.Parallel()
		f := stalledStream(t)
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		req := analyst.StagedModel(stage, "q")
		req.Stream = true
		_, err := f.client(t, nil).Message(ctx, req)
		require.ErrorIs(t, err, context.DeadlineExceeded)
	})
	t.Run("request timeout option", func(t *testing.T) {
		t.Parallel()
		f := stalledStream(t)
		c := f.client(t, nil)
		// The stream stalls until the client leaves, so the bound's size is not
		// measured: it only has to let the stream open on a loaded machine.
		c.RequestTimeout = 2 * time.Second
		s, err := c.Stream(context.Background(), analyst.StagedModel(stage, "q"))
		require.NoError(t, err)
		defer s.Close()
		_, err = s.Wait()
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.ErrorContains(t, err, "stream")
	})
	t.Run("cancelled before the answer", func(t *testing.T) {
		t.Parallel()
		f := newFake(t)
		f.handle = func(w http.ResponseWriter, r *http.Request, _ int) { <-r.Context().Done() }
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		_, err := f.client(t, nil).Message(ctx, analyst.StagedModel(stage, "q"))
		require.ErrorIs(t, err, context.DeadlineExceeded)
	})
}

// deltaStream is an SSE body whose text deltas add up to total bytes.
func deltaStream(total, delta int) []byte {
	var b bytes.Buffer
	piece := strings.Repeat("d", delta)
	for n := 0; n < total; n += delta {
		fmt.Fprintf(&b, "event: message.content.delta\ndata: {\"index\":0,\"type\":\"text\",\"text_delta\":\"%s\"}\n\n", piece)
	}
	b.WriteString("event: status\ndata: {\"status\":\"done\"}\n\n")
	return b.Bytes()
}

// BenchmarkStreamAssembly31MB streams 31 MB of text deltas through the client
// and assembles them: the cost must grow linearly with the stream.
func BenchmarkStreamAssembly31MB(b *testing.B) {
	const total = 31 << 20
	for _, delta := range []int{4096, 512} {
		b.Run(fmt.Sprintf("delta=%d", delta), func(b *testing.B) {
			body := deltaStream(total, delta)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/event-stream")
				w.Write(body)
			}))
			defer srv.Close()
			c := &analyst.Client{BaseURL: srv.URL, Auth: analyst.PAT("bench")}
			req := analyst.StagedModel(stage, "q")
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				s, err := c.Stream(context.Background(), req)
				if err != nil {
					b.Fatal(err)
				}
				resp, err := s.Wait()
				s.Close()
				if err != nil {
					b.Fatal(err)
				}
				if n := len(resp.Text()); n < total {
					b.Fatalf("assembled %d bytes, want %d", n, total)
				}
			}
		})
	}
}
