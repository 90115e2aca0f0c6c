package web_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// withAnalyst serves the site with a on the analyst page.
func (s *site) withAnalyst(tb testing.TB, a web.Analyst, timeout time.Duration) *site {
	tb.Helper()
	cfg := web.ForDashboard(s.d, web.Options{Analyst: a})
	cfg.Timeout = timeout
	h, err := web.New(cfg)
	require.NoError(tb, err)
	return &site{h: h, d: s.d, eng: s.eng}
}

// offlineAnalyst is the offline analyst over the site's warehouse, read as of
// the demo data's day.
func offlineAnalyst(tb testing.TB, s *site) *offline.Analyst {
	tb.Helper()
	a, err := offline.New(context.Background(), semantic.SalesModel(), s.eng.DB(), offline.Options{Dialect: s.eng.Dialect(), Now: demoNow})
	require.NoError(tb, err)
	return a
}

// event is one server-sent event: its name and its data lines joined.
type event struct{ name, data string }

// events reads a text/event-stream body one event at a time.
type events struct {
	r   *bufio.Reader
	res *http.Response
}

// stream opens /analyst/stream?q= on srv.
func stream(tb testing.TB, ctx context.Context, srv *httptest.Server, q string) *events {
	tb.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/analyst/stream?"+url.Values{"q": {q}}.Encode(), nil)
	require.NoError(tb, err)
	res, err := srv.Client().Do(req)
	require.NoError(tb, err)
	tb.Cleanup(func() { res.Body.Close() })
	return &events{r: bufio.NewReader(res.Body), res: res}
}

// next returns the next event, or false at the end of the body.
func (e *events) next(tb testing.TB) (event, bool) {
	tb.Helper()
	var ev event
	var data []string
	for {
		line, err := e.r.ReadString('\n')
		if errors.Is(err, io.EOF) && line == "" {
			require.Empty(tb, ev.name, "the body ended inside an event")
			return ev, false
		}
		require.NoError(tb, err)
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			ev.data = strings.Join(data, "\n")
			return ev, true
		case strings.HasPrefix(line, "event: "):
			ev.name = line[len("event: "):]
		case strings.HasPrefix(line, "data: "):
			data = append(data, line[len("data: "):])
		default:
			tb.Fatalf("not an event line: %q", line)
		}
	}
}

// all reads the rest of the stream.
func (e *events) all(tb testing.TB) []event {
	tb.Helper()
	var out []event
	for {
		ev, ok := e.next(tb)
		if !ok {
			return out
		}
		out = append(out, ev)
	}
}

// decimalOf is a result cell that must be a decimal.
func decimalOf(tb testing.TB, v any) decimal.Decimal {
	tb.Helper()
	d, ok := v.(decimal.Decimal)
	require.True(tb, ok, "%T %v is not a decimal", v, v)
	return d
}

func names(evs []event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.name
	}
	return out
}

// The offline analyst's answer streams in its stages, each a fragment of the
// page's own markup: the status, the sentence's lead, the SQL, the table, the
// figures, the follow-ups, then the whole sentence. The table equals the one
// the page renders for the same URL, and its figures the analyst's own result.
func TestAnalystStreamsTheOfflineAnswer(t *testing.T) {
	t.Parallel()
	base := newSite(t, testScale, true)
	oa := offlineAnalyst(t, base)
	s := base.withAnalyst(t, web.FromAnalyst(oa), 0)
	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)
	const q = "revenue by region in 2025"

	es := stream(t, context.Background(), srv, q)
	require.Equal(t, http.StatusOK, es.res.StatusCode)
	require.Equal(t, "text/event-stream; charset=utf-8", es.res.Header.Get("Content-Type"))
	require.Contains(t, es.res.Header.Get("Content-Security-Policy"), "script-src 'self'")
	evs := es.all(t)
	require.Equal(t, []string{"status", "text", "sql", "status", "table", "text", "suggest", "done"}, names(evs))

	want, err := oa.Ask(context.Background(), nil, q)
	require.NoError(t, err)
	require.Equal(t, "<span class=\"spinner\" aria-hidden=\"true\"></span> <span>Interpreting the question</span>", evs[0].data)
	require.Equal(t, want.Text, evs[1].data+evs[5].data, "the two pieces are the sentence")
	require.Contains(t, evs[7].data, `<p class="answer" data-answer>`+want.Text+`</p>`, "the last event is the whole turn")
	require.Contains(t, evs[2].data, "<code>SELECT ")

	tbl := parsePage(t, evs[4].data).table(t, "answer-1")
	require.Len(t, tbl, len(want.Result.Rows))
	for i, row := range want.Result.Rows {
		require.Equal(t, row[0], tbl[i][0].text)
		equalFigure(t, decimalOf(t, row[1]), tbl[i][1].text, "revenue of "+tbl[i][0].text)
	}
	_, body := s.get(t, "/analyst?"+url.Values{"q": {q}}.Encode())
	require.Equal(t, parsePage(t, body).table(t, "answer-1"), tbl, "the streamed table is the page's")
	require.Contains(t, body, evs[2].data, "the streamed SQL box is the page's")
	require.Contains(t, body, evs[6].data, "the streamed follow-ups are the page's")
	require.Contains(t, body, evs[7].data, "the streamed turn is the page's")
	require.Contains(t, evs[6].data, `href="/analyst?q=`+strings.ReplaceAll(url.QueryEscape(q), "+", "&#43;")+`&amp;q=`, "a follow-up is asked after the question")
}

// A hostile question comes back escaped in every event, whatever part echoes
// it; the script only ever receives markup the server escaped.
func TestAnalystStreamEscapes(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true).withAnalyst(t, echoStreamer{}, 0)
	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)
	hostile := `<script>alert(1)</script>`
	raw, err := io.ReadAll(stream(t, context.Background(), srv, hostile).r)
	require.NoError(t, err)
	require.NotContains(t, string(raw), "<script")
	evs := (&events{r: bufio.NewReader(strings.NewReader(string(raw)))}).all(t)
	require.Equal(t, []string{"status", "text", "sql", "table", "suggest", "done"}, names(evs))
	for _, ev := range evs {
		require.Contains(t, ev.data, "&lt;script&gt;alert(1)&lt;/script&gt;", ev.name)
	}
	require.Contains(t, evs[4].data, `href="/analyst?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E&amp;q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"`)

	// The offline analyst declines it, and says so escaped.
	base := newSite(t, testScale, true)
	s = base.withAnalyst(t, web.FromAnalyst(offlineAnalyst(t, base)), 0)
	srv2 := httptest.NewServer(s.h)
	t.Cleanup(srv2.Close)
	raw, err = io.ReadAll(stream(t, context.Background(), srv2, hostile).r)
	require.NoError(t, err)
	require.NotContains(t, string(raw), "<script")
	require.Contains(t, string(raw), "event: done")
}

// An analyst that cannot stream answers the stream too: its finished answer's
// parts, then the sentence.
func TestAnalystStreamFromAPlainAnalyst(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true).withAnalyst(t, echoAnalyst{}, 0)
	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)
	evs := stream(t, context.Background(), srv, "revenue?").all(t)
	require.Equal(t, []string{"text", "sql", "table", "suggest", "done"}, names(evs))
	require.Equal(t, "You asked: revenue?", evs[0].data)
	require.Contains(t, evs[4].data, `<p class="answer" data-answer>You asked: revenue?</p>`)
	_, body := s.get(t, "/analyst?q=revenue%3F")
	for _, ev := range evs[1:] {
		require.Contains(t, body, ev.data, "the %s event is the page's markup", ev.name)
	}
}

// plainWriter hides the recorder's Flush, as a wrapping middleware may.
type plainWriter struct{ rec *httptest.ResponseRecorder }

func (p plainWriter) Header() http.Header         { return p.rec.Header() }
func (p plainWriter) Write(b []byte) (int, error) { return p.rec.Write(b) }
func (p plainWriter) WriteHeader(status int)      { p.rec.WriteHeader(status) }

// Behind a writer that cannot flush the whole answer still arrives, in one go.
func TestAnalystStreamWithoutFlush(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true).withAnalyst(t, echoStreamer{}, 0)
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(plainWriter{rec}, localRequest(http.MethodGet, "/analyst/stream?q=revenue", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.False(t, rec.Flushed)
	evs := (&events{r: bufio.NewReader(rec.Body)}).all(t)
	require.Equal(t, []string{"status", "text", "sql", "table", "suggest", "done"}, names(evs))
}

// Failures are one error event with the page's message and nothing of the
// cause; a question refused before asking has the page's status too.
func TestAnalystStreamErrors(t *testing.T) {
	t.Parallel()
	base := newSite(t, testScale, true)
	s := base.withAnalyst(t, echoStreamer{}, 0)
	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)
	cases := []struct {
		q      string
		status int
		names  []string
		msg    string
	}{
		{"fail", http.StatusOK, []string{"status", "error"}, "The dashboard could not read the warehouse. The error is in the server log."},
		{strings.Repeat("é", 501), http.StatusBadRequest, []string{"error"}, "The question is too long: keep it under 500 characters."},
		{"   ", http.StatusBadRequest, []string{"error"}, "Type a question first."},
	}
	for _, c := range cases {
		es := stream(t, context.Background(), srv, c.q)
		require.Equal(t, c.status, es.res.StatusCode, c.q)
		evs := es.all(t)
		require.Equal(t, c.names, names(evs), c.q)
		last := evs[len(evs)-1].data
		require.Equal(t, `<p class="tile-error" role="alert">`+c.msg+`</p>`, last, c.q)
	}

	// Without an analyst the stream says so.
	plain := httptest.NewServer(base.h)
	t.Cleanup(plain.Close)
	es := stream(t, context.Background(), plain, "revenue")
	require.Equal(t, http.StatusNotFound, es.res.StatusCode)
	require.Equal(t, []string{"error"}, names(es.all(t)))

	// The request timeout bounds an analyst that does not answer.
	stuck := &blockingStreamer{stopped: make(chan error, 1)}
	slow := httptest.NewServer(base.withAnalyst(t, stuck, 100*time.Millisecond).h)
	t.Cleanup(slow.Close)
	evs := stream(t, context.Background(), slow, "revenue").all(t)
	require.Equal(t, []string{"status", "error"}, names(evs))
	require.Contains(t, evs[1].data, "took too long")
	require.ErrorIs(t, <-stuck.stopped, context.DeadlineExceeded)
}

// A client that goes away stops the analyst's work: its context ends.
func TestAnalystStreamStopsWhenTheClientLeaves(t *testing.T) {
	t.Parallel()
	stuck := &blockingStreamer{stopped: make(chan error, 1)}
	s := newSite(t, testScale, true).withAnalyst(t, stuck, time.Minute)
	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	es := stream(t, ctx, srv, "revenue")
	ev, ok := es.next(t)
	require.True(t, ok)
	require.Equal(t, "status", ev.name, "the first event arrives while the analyst works")
	cancel()
	select {
	case err := <-stuck.stopped:
		require.ErrorIs(t, err, context.Canceled)
	case <-time.After(time.Minute): // an event's wait, not a measure
		t.Fatal("the analyst kept working after the client left")
	}
}

// echoStreamer streams an answer that echoes the question in every part; "fail"
// fails after the first part with a cause that must not reach the client.
type echoStreamer struct{ echoAnalyst }

func (echoStreamer) AskStream(_ context.Context, q string, emit func(web.Piece) error) (web.Answer, error) {
	if err := emit(web.Piece{Kind: analyst.PartStatus, Status: "Reading " + q}); err != nil {
		return web.Answer{}, err
	}
	if q == "fail" {
		return web.Answer{}, errors.New(`sql: connection refused at SELECT "secret"`)
	}
	ans := web.Answer{Text: "You asked: " + q, SQL: "SELECT '" + q + "'", FollowUps: []string{q},
		Table: &web.Table{ID: "answer", Cols: []web.Col{{Name: q}}, Rows: []web.Row{{Cells: []web.Cell{{Text: q}}}}}}
	for _, p := range []web.Piece{{Kind: analyst.PartText, Text: ans.Text}, {Kind: analyst.PartSQL, SQL: ans.SQL},
		{Kind: analyst.PartResult, Table: ans.Table}, {Kind: analyst.PartSuggestions, FollowUps: ans.FollowUps}} {
		if err := emit(p); err != nil {
			return web.Answer{}, err
		}
	}
	return ans, nil
}

// blockingStreamer says it is working, then waits for its context to end and
// reports why.
type blockingStreamer struct {
	echoAnalyst
	stopped chan error
}

func (b *blockingStreamer) AskStream(ctx context.Context, _ string, emit func(web.Piece) error) (web.Answer, error) {
	if err := emit(web.Piece{Kind: analyst.PartStatus, Status: "Thinking"}); err != nil {
		return web.Answer{}, err
	}
	<-ctx.Done()
	b.stopped <- ctx.Err()
	return web.Answer{}, ctx.Err()
}
