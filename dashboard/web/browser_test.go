package web_test

import (
	"context"
	"encoding/csv"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/analyst"
	"github.com/salesanalytics/salesanalytics/analyst/offline"
	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
)

// pages are the dashboard's six pages, as the navigation lists them.
var pages = []string{"executive", "regional", "product", "reps", "customers", "analyst"}

// TestBrowser drives the dashboard in headless Chromium: every page loads with
// no console error and no failed request; the KPI figures in the DOM equal the
// view API's; a filter changed through the form changes the URL and the figures;
// a drill-down link narrows the next page; a CSV downloads with the view's rows;
// the dark theme toggles and is remembered. It writes a screenshot of every
// page, light and dark, to a folder named in the log.
func TestBrowser(t *testing.T) {
	tab := newTab(t)
	s := newSite(t, testScale, true)
	srv, shots := serveBrowser(t, s.h)
	ctx := context.Background()

	// Every page, light then dark as the system setting, no problems.
	for _, scheme := range []string{"light", "dark"} {
		tab.run("emulate "+scheme, colorScheme(scheme))
		for _, p := range pages {
			tab.run("load "+p, chromedp.Navigate(srv.URL+"/"+p), chromedp.WaitReady(chromedp.CSS("footer")))
			title := value(tab, "title", chromedp.Title())
			require.Contains(t, title, "Sales Analytics", p)
			tab.shoot(shots, p+"-"+scheme)
			tab.clean("page " + p + " (" + scheme + ")")
		}
	}
	tab.run("system light", colorScheme("light"))

	// The KPI cards equal the view API.
	tab.run("executive", chromedp.Navigate(srv.URL+"/executive"), chromedp.WaitReady(chromedp.CSS("[data-kpi]")))
	all, err := s.d.Executive(ctx, dashboard.Filter{From: date(2025, 1, 1), To: date(2025, 12, 31)}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	requireKPIs(t, tab, all)

	// Change the filter through the form: a region and a start date.
	tab.run("open regions", chromedp.Click(`//details[summary[@aria-describedby="l-region"]]/summary`))
	tab.run("tick West", chromedp.Click(chromedp.CSS(`input[name="region"][value="West"]`)))
	tab.run("from", chromedp.SetValue(chromedp.CSS(`input[name="from"]`), "2024-07-01"))
	before := tab.text(`[data-kpi="revenue"] [data-value]`)
	tiles := tab.count(`[data-tile]`)
	// A slow network shows each tile's own loading state while it reloads.
	tab.run("slow network", latency(1500))
	tab.run("apply", chromedp.Click(chromedp.CSS(`form[data-filters] button[type="submit"]`)))
	waitFor(t, tab, func() bool { return tab.count(`[data-tile].is-loading[aria-busy="true"]`) == tiles }, "every tile loading")
	tab.shoot(shots, "executive-loading")
	tab.run("fast network", latency(0))
	waitFor(t, tab, func() bool {
		return strings.Contains(tab.location(), "region=West") && tab.text(`[data-kpi="revenue"] [data-value]`) != before &&
			!tab.has(`.tile.is-loading`)
	}, "the figures change after Apply")
	u, err := url.Parse(tab.location())
	require.NoError(t, err)
	require.Equal(t, "/executive", u.Path)
	require.Equal(t, url.Values{"region": {"West"}, "from": {"2024-07-01"}, "to": {"2025-12-31"}}, u.Query(), "the URL holds the filter")
	west, err := s.d.Executive(ctx, dashboard.Filter{Regions: []string{"West"}, From: date(2024, 7, 1)}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	requireKPIs(t, tab, west)
	require.Contains(t, tab.text("[data-crumbs]"), "Regions: West")
	var navHref string
	tab.eval(`document.querySelector('header.top nav a[href^="/reps"]').getAttribute("href")`, &navHref)
	require.Equal(t, "/reps?from=2024-07-01&to=2025-12-31&region=West", navHref, "the navigation carries the new filter (in the form's order)")
	require.Equal(t, "West", tab.text(`summary[aria-describedby="l-region"]`))
	tab.clean("filter change")

	// The same URL loaded afresh shows the same figures (the URL is the state).
	tab.run("reload", chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("[data-kpi]")))
	requireKPIs(t, tab, west)

	// Drill down: a category on the product page opens the page narrowed to it.
	tab.run("product", chromedp.Navigate(srv.URL+"/product?from=2025-01-01"), chromedp.WaitReady(chromedp.CSS(`[data-table="categories"]`)))
	var cat string
	tab.eval(`document.querySelector('[data-table="categories"] tbody tr td a').textContent`, &cat)
	tab.run("drill", chromedp.Click(chromedp.CSS(`[data-table="categories"] tbody tr td a`)), chromedp.WaitReady(chromedp.CSS("footer")))
	waitFor(t, tab, func() bool { return strings.Contains(tab.location(), "category="+url.QueryEscape(cat)) }, "the drill-down URL")
	require.Contains(t, tab.text("[data-crumbs]"), "Categories: "+cat)
	rows := tab.count(`[data-table="categories"] tbody tr`)
	require.Equal(t, 1, rows, "the drilled page shows the one category")
	tab.clean("drill-down")

	// Download a CSV and compare it with the view's table.
	tab.run("regional", chromedp.Navigate(srv.URL+"/regional?region=North"), chromedp.WaitReady(chromedp.CSS(`a.csv`)))
	tab.run("download", chromedp.Click(chromedp.CSS(`#tile-regions a.csv`)))
	body := tab.waitDownload()
	recs, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	require.NoError(t, err)
	north, err := s.d.Regional(ctx, dashboard.Filter{Regions: []string{"North"}, From: date(2025, 1, 1), To: date(2025, 12, 31)}, dashboard.RegionalOptions{})
	require.NoError(t, err)
	want := north.Tables()[0]
	require.Equal(t, dashboard.TableRegions, want.Name)
	require.Len(t, recs, len(want.Rows)+1)
	j := 0
	for col, name := range want.Columns {
		if internal(name, want.Columns) {
			continue // the export leaves out what only the pages use
		}
		require.Equal(t, name, recs[0][j])
		for i, row := range want.Rows {
			require.Equal(t, row[col].Text, recs[i+1][j])
		}
		j++
	}
	tab.clean("download")

	// Dark mode: the toggle applies at once and is remembered across a reload.
	bg := func() string {
		var s string
		tab.eval(`getComputedStyle(document.body).backgroundColor`, &s)
		return s
	}
	light := bg()
	tab.run("dark", chromedp.Click(chromedp.CSS(`form.theme button[value="dark"]`)))
	waitFor(t, tab, func() bool { return bg() != light }, "the page turns dark")
	var theme string
	tab.eval(`document.documentElement.getAttribute("data-theme")`, &theme)
	require.Equal(t, "dark", theme)
	dark := bg()
	time.Sleep(200 * time.Millisecond) // the cookie's POST
	tab.run("reload dark", chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("footer")))
	require.Equal(t, dark, bg(), "the theme is remembered")
	tab.shoot(shots, "regional-north-dark-toggle")
	tab.run("light", chromedp.Click(chromedp.CSS(`form.theme button[value="light"]`)))
	waitFor(t, tab, func() bool { return bg() == light }, "the page turns light again")
	tab.clean("theme")

	// Without JavaScript the form is a plain GET: the server drops the default
	// fields by a redirect and renders the page with the filter.
	tab.run("no script", scriptDisabled(true), chromedp.Navigate(srv.URL+"/customers"), chromedp.WaitReady(chromedp.CSS("footer")))
	tab.run("tick SMB", chromedp.Click(`//details[summary[@aria-describedby="l-segment"]]/summary`),
		chromedp.Click(chromedp.CSS(`input[name="segment"][value="SMB"]`)),
		chromedp.Click(chromedp.CSS(`form[data-filters] button[type="submit"]`)))
	waitFor(t, tab, func() bool { return strings.HasSuffix(tab.location(), "/customers?segment=SMB") }, "the plain form's canonical URL")
	tab.run("wait page", chromedp.WaitReady(chromedp.CSS(`[data-table="segments"]`)))
	require.Equal(t, "SMB", tab.text(`[data-table="segments"] tbody tr td`))
	tab.run("script again", scriptDisabled(false))
	tab.clean("no script")

	// A bad filter re-shows the form with the message (its 400 is expected).
	done := tab.allow(400)
	tab.run("bad", chromedp.Navigate(srv.URL+"/executive?region=Mars"), chromedp.WaitReady(chromedp.CSS(".form-error")))
	require.Contains(t, tab.text(".form-error"), `Unknown region "Mars"`)
	tab.shoot(shots, "bad-filter")
	done()
	tab.clean("bad filter")
}

// requireKPIs compares every KPI card on the page with the view's value.
func requireKPIs(t *testing.T, tab *tab, v dashboard.Executive) {
	t.Helper()
	for _, k := range v.KPIs {
		// the card may be compact ("$49.2M"); its title is the exact figure
		var got string
		tab.eval(`document.querySelector('[data-kpi="`+k.Name+`"] [data-value]').getAttribute("data-exact")`, &got)
		got, _, _ = strings.Cut(got, " (")
		equalFigure(t, k.Value.Decimal, got, "KPI "+k.Name)
	}
}

// waitFor polls until the page has loaded whole and cond holds in it, for up
// to a minute: the wait is for an event, so a loaded machine only makes it
// longer.
func waitFor(t *testing.T, tab *tab, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !tab.ready() || !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s (at %s)", what, tab.location())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBrowserAnalyst asks the analyst page a question in headless Chromium:
// with the script the page shows its loading state, the answer streams in (the
// sentence, the SQL, the table, the follow-ups) and the URL becomes the page's
// own; the table's figures equal the view API's for the same period; a
// follow-up link is asked the same way, as the next turn of the conversation;
// the URL reloaded shows the same answer rendered by the server, and so does
// the form without the script. Screenshots of the answered page, light and
// dark, go to the folder named in the log.
func TestBrowserAnalyst(t *testing.T) {
	tab := newTab(t)
	base := newSite(t, testScale, true)
	paced := &pacedAnalyst{Analyst: offlineAnalyst(t, base)}
	paced.pause.Store(int64(400 * time.Millisecond))
	s := base.withAnalyst(t, web.FromAnalyst(paced), 0)
	srv, shots := serveBrowser(t, s.h)
	ctx := context.Background()
	const question = "revenue by region in 2025"

	// The analyst is paced (a pause before each part), so the page can be seen
	// waiting, then with part of the answer, then with all of it.
	tab.run("analyst", chromedp.Navigate(srv.URL+"/analyst"), chromedp.WaitReady(chromedp.CSS("form[data-ask]")))
	require.Positive(t, tab.count("[data-starters] a"), "the empty page offers starter questions")
	tab.shoot(shots, "analyst-empty")
	tab.run("type", chromedp.SendKeys(chromedp.CSS("#q"), question))
	tab.run("ask", chromedp.Click(chromedp.CSS(`form[data-ask] button[type="submit"]`)))
	waitFor(t, tab, func() bool {
		return tab.has(`[data-answer-area].is-loading[aria-busy="true"] [data-status]`)
	}, "the loading state")
	require.Equal(t, "/analyst?q="+url.QueryEscape(question), strings.TrimPrefix(tab.location(), srv.URL), "the URL is the page's own at once")
	require.Equal(t, question, tab.text(lastTurn+" [data-asked]"), "the question is shown")
	tab.shoot(shots, "analyst-loading")
	waitFor(t, tab, func() bool {
		return tab.has("[data-answer-area].is-loading [data-sql]") && !tab.has(`[data-table="answer-1"]`)
	}, "the SQL before the table")
	require.Equal(t, "Total revenue by region in 2025:", tab.text("[data-answer]"), "the sentence so far: what the question was read as")
	tab.shoot(shots, "analyst-streaming")
	waitFor(t, tab, func() bool {
		return tab.has(`[data-table="answer-1"] tbody tr`) && tab.has("[data-followups] a") && !tab.has("[data-answer-area].is-loading")
	}, "the answer streamed in")
	paced.pause.Store(0)
	require.False(t, tab.has("[data-status]"), "the status line goes when the answer is complete")
	sentence := tab.text("[data-answer]")
	require.True(t, strings.HasPrefix(sentence, "Total revenue by region in 2025: "), sentence)
	require.Contains(t, tab.text("[data-sql] code"), "SELECT")
	var box string
	tab.eval(`document.querySelector('#q').value`, &box)
	require.Empty(t, box, "the question box is ready for the next question")

	// The figures equal the view API's regions for 2025.
	year, err := s.d.Regional(ctx, dashboard.Filter{From: date(2025, 1, 1), To: date(2025, 12, 31)}, dashboard.RegionalOptions{})
	require.NoError(t, err)
	streamed := regionRevenues(t, tab, "answer-1")
	require.Len(t, streamed, len(year.Regions))
	for _, r := range year.Regions {
		got, ok := streamed[r.Region]
		require.True(t, ok, "region %s in the answer", r.Region)
		equalFigure(t, r.Revenue, got, "revenue of "+r.Region)
		require.Contains(t, sentence, strings.TrimSpace(got), "the sentence says the table's figure")
	}
	tab.clean("analyst stream")
	for _, scheme := range []string{"light", "dark"} {
		tab.run("emulate "+scheme, colorScheme(scheme))
		tab.shoot(shots, "analyst-answer-"+scheme)
	}
	tab.run("system light", colorScheme("light"))
	tab.run("open the SQL", chromedp.Click(chromedp.CSS("[data-sql] summary")))
	tab.shoot(shots, "analyst-sql")

	// The URL reproduces the page: loaded afresh, the server renders the same turn.
	requireReloadSame(t, tab, "answer-1")
	require.Equal(t, sentence, tab.text("[data-answer]"))
	tab.clean("reload")

	// A follow-up link is asked in place, as the next turn, and the URL follows.
	var follow string
	tab.eval(`document.querySelector('[data-followups] a').textContent`, &follow)
	tab.run("follow", chromedp.Click(chromedp.CSS(`[data-followups] a`)))
	waitFor(t, tab, func() bool {
		return strings.HasSuffix(tab.location(), "/analyst?"+url.Values{"q": {question, follow}}.Encode()) &&
			tab.count("[data-turns] > li") == 2 && tab.has(lastTurn+` [data-table="answer-2"]`) && !tab.has("[data-answer-area].is-loading")
	}, "the follow-up's answer")
	require.Equal(t, follow, tab.text(lastTurn+" [data-asked]"), "the turn shows the follow-up")
	first, err := offlineAnalyst(t, base).Ask(ctx, nil, question)
	require.NoError(t, err)
	want, err := offlineAnalyst(t, base).Ask(ctx, []*analyst.Answer{first}, follow)
	require.NoError(t, err)
	require.Equal(t, want.Text, tab.text(lastTurn+" [data-answer]"))
	require.Equal(t, 2, tab.count(`form[data-ask] input[type=hidden][name=q]`), "the next question follows both")
	tab.clean("follow-up")

	// Back goes to the first question's page.
	tab.run("back", chromedp.NavigateBack(), chromedp.WaitReady(chromedp.CSS(`[data-table="answer-1"]`)))
	waitFor(t, tab, func() bool { return tab.text("[data-answer]") == sentence && tab.count("[data-turns] > li") == 1 }, "the first answer again")
	tab.clean("back")

	// A hostile question is declined and shown as text: nothing of it runs.
	hostile := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	tab.run("hostile", chromedp.SetValue(chromedp.CSS("#q"), hostile), chromedp.Click(chromedp.CSS(`form[data-ask] button[type="submit"]`)))
	waitFor(t, tab, func() bool {
		return tab.has(lastTurn+" [data-declined]") && !tab.has("[data-answer-area].is-loading")
	}, "the decline")
	require.True(t, strings.HasPrefix(tab.text(lastTurn+" [data-answer]"), "Declined: I did not understand"), tab.text(lastTurn+" [data-answer]"))
	require.Zero(t, tab.count("[data-answer-area] script, [data-answer-area] img"), "no element made from the question")
	tab.shoot(shots, "analyst-decline")
	require.Equal(t, "/analyst?"+url.Values{"q": {question, hostile}}.Encode(), strings.TrimPrefix(tab.location(), srv.URL))
	tab.clean("hostile question")

	// Without the script the form is a plain GET and the server answers.
	tab.run("no script", scriptDisabled(true), chromedp.Navigate(srv.URL+"/analyst"), chromedp.WaitReady(chromedp.CSS("form[data-ask]")))
	tab.run("type plain", chromedp.SendKeys(chromedp.CSS("#q"), question), chromedp.Submit(chromedp.CSS("#q")))
	waitFor(t, tab, func() bool { return tab.has(`[data-table="answer-1"]`) }, "the server's answer")
	require.Equal(t, sentence, tab.text("[data-answer]"))
	tab.run("script again", scriptDisabled(false))
	tab.clean("no script")
}

// requireReloadSame reloads the page, waits for the table id, and requires
// the conversation the server renders to be the one the script streamed (the
// SQL boxes the test opened closed again).
func requireReloadSame(t *testing.T, tab *tab, id string) {
	t.Helper()
	var streamed, rendered string
	tab.eval(`document.querySelector('[data-turns]').innerHTML`, &streamed)
	tab.run("reload", chromedp.Reload(), chromedp.WaitReady(chromedp.CSS(`[data-table="`+id+`"]`)))
	tab.eval(`document.querySelector('[data-turns]').innerHTML`, &rendered)
	require.Equal(t, rendered, strings.ReplaceAll(streamed, `data-sql="" open=""`, `data-sql=""`), "the streamed conversation is the page's")
}

// lastTurn selects the conversation's last turn.
const lastTurn = "[data-turns] > li:last-child"

// regionRevenues reads an answer table: region → revenue as printed.
func regionRevenues(t *testing.T, tab *tab, id string) map[string]string {
	t.Helper()
	rows := tableRows(tab, id)
	out := map[string]string{}
	for _, r := range rows {
		require.Len(t, r, 2)
		out[r[0]] = r[1]
	}
	return out
}

// tableRows reads a table's cells as printed.
func tableRows(tab *tab, id string) [][]string {
	var rows [][]string
	tab.eval(`Array.from(document.querySelectorAll('[data-table="`+id+`"] tbody tr')).map(tr => Array.from(tr.cells).map(td => td.textContent.trim()))`, &rows)
	return rows
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// pacedAnalyst is the offline analyst pausing before each part of a streamed
// answer, so that a browser test sees the answer arrive in steps; the earlier
// questions of a conversation, asked again without streaming, do not wait.
type pacedAnalyst struct {
	*offline.Analyst
	pause atomic.Int64 // nanoseconds
}

func (p *pacedAnalyst) AskStream(ctx context.Context, history []*analyst.Answer, q string, emit func(analyst.Part) error) (*analyst.Answer, error) {
	return p.Analyst.AskStream(ctx, history, q, func(pc analyst.Part) error {
		select {
		case <-time.After(time.Duration(p.pause.Load())):
		case <-ctx.Done():
			return ctx.Err()
		}
		return emit(pc)
	})
}
