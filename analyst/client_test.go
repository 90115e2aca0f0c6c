package analyst_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/semantic"
)

const stage = "@SALES_ANALYTICS_DB.SEMANTIC.SEMANTIC_MODELS/sales_model.yaml"

const fullAnswer = `{
  "request_id": "75d343ee-0001",
  "message": {"role": "analyst", "content": [
    {"type": "text", "text": "This is our interpretation of your question:\n\nWhat was total revenue last month?"},
    {"type": "sql", "statement": "SELECT SUM(net_amount) FROM __orders", "confidence": {"verified_query_used":
      {"name": "total revenue last month", "question": "What was total revenue last month?", "sql": "SELECT 1", "verified_at": 1767225600, "verified_by": "salesanalytics"}}},
    {"type": "chart", "chart_spec": "{\"mark\":\"bar\"}"}
  ]},
  "warnings": [{"message": "Table orders has (33) columns, which exceeds the recommended maximum of 10"}],
  "response_metadata": {"model_names": ["claude-sonnet"], "question_category": "CLEAR_SQL", "analyst_latency_ms": 4200}
}`

func TestMessageWithKeyPairJWT(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) { writeJSON(w, 200, fullAnswer) }
	c := f.client(t, nil)
	resp, err := c.Message(context.Background(), analyst.StagedModel(stage, "What was total revenue last month?"))
	require.NoError(t, err)

	require.Equal(t, "75d343ee-0001", resp.RequestID)
	require.Contains(t, resp.Text(), "What was total revenue last month?")
	sql, ok := resp.SQL()
	require.True(t, ok)
	require.Equal(t, "SELECT SUM(net_amount) FROM __orders", sql)
	require.Equal(t, "total revenue last month", resp.VerifiedQueryUsed().Name)
	require.Len(t, resp.Warnings, 1)
	require.Equal(t, "CLEAR_SQL", resp.QuestionCategory())
	require.Equal(t, analyst.ContentType("chart"), resp.Message.Content[2].Type, "unknown types are kept")
	require.Contains(t, string(resp.Message.Content[2].Raw), "chart_spec")

	body := f.body(0)
	require.Equal(t, stage, body["semantic_model_file"])
	require.Equal(t, false, body["stream"])
	msgs := body["messages"].([]any)
	require.Equal(t, "user", msgs[0].(map[string]any)["role"])
}

func TestContentTypesDecode(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) {
		writeJSON(w, 200, `{"request_id":"r2","message":{"role":"analyst","content":[
			{"type":"text","text":"Your question is ambiguous, here are some alternatives:"},
			{"type":"suggestion","suggestions":["Which product had the most revenue?","Which product sold the most units?"]},
			{"type":"sql","statement":"SELECT 1","confidence":null},
			{"type":"sql","statement":"SELECT 2","confidence":{"verified_query_used":null}}]}}`)
	}
	resp, err := f.client(t, nil).Message(context.Background(), analyst.StagedModel(stage, "best product?"))
	require.NoError(t, err)
	require.Equal(t, []string{"Which product had the most revenue?", "Which product sold the most units?"}, resp.Suggestions())
	require.Equal(t, analyst.ContentSuggestions, resp.Message.Content[1].Type, `"suggestion" read as "suggestions"`)
	require.Nil(t, resp.VerifiedQueryUsed(), "null confidence")
	require.Nil(t, resp.Message.Content[3].Confidence.VerifiedQueryUsed)
}

func TestErrorBodiesAreTyped(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) {
		writeJSON(w, 400, `{"message":"The semantic model you provided is too large, surpassing the LLM context window.","code":null,"error_code":"392701","request_id":"req-too-large"}`)
	}
	_, err := f.client(t, nil).Message(context.Background(), analyst.StagedModel(stage, "q"))
	var ae *analyst.APIError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, 400, ae.StatusCode)
	require.Empty(t, ae.Code)
	require.Equal(t, "392701", ae.ErrorCode)
	require.Equal(t, "392701", ae.CodeOrErrorCode())
	require.Equal(t, "req-too-large", ae.RequestID)
	require.False(t, analyst.IsRetryable(err))
	require.Equal(t, int32(1), f.calls.Load(), "400 is not retried")
	require.Contains(t, err.Error(), "HTTP 400 (code 392701)")
	require.Contains(t, err.Error(), "[request req-too-large]")
}

func TestRetriesHonourRetryAfterThenSucceed(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		switch n {
		case 1:
			w.Header().Set("Retry-After", "7")
			writeJSON(w, 429, `{"message":"Too many requests","code":"429001"}`)
		case 2:
			writeJSON(w, 503, `{"message":"Service unavailable"}`)
		default:
			writeJSON(w, 200, fullAnswer)
		}
	}
	var waits []time.Duration
	c := f.client(t, &waits)
	resp, err := c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.NoError(t, err)
	require.Equal(t, "75d343ee-0001", resp.RequestID)
	require.Equal(t, int32(3), f.calls.Load())
	require.Len(t, waits, 2)
	require.Equal(t, 7*time.Second, waits[0], "Retry-After wins")
	require.Greater(t, waits[1], time.Duration(0))
	require.LessOrEqual(t, waits[1], analyst.DefaultMaxBackoff)
}

func TestRetriesGiveUpAndHonourTheContext(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 503, `{"message":"down"}`) }
	var waits []time.Duration
	c := f.client(t, &waits)
	c.MaxRetries = 2
	_, err := c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	var ae *analyst.APIError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, 503, ae.StatusCode)
	require.Equal(t, int32(3), f.calls.Load(), "one try and two retries")
	require.Len(t, waits, 2)

	ctx, cancel := context.WithCancel(context.Background())
	c.Sleep = func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }
	_, err = c.Message(ctx, analyst.StagedModel(stage, "q"))
	require.ErrorIs(t, err, context.Canceled)
	require.Contains(t, err.Error(), "waiting to retry")
}

func TestMalformedAndOversizedBodies(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeJSON(w, 200, `{"request_id": "x", "message": {"role": "analyst", "content": [`)
			return
		}
		writeJSON(w, 200, `{"request_id":"x","message":{"role":"analyst","content":[{"type":"text","text":"`+strings.Repeat("a", 5000)+`"}]}}`)
	}
	c := f.client(t, nil)
	_, err := c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.ErrorIs(t, err, analyst.ErrMalformedResponse)
	c.MaxResponseBytes = 1024
	_, err = c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.ErrorIs(t, err, analyst.ErrResponseTooLarge)
}

func TestNoSecretInErrors(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ int) { writeJSON(w, 500, `{"message":"boom"}`) }
	c := &analyst.Client{BaseURL: f.srv.URL, Auth: analyst.PAT(f.pat)}
	_, err := c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.Error(t, err)
	require.NotContains(t, err.Error(), f.pat)
	require.NotContains(t, fmt.Sprintf("%v %+v %#v", c.Auth, c.Auth, c.Auth), f.pat)
	// A wrong token is refused with the server's message, not the token.
	c.Auth = analyst.PAT("pat-wrong-secret")
	_, err = c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.ErrorContains(t, err, "HTTP 401 (code 390144)")
	require.NotContains(t, err.Error(), "pat-wrong-secret")
	// Unreachable server: the error names the path, not the token.
	c.BaseURL = "http://127.0.0.1:1"
	c.MaxRetries = -1
	_, err = c.Message(context.Background(), analyst.StagedModel(stage, "q"))
	require.Error(t, err)
	require.NotContains(t, err.Error(), "pat-wrong-secret")
}

func TestFeedbackAcceptsEmptyAndStatusBodies(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			w.WriteHeader(200)
			return
		}
		writeJSON(w, 200, `{"status":"Feedback submitted"}`)
	}
	c := f.client(t, nil)
	require.NoError(t, c.Feedback(context.Background(), analyst.FeedbackRequest{RequestID: "r1", Positive: true}))
	require.NoError(t, c.Feedback(context.Background(), analyst.FeedbackRequest{RequestID: "r1", Positive: false, Message: "wrong table"}))
	b := f.body(1)
	require.Equal(t, "r1", b["request_id"])
	require.Equal(t, false, b["positive"])
	require.Equal(t, "wrong table", b["feedback_message"])
	require.ErrorIs(t, c.Feedback(context.Background(), analyst.FeedbackRequest{}), analyst.ErrInvalidRequest)
}

func TestConversationKeepsTurnsAlternating(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 2 {
			writeJSON(w, 400, `{"message":"Invalid question","error_code":"399504"}`)
			return
		}
		writeJSON(w, 200, fmt.Sprintf(`{"request_id":"r%d","message":{"role":"analyst","content":[{"type":"text","text":"answer %d"}]}}`, n, n))
	}
	c := f.client(t, nil)
	conv := &analyst.Conversation{Client: c, Base: analyst.Request{SemanticModelFile: stage}}
	ctx := context.Background()
	_, err := conv.Ask(ctx, "What is revenue by region?")
	require.NoError(t, err)
	_, err = conv.Ask(ctx, "nonsense")
	require.Error(t, err)
	require.Len(t, conv.History(), 2, "a failed question is not kept")
	resp, err := conv.Ask(ctx, "What about last month?")
	require.NoError(t, err)
	require.Equal(t, "r3", resp.RequestID)
	msgs := f.body(2)["messages"].([]any)
	require.Len(t, msgs, 3)
	var roles []string
	for _, m := range msgs {
		roles = append(roles, m.(map[string]any)["role"].(string))
	}
	require.Equal(t, []string{"user", "analyst", "user"}, roles)
	require.Len(t, conv.History(), 4)
	conv.Reset()
	require.Empty(t, conv.History())
}

func TestRequestValidation(t *testing.T) {
	m := semantic.SalesModel()
	inline, err := analyst.InlineModel(m, "q")
	require.NoError(t, err)
	require.NoError(t, inline.Validate())
	back, err := semantic.Parse("inline.yaml", []byte(inline.SemanticModel))
	require.NoError(t, err)
	require.True(t, m.Equal(back), "the inline model is the model")

	for _, tc := range []struct {
		req analyst.Request
		msg string
	}{
		{analyst.Request{Messages: []analyst.Message{analyst.Text("q")}}, "exactly one of"},
		{analyst.Request{SemanticModelFile: stage, SemanticView: "DB.S.V", Messages: []analyst.Message{analyst.Text("q")}}, "(2 set)"},
		{analyst.StagedModel("SALES/model.yaml", "q"), "must start with @"},
		{analyst.StagedModel("@my_stage/model.yaml", "q"), "fully qualified stage"},
		{analyst.Request{SemanticModelFile: stage}, "no messages"},
		{analyst.Request{SemanticModelFile: stage, Messages: []analyst.Message{analyst.Text("a"), analyst.Text("b")}}, "must alternate"},
		{analyst.Request{SemanticModelFile: stage, Messages: []analyst.Message{analyst.Text("a"), {Role: analyst.RoleAnalyst}}}, "last message must be the user's"},
		{analyst.Request{SemanticModels: []analyst.ModelRef{{}}, Messages: []analyst.Message{analyst.Text("a")}}, "semantic_models[0] needs exactly one"},
	} {
		err := tc.req.Validate()
		require.ErrorIs(t, err, analyst.ErrInvalidRequest)
		require.ErrorContains(t, err, tc.msg)
	}
	require.NoError(t, analyst.View(`"my-db"."s"."V"`, "q").Validate())
}

func TestAccountForms(t *testing.T) {
	for _, tc := range []struct{ in, url, jwt string }{
		{"myorg-myacct", "https://myorg-myacct.snowflakecomputing.com", "MYORG-MYACCT"},
		{"xy12345.us-east-2.aws", "https://xy12345.us-east-2.aws.snowflakecomputing.com", "XY12345"},
		{"myorg-my_acct", "https://myorg-my-acct.snowflakecomputing.com", "MYORG-MY_ACCT"},
		{"acct.privatelink", "https://acct.privatelink.snowflakecomputing.com", "ACCT"},
		{"https://myorg-myacct.snowflakecomputing.com/", "https://myorg-myacct.snowflakecomputing.com", "MYORG-MYACCT"},
		{"test.global", "https://test.global.snowflakecomputing.com", "TEST.GLOBAL"},
	} {
		u, err := analyst.AccountURL(tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.url, u, tc.in)
		require.Equal(t, tc.jwt, analyst.JWTAccount(tc.in), tc.in)
	}
	_, err := analyst.AccountURL("bad account/x")
	require.Error(t, err)
}

func TestKeyPairTokensAreCachedAndRenewed(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	kp := &analyst.KeyPair{Account: "a", User: "u", Key: newKey(t), Now: func() time.Time { return now }}
	t1, kind, err := kp.Token(context.Background())
	require.NoError(t, err)
	require.Equal(t, analyst.TokenKeyPairJWT, kind)
	now = now.Add(50 * time.Minute)
	t2, _, _ := kp.Token(context.Background())
	require.Equal(t, t1, t2, "cached while fresh")
	now = now.Add(5 * time.Minute) // within 5 minutes of the 59-minute expiry
	t3, _, _ := kp.Token(context.Background())
	require.NotEqual(t, t1, t3, "renewed before expiry")
	for _, form := range []string{"%v", "%+v", "%#v", "%s"} {
		require.NotContains(t, fmt.Sprintf(form, kp), t3, form)
	}
	_, _, err = (&analyst.KeyPair{}).Token(context.Background())
	require.ErrorContains(t, err, "needs a private key")
}

func TestConversationWithoutClientIsAnError(t *testing.T) {
	t.Parallel()
	conv := &analyst.Conversation{Base: analyst.Request{SemanticModelFile: stage}}
	_, err := conv.Ask(context.Background(), "q")
	require.ErrorIs(t, err, analyst.ErrInvalidRequest)
	require.ErrorContains(t, err, "no Client")
}

// BenchmarkResponseTextManyItems joins 50,000 text items: linear, not quadratic.
func BenchmarkResponseTextManyItems(b *testing.B) {
	resp := &analyst.Response{Message: analyst.Message{Role: analyst.RoleAnalyst}}
	for range 50_000 {
		resp.Message.Content = append(resp.Message.Content, analyst.Content{Type: analyst.ContentText, Text: "0123456789"})
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(resp.Text()) != 50_000*12-2 {
			b.Fatal("wrong length")
		}
	}
}
