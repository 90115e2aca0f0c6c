package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard/web"
)

// echoAnalyst answers with the question it was asked, to test the page alone.
type echoAnalyst struct{}

func (echoAnalyst) Ask(_ context.Context, q string) (web.Answer, error) {
	if q == "fail" {
		return web.Answer{}, errors.New("sql: connection refused")
	}
	return web.Answer{Text: "You asked: " + q, SQL: "SELECT 1", FollowUps: []string{"and by region?"},
		Table: &web.Table{ID: "answer", Cols: []web.Col{{Name: "n", Num: true}}, Rows: []web.Row{{Cells: []web.Cell{{Text: "1"}}}}}}, nil
}

func TestAnalystPage(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	cfg := web.ForDashboard(s.d, web.Options{Analyst: echoAnalyst{}})
	h, err := web.New(cfg)
	require.NoError(t, err)
	s.h = h

	res, body := s.get(t, "/analyst?q="+url.QueryEscape(`<script>x</script> revenue?`))
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, body, "You asked: &lt;script&gt;x&lt;/script&gt; revenue?")
	require.NotContains(t, body, "<script>x")
	require.Contains(t, body, `<code>SELECT 1</code>`)
	require.Contains(t, body, `href="/analyst?q=%3Cscript%3Ex%3C%2Fscript%3E&#43;revenue%3F&amp;q=and&#43;by&#43;region%3F"`, "a follow-up is asked after the question")
	require.Contains(t, parsePage(t, body).table(t, "answer-1")[0][0].text, "1")

	res, _ = s.get(t, "/analyst?q="+strings.Repeat("a", 501))
	require.Equal(t, http.StatusBadRequest, res.StatusCode)
	res, body = s.get(t, "/analyst?q=fail")
	require.Equal(t, http.StatusInternalServerError, res.StatusCode)
	require.NotContains(t, body, "connection refused")
}
