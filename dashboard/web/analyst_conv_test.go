package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
)

// ask is the analyst page's URL for a conversation within a filter.
func ask(filter url.Values, questions ...string) string {
	q := url.Values{}
	for k, vs := range filter {
		q[k] = vs
	}
	q["q"] = questions
	return "/analyst?" + q.Encode()
}

// topReps are the view API's n best reps by revenue for f: name → revenue.
func topReps(t *testing.T, s *site, f dashboard.Filter, n int) ([]string, map[string]string) {
	t.Helper()
	v, err := s.d.Reps(context.Background(), f, dashboard.RepsOptions{})
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(v.Leaderboard), n)
	var names []string
	rev := map[string]string{}
	for _, r := range v.Leaderboard[:n] {
		names = append(names, r.Rep.Name)
		rev[r.Rep.Name] = r.Revenue.StringFixed(2)
	}
	return names, rev
}

// requireReps checks a page table of reps and revenues against the view's.
func requireReps(t *testing.T, tbl [][]cell, names []string, rev map[string]string) {
	t.Helper()
	require.Len(t, tbl, len(names))
	for i, row := range tbl {
		require.Equal(t, names[i], row[0].text, "rank %d", i+1)
		require.Equal(t, rev[names[i]], figure(t, row[1].text).StringFixed(2), "revenue of %s", names[i])
		require.True(t, strings.HasPrefix(row[1].text, "$"), "money has its currency sign: %s", row[1].text)
	}
}

// attrURL is a URL as html/template writes it in an attribute.
func attrURL(u string) string { return strings.NewReplacer("&", "&amp;", "+", "&#43;").Replace(u) }

// The page keeps a conversation: a follow-up is read against the question
// before it, and a dashboard filter carried in the URL is kept on every
// answer. Each answer's figures equal the view API's for the same question.
func TestAnalystConversation(t *testing.T) {
	t.Parallel()
	base := newSite(t, testScale, true)
	s := base.withAnalyst(t, web.FromAnalyst(offlineAnalyst(t, base)), 0)
	west := dashboard.Filter{Regions: []string{"West"}}

	// A follow-up: "and in 2024?" keeps the West and the top 3.
	res, body := s.get(t, ask(nil, "top 3 reps by revenue in the West in 2025", "and in 2024?"))
	require.Equal(t, http.StatusOK, res.StatusCode)
	p := parsePage(t, body)
	y25, y24 := west, west
	y25.From, y25.To = date(2025, 1, 1), date(2025, 12, 31)
	y24.From, y24.To = date(2024, 1, 1), date(2024, 12, 31)
	names, rev := topReps(t, s, y25, 3)
	requireReps(t, p.table(t, "answer-1"), names, rev)
	names, rev = topReps(t, s, y24, 3)
	requireReps(t, p.table(t, "answer-2"), names, rev)
	require.Contains(t, body, "for region West in 2024:")
	require.Contains(t, body, `data-chart`, "a ranking has a chart")
	require.Contains(t, body, `<input type="hidden" name="q" value="and in 2024?">`, "the next question follows this one")

	// A filter carried from a dashboard page: every answer keeps it, the page
	// says so, and a follow-up narrows it further.
	filter := url.Values{"region": {"West"}, "from": {"2025-01-01"}, "to": {"2025-12-31"}}
	res, body = s.get(t, ask(filter, "top 3 sales reps by revenue", "only Enterprise"))
	require.Equal(t, http.StatusOK, res.StatusCode)
	p = parsePage(t, body)
	names, rev = topReps(t, s, y25, 3)
	requireReps(t, p.table(t, "answer-1"), names, rev)
	ent := y25
	ent.Segments = []string{"Enterprise"}
	names, rev = topReps(t, s, ent, 3)
	requireReps(t, p.table(t, "answer-2"), names, rev)
	require.Contains(t, body, "Every answer keeps this filter:")
	require.Contains(t, body, "Regions: West")
	// Removing the filter keeps the conversation.
	require.Contains(t, body, `href="`+attrURL(ask(url.Values{"from": {"2025-01-01"}, "to": {"2025-12-31"}}, "top 3 sales reps by revenue", "only Enterprise"))+`"`)

	// "by month instead" turns a total into a monthly series, with a line chart.
	res, body = s.get(t, ask(url.Values{"region": {"West"}}, "revenue in 2025", "by month instead"))
	require.Equal(t, http.StatusOK, res.StatusCode)
	exec, err := s.d.Executive(context.Background(), dashboard.Filter{Regions: []string{"West"}, From: date(2025, 1, 1), To: date(2025, 12, 31)}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	months := parsePage(t, body).table(t, "answer-2")
	require.Len(t, months, len(exec.Trend))
	for i, m := range exec.Trend {
		equalFigure(t, m.Revenue, months[i][1].text, fmt.Sprint("revenue of ", m.Month))
	}
	require.Contains(t, body, `class="chart line"`, "a time grain has a line chart")
}

// The conversation is bounded: questions, their bytes, and the filter's
// values; an empty page offers starter questions carrying the filter.
func TestAnalystConversationBounds(t *testing.T) {
	t.Parallel()
	base := newSite(t, testScale, true)
	s := base.withAnalyst(t, web.FromAnalyst(offlineAnalyst(t, base)), 0)
	nine := make([]string, 9)
	for i := range nine {
		nine[i] = "revenue"
	}
	res, body := s.get(t, ask(nil, nine...))
	require.Equal(t, http.StatusBadRequest, res.StatusCode)
	require.Contains(t, body, "at most 8 questions")
	long := make([]string, 8)
	for i := range long {
		long[i] = strings.Repeat("revenue ", 40) // 320 bytes
	}
	res, _ = s.get(t, ask(nil, long...))
	require.Equal(t, http.StatusBadRequest, res.StatusCode)
	res, body = s.get(t, ask(url.Values{"region": {"Mars"}}, "revenue"))
	require.Equal(t, http.StatusBadRequest, res.StatusCode)
	require.Contains(t, body, `Unknown region &#34;Mars&#34;`)

	res, body = s.get(t, "/analyst?segment=SMB&compare=year")
	require.NotContains(t, body, "Compare with", "the comparison is not a filter the answers keep")
	require.NotContains(t, body, "data-unkept")
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, body, "data-starters")
	require.Regexp(t, `<li><a href="/analyst\?compare=year&amp;q=[^"]+&amp;segment=SMB">`, body, "a starter keeps the filter")

	// Eight questions fill the conversation: the next starts a new one.
	eight := []string{"revenue in 2025", "and in 2024?", "by region", "only SMB", "by month instead", "top 3 products", "and in 2025?", "only Enterprise"}
	res, body = s.get(t, ask(nil, eight...))
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.NotContains(t, body, `<input type="hidden" name="q"`)
	require.Contains(t, body, "the next question starts a new one")
	require.NotContains(t, body, "data-full hidden")
}

// refusingAnalyst writes SQL the read-only guard refuses.
type refusingAnalyst struct{}

func (refusingAnalyst) Ask(context.Context, []*analyst.Answer, string) (*analyst.Answer, error) {
	return nil, fmt.Errorf("cortex: %w: it starts with \"DELETE\"; only SELECT or WITH … SELECT may run", analyst.ErrNotReadOnly)
}

// An answer refused here is a decline with its reason and a 422, on the page
// and in the stream, never a 500; a decline by the analyst is an answer (200).
func TestAnalystRefusalIsADecline(t *testing.T) {
	t.Parallel()
	base := newSite(t, testScale, true)
	s := base.withAnalyst(t, web.FromAnalyst(refusingAnalyst{}), 0)
	res, body := s.get(t, ask(nil, "delete the orders"))
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	require.Contains(t, body, "data-declined")
	require.Contains(t, body, `Declined:</strong> The SQL the analyst wrote was not run: only one read-only SELECT may run, and it starts with &#34;DELETE&#34;; only SELECT or WITH … SELECT may run.`)

	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)
	evs := stream(t, context.Background(), srv, "delete the orders").all(t)
	require.Equal(t, "done", evs[len(evs)-1].name)
	require.Contains(t, evs[len(evs)-1].data, "data-declined")
	require.Contains(t, body, evs[len(evs)-1].data, "the streamed decline is the page's")

	o := base.withAnalyst(t, web.FromAnalyst(offlineAnalyst(t, base)), 0)
	res, body = o.get(t, ask(nil, "what is our profit margin"))
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, body, "data-declined")
	require.Contains(t, body, "data-followups", "a decline offers questions it can answer")
}
