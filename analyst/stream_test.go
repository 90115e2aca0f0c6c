package analyst_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
)

// sse writes one event and flushes it.
func sse(w http.ResponseWriter, event, data string) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, data)
	w.(http.Flusher).Flush()
}

func streamHeaders(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Snowflake-Request-Id", "stream-req-9")
	w.WriteHeader(200)
}

func TestStreamAssemblesEveryEventType(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) {
		require.Equal(t, "text/event-stream", r.Header.Get("Accept"))
		streamHeaders(w)
		io.WriteString(w, ": a comment line\n\n")
		sse(w, "status", `{"status":"interpreting_question","status_message":"Interpreting question","request_id":"body-req-1"}`)
		sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":"This is our "}`)
		sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":"interpretation."}`)
		sse(w, "status", `{"status":"generating_sql","status_message":"Generating SQL"}`)
		sse(w, "message.content.delta", `{"index":1,"type":"sql","statement_delta":"SELECT SUM(net_amount)","confidence":{"verified_query_used":{"name":"vq","question":"q","sql":"s"}}}`)
		sse(w, "message.content.delta", `{"index":1,"type":"sql","statement_delta":" FROM __orders"}`)
		// suggestions arrive out of order, split inside each suggestion
		sse(w, "message.content.delta", `{"index":2,"type":"suggestions","suggestions_delta":{"index":1,"suggestion_delta":"Which region "}}`)
		sse(w, "message.content.delta", `{"index":2,"type":"suggestions","suggestions_delta":{"index":0,"suggestion_delta":"Revenue by month?"}}`)
		sse(w, "message.content.delta", `{"index":2,"type":"suggestions","suggestions_delta":{"index":1,"suggestion_delta":"sold most?"}}`)
		fmt.Fprint(w, "event: warnings\ndata: {\"warnings\":\ndata: [{\"message\":\"wide table\"}]}\n\n") // data on two lines
		sse(w, "response_metadata", `{"question_category":"CLEAR_SQL","model_names":["m"]}`)
		sse(w, "status", `{"status":"done","status_message":"Done"}`)
		sse(w, "message.content.delta", `{"index":9,"type":"text","text_delta":"after done: ignored"}`)
	}
	s, err := f.client(t, nil).Stream(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err)
	defer s.Close()
	var types []string
	var deltas int
	for ev, err := range s.Events() {
		require.NoError(t, err)
		types = append(types, ev.Type)
		if ev.Delta != nil {
			deltas++
		}
	}
	require.Equal(t, 7, deltas, "deltas are seen as they arrive")
	require.Equal(t, "status", types[0])
	require.Equal(t, "status", types[len(types)-1])

	resp := s.Response()
	require.Equal(t, "body-req-1", resp.RequestID)
	require.Equal(t, "This is our interpretation.", resp.Text())
	sql, _ := resp.SQL()
	require.Equal(t, "SELECT SUM(net_amount) FROM __orders", sql)
	require.Equal(t, "vq", resp.VerifiedQueryUsed().Name)
	require.Equal(t, []string{"Revenue by month?", "Which region sold most?"}, resp.Suggestions())
	require.Equal(t, []analyst.Warning{{Message: "wide table"}}, resp.Warnings)
	require.Equal(t, "CLEAR_SQL", resp.QuestionCategory())
	require.Len(t, resp.Message.Content, 3)
	require.Equal(t, true, f.body(0)["stream"])
}

func TestStreamedAnswerEqualsPlainAnswerThroughMessage(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) {
		streamHeaders(w)
		sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":"Hi"}`)
		sse(w, "done", `{}`)
	}
	req := analyst.StagedModel(stage, "q")
	req.Stream = true
	resp, err := f.client(t, nil).Message(context.Background(), req)
	require.NoError(t, err)
	require.Equal(t, "Hi", resp.Text())
	require.Equal(t, "stream-req-9", resp.RequestID, "the header's id when no event carries one")
}

func TestStreamErrorEvent(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) {
		streamHeaders(w)
		sse(w, "status", `{"status":"interpreting_question"}`)
		sse(w, "error", `{"message":"Semantic model validation failed","code":null,"error_code":"392700","request_id":"err-req"}`)
	}
	s, err := f.client(t, nil).Stream(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err, "HTTP 200: the failure is inside the stream")
	defer s.Close()
	_, err = s.Wait()
	var ae *analyst.APIError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, "392700", ae.CodeOrErrorCode())
	require.Equal(t, "err-req", ae.RequestID)
}

func TestStreamCutMidway(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) {
		streamHeaders(w)
		sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":"partial"}`)
		io.WriteString(w, "event: message.content.delta\ndata: {\"index\":0,")
		w.(http.Flusher).Flush()
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close() // the connection drops mid-event
		}
	}
	s, err := f.client(t, nil).Stream(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err)
	defer s.Close()
	_, err = s.Wait()
	require.ErrorIs(t, err, analyst.ErrStreamInterrupted)
	require.Equal(t, "partial", s.Response().Text(), "what arrived is kept")
}

func TestStreamRefusedBeforeStartingIsAPlainError(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) {
		writeJSON(w, 400, `{"message":"Invalid semantic model","code":"392700"}`)
	}
	_, err := f.client(t, nil).Stream(context.Background(), analyst.StagedModel(stage, "q"))
	var ae *analyst.APIError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, 400, ae.StatusCode)
}

func TestStreamMalformedAndOversizedEvents(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		streamHeaders(w)
		if n == 1 {
			sse(w, "message.content.delta", `{"index":0,"type":`)
			return
		}
		sse(w, "message.content.delta", `{"index":0,"type":"text","text_delta":"`+strings.Repeat("x", 4096)+`"}`)
	}
	c := f.client(t, nil)
	s, err := c.Stream(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err)
	_, err = s.Wait()
	require.ErrorIs(t, err, analyst.ErrMalformedResponse)
	s.Close()
	c.MaxResponseBytes = 1000
	s, err = c.Stream(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err)
	_, err = s.Wait()
	require.ErrorIs(t, err, analyst.ErrResponseTooLarge)
	s.Close()
}
