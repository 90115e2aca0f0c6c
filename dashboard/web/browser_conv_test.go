package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
)

// answerJSON is the analyst API's one-object JSON answer (Answer.MarshalJSON).
type answerJSON struct {
	Answer  string `json:"answer"`
	Columns []struct {
		Name string `json:"name"`
	} `json:"columns"`
	Rows     [][]any `json:"rows"`
	Declined bool    `json:"declined"`
}

// apiAnswers asks the analyst API the same conversation, within the same
// scope, and returns each answer as its JSON.
func apiAnswers(t *testing.T, a analyst.Analyst, scope analyst.Scope, questions ...string) []answerJSON {
	t.Helper()
	if !scope.Empty() {
		var err error
		a, err = a.(analyst.Scoper).Scoped(scope)
		require.NoError(t, err)
	}
	s := &analyst.Session{Analyst: a}
	var out []answerJSON
	for _, q := range questions {
		ans, err := s.Ask(context.Background(), q)
		require.NoError(t, err)
		b, err := json.Marshal(ans)
		require.NoError(t, err)
		var j answerJSON
		require.NoError(t, json.Unmarshal(b, &j))
		out = append(out, j)
	}
	return out
}

// requireTableIsJSON compares a table on the page with the JSON answer's rows:
// texts equal, figures equal as exact decimals.
func requireTableIsJSON(t *testing.T, tab *tab, id string, j answerJSON) {
	t.Helper()
	rows := tableRows(tab, id)
	require.Len(t, rows, len(j.Rows), id)
	for i, row := range j.Rows {
		require.Len(t, rows[i], len(row))
		for c, v := range row {
			switch x := v.(type) {
			case string:
				if strings.HasPrefix(rows[i][c], "$") {
					require.Equal(t, x, figure(t, rows[i][c]).StringFixed(2), "%s row %d %s", id, i, j.Columns[c].Name)
					continue
				}
				require.Equal(t, x, rows[i][c], "%s row %d %s", id, i, j.Columns[c].Name)
			case float64:
				require.Equal(t, int64(x), figure(t, rows[i][c]).IntPart(), "%s row %d %s", id, i, j.Columns[c].Name)
			default:
				t.Fatalf("%s row %d: %T in the JSON", id, i, v)
			}
		}
	}
}

// TestBrowserAnalystConversation drives the web conversation in headless
// Chromium: opened from the Sales reps page filtered to the West in 2025, the
// analyst page shows that filter and keeps it; a question and its follow-up
// ("and in 2024?") are answered as the analyst API answers the same
// conversation in the same scope (its JSON), and as the view API computes the
// reps' revenue; the URL reloaded shows the same conversation. Screenshots go
// to the folder named in the log.
func TestBrowserAnalystConversation(t *testing.T) {
	tab := newTab(t)
	base := newSite(t, testScale, true)
	oa := offlineAnalyst(t, base)
	s := base.withAnalyst(t, web.FromAnalyst(oa), 0)
	srv, shots := serveBrowser(t, s.h)
	filter := "from=2025-01-01&region=West&to=2025-12-31" // the page's default range: its URL leaves it out, its Analyst link carries it

	// From a dashboard page, the navigation's Analyst link carries its filter.
	tab.run("reps", chromedp.Navigate(srv.URL+"/reps?region=West"), chromedp.WaitReady(chromedp.CSS("footer")))
	tab.run("to the analyst", chromedp.Click(chromedp.CSS(`header.top nav a[href^="/analyst"]`)), chromedp.WaitReady(chromedp.CSS("form[data-ask]")))
	require.Equal(t, "/analyst?"+filter, strings.TrimPrefix(tab.location(), srv.URL))
	require.Contains(t, tab.text("[data-scope]"), "Every answer keeps this filter:")
	require.Contains(t, tab.text("[data-scope]"), "Regions: West")
	require.Contains(t, tab.text("[data-scope]"), "Period: 1 Jan – 31 Dec 2025")
	require.Positive(t, tab.count("[data-starters] a"))
	tab.shoot(shots, "conversation-scope")
	tab.clean("opened from a dashboard page")

	scope := analyst.Scope{Values: []analyst.ScopeValues{{Dimension: "region", Values: []string{"West"}}},
		From: date(2025, 1, 1), To: date(2025, 12, 31)}
	questions := []string{"top 3 sales reps by revenue", "and in 2024?"}
	api := apiAnswers(t, oa, scope, questions...)
	for i, q := range questions {
		tab.run("ask "+q, chromedp.SendKeys(chromedp.CSS("#q"), q), chromedp.Click(chromedp.CSS(`form[data-ask] button[type="submit"]`)))
		id := "answer-" + strconv.Itoa(i+1)
		waitFor(t, tab, func() bool {
			return tab.count("[data-turns] > li") == i+1 && tab.has(lastTurn+` [data-table="`+id+`"]`) && !tab.has("[data-answer-area].is-loading")
		}, "the answer to "+q)
		require.Equal(t, api[i].Answer, tab.text(lastTurn+" [data-answer]"), "the sentence is the API's")
		requireTableIsJSON(t, tab, id, api[i])
		require.True(t, tab.has(lastTurn+" [data-chart] svg"), "a ranking has a chart")
		tab.clean("turn " + q)
	}
	require.Contains(t, api[1].Answer, "for region West in 2024", "the follow-up kept the West and changed the year")
	want := url.Values{"from": {"2025-01-01"}, "to": {"2025-12-31"}, "region": {"West"}, "q": questions}
	got, err := url.ParseQuery(strings.TrimPrefix(strings.TrimPrefix(tab.location(), srv.URL), "/analyst?"))
	require.NoError(t, err)
	require.Equal(t, want, got, "the URL holds the conversation and its filter")

	// The view API agrees: the West's top 3 reps in 2024.
	v, err := s.d.Reps(context.Background(), dashboard.Filter{Regions: []string{"West"}, From: date(2024, 1, 1), To: date(2024, 12, 31)}, dashboard.RepsOptions{})
	require.NoError(t, err)
	rows := tableRows(tab, "answer-2")
	for i, r := range v.Leaderboard[:3] {
		require.Equal(t, r.Rep.Name, rows[i][0])
		equalFigure(t, r.Revenue, rows[i][1], "revenue of "+r.Rep.Name)
	}
	for _, scheme := range []string{"light", "dark"} {
		tab.run("emulate "+scheme, colorScheme(scheme))
		tab.shoot(shots, "conversation-"+scheme)
	}
	tab.run("system light", colorScheme("light"))
	tab.run("open the SQL", chromedp.Click(chromedp.CSS(lastTurn+" [data-sql] summary")))
	tab.shoot(shots, "conversation-sql")

	// Reloaded, the URL shows the same conversation, rendered by the server.
	requireReloadSame(t, tab, "answer-2")
	tab.clean("reload")

	// A question the analyst declines says so, and why, with a proper status.
	tab.run("decline", chromedp.SendKeys(chromedp.CSS("#q"), "what is our profit margin"), chromedp.Click(chromedp.CSS(`form[data-ask] button[type="submit"]`)))
	waitFor(t, tab, func() bool { return tab.has(lastTurn+" [data-declined]") && !tab.has("[data-answer-area].is-loading") }, "the decline")
	require.True(t, strings.HasPrefix(tab.text(lastTurn+" [data-answer]"), "Declined: "), tab.text(lastTurn+" [data-answer]"))
	tab.shoot(shots, "conversation-decline")
	tab.clean("decline")

	// "by month instead" turns a total into months, drawn as a line; the
	// months equal the view API's trend for the West in 2025.
	for i, q := range []string{"revenue in 2025", "by month instead"} {
		tab.run("ask "+q, chromedp.SendKeys(chromedp.CSS("#q"), q), chromedp.Click(chromedp.CSS(`form[data-ask] button[type="submit"]`)))
		waitFor(t, tab, func() bool {
			return tab.count("[data-turns] > li") == 4+i && tab.has(lastTurn+` [data-table="answer-`+strconv.Itoa(4+i)+`"]`) && !tab.has("[data-answer-area].is-loading")
		}, "the answer to "+q)
	}
	require.True(t, tab.has(lastTurn+" [data-chart] svg.line"), "a time grain has a line chart")
	exec, err := s.d.Executive(context.Background(), dashboard.Filter{Regions: []string{"West"}, From: date(2025, 1, 1), To: date(2025, 12, 31)}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	months := tableRows(tab, "answer-5")
	require.Len(t, months, len(exec.Trend))
	for i, m := range exec.Trend {
		equalFigure(t, m.Revenue, months[i][1], "revenue of "+m.Month.Format("January 2006"))
	}
	tab.shoot(shots, "conversation-by-month")
	tab.clean("by month instead")
}
