package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// TestStatusCodes: bad filters re-show the form with the view's message and a
// 400; unknown paths, tiles and tables are 404s; no page leaks SQL.
func TestStatusCodes(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	cases := []struct {
		target string
		status int
		says   string
	}{
		{"/executive?region=Mars", 400, "Unknown region &#34;Mars&#34; (valid: East, North, South, West)"},
		{"/regional?from=2025-13-01", 400, "From &#34;2025-13-01&#34; is not a date (want YYYY-MM-DD)"},
		{"/product?from=2025-03-01&to=2025-01-01", 400, "From 2025-03-01 is after to 2025-01-01"},
		{"/reps?from=2030-01-01&to=2030-02-01", 400, "is outside the data"},
		{"/customers?compare=decade", 400, "Compare &#34;decade&#34; (valid: previous, year, none)"},
		{"/reps?rep=99999", 400, "Unknown rep 99999"},
		{"/executive?channel=Pigeon", 400, "Unknown channel &#34;Pigeon&#34; (valid: Online, Partner, Phone, Retail)"},
		{"/nope", 404, "There is no page at /nope"},
		{"/executive/extra", 404, "There is no page"},
		{"/tile/executive/nope", 404, "There is no page"},
		{"/tile/nope/kpis", 404, "There is no page"},
		{"/export/executive/nope.csv", 404, "has no table nope"},
		{"/export/nope/regions.csv", 404, "There is no page"},
		{"/export/executive/regions.txt", 404, "There is no page"},
		{"/static/secret.go", 404, "There is no page"},
		{"/executive", 200, "Executive overview"},
		{"/analyst", 200, "This server runs without an analyst"},
		{"/tile/executive/kpis", 200, `data-kpi="revenue"`},
		{"/crumbs/executive?region=West", 200, "Regions: West"},
	}
	for _, c := range cases {
		res, body := s.get(t, c.target)
		require.Equal(t, c.status, res.StatusCode, c.target)
		require.True(t, strings.Contains(body, c.says), "%s should say %q", c.target, c.says)
		require.NotRegexp(t, sqlLeak, body, c.target)
		if c.status == http.StatusBadRequest {
			require.True(t, strings.Contains(body, `<p class="form-error" role="alert"`) && strings.Contains(body, `data-filters`),
				"a bad filter re-shows the form with the message: %s", c.target)
		}
	}
	res, _ := s.do(t, localRequest(http.MethodPost, "/executive", nil))
	require.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
	res, _ = s.get(t, "/?region=West")
	require.Equal(t, http.StatusFound, res.StatusCode)
	require.Equal(t, "/executive?region=West", res.Header.Get("Location"))
}

// TestFormDefaultsRedirect: a submitted form's default values (the data's first
// and last days, the default comparison) are dropped by a redirect, so a page
// has one URL.
func TestFormDefaultsRedirect(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	cat, err := s.d.Catalog(context.Background())
	require.NoError(t, err)
	// the dates go together: the default range (the last complete year) is
	// dropped whole, any other range is kept whole
	q := url.Values{"from": {"2025-01-01"}, "to": {"2025-12-31"}, "compare": {"previous"}, "region": {"West"}}
	res, _ := s.get(t, "/regional?"+q.Encode())
	require.Equal(t, http.StatusFound, res.StatusCode)
	require.Equal(t, "/regional?region=West", res.Header.Get("Location"))
	q = url.Values{"from": {cat.First.Format("2006-01-02")}, "to": {"2025-06-30"}, "compare": {"previous"}, "region": {"West"}}
	res, _ = s.get(t, "/regional?"+q.Encode())
	require.Equal(t, http.StatusFound, res.StatusCode)
	require.Equal(t, "/regional?from=2024-01-01&region=West&to=2025-06-30", res.Header.Get("Location"))
	// a period preset redirects to its dates, keeping the other filters
	for preset, want := range map[string]string{
		"last-quarter": "/regional?from=2025-10-01&region=West&to=2025-12-31",
		"all":          "/regional?from=2024-01-01&region=West&to=2025-12-31",
		"last-year":    "/regional?region=West",
	} {
		res, _ = s.get(t, "/regional?region=West&from=2024-05-01&period="+preset)
		require.Equal(t, http.StatusFound, res.StatusCode, preset)
		require.Equal(t, want, res.Header.Get("Location"), preset)
	}
	res, body := s.get(t, "/regional?period=fortnight")
	require.Equal(t, http.StatusBadRequest, res.StatusCode)
	require.Contains(t, body, "Period &#34;fortnight&#34; (valid: last-30-days, this-quarter, last-quarter, ytd, last-year, all)")
}

// TestSecurityHeaders checks the headers on pages, fragments, files and errors.
func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	for _, target := range []string{"/executive", "/tile/executive/kpis", "/static/style.css", "/nope", "/export/executive/regions.csv"} {
		res, _ := s.get(t, target)
		csp := res.Header.Get("Content-Security-Policy")
		require.Contains(t, csp, "script-src 'self'", target)
		require.Contains(t, csp, "frame-ancestors 'none'", target)
		require.NotContains(t, csp, "unsafe-inline", target)
		require.NotContains(t, csp, "unsafe-eval", target)
		require.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"), target)
	}
	_, body := s.get(t, "/executive")
	require.NotRegexp(t, regexp.MustCompile(`<script>|<script [^>]*>[^<]|\son[a-z]+=|style="`), body, "no inline script, handler or style")
	require.NotRegexp(t, regexp.MustCompile(`(src|href)="(https?:)?//`), body, "nothing is loaded from another host")
}

// TestCSVEqualsViewTable downloads every table of every page and compares it,
// cell by cell, with the view's own table.
func TestCSVEqualsViewTable(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, false)
	ctx := context.Background()
	for _, fq := range []string{"", "region=West&from=2025-01-01&to=2025-06-30&compare=year"} {
		f, c := filterOf(t, query(t, fq))
		views := map[string]dashboard.Exporter{}
		var err error
		views["executive"], err = s.d.Executive(ctx, f, dashboard.ExecutiveOptions{Compare: c})
		require.NoError(t, err)
		views["regional"], err = s.d.Regional(ctx, f, dashboard.RegionalOptions{Compare: c})
		require.NoError(t, err)
		views["product"], err = s.d.Product(ctx, f, dashboard.ProductOptions{Compare: c})
		require.NoError(t, err)
		views["reps"], err = s.d.Reps(ctx, f, dashboard.RepsOptions{Compare: c})
		require.NoError(t, err)
		views["customers"], err = s.d.Customers(ctx, f, dashboard.CustomersOptions{Compare: c})
		require.NoError(t, err)
		for page, v := range views {
			for _, tbl := range v.Tables() {
				target := "/export/" + page + "/" + tbl.Name + ".csv?" + fq
				res, body := s.get(t, target)
				require.Equal(t, http.StatusOK, res.StatusCode, target)
				require.Equal(t, "text/csv; charset=utf-8", res.Header.Get("Content-Type"))
				require.Contains(t, res.Header.Get("Content-Disposition"), `attachment; filename=`+page+"-"+strings.ReplaceAll(tbl.Name, "_", "-")+"-", target)
				recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
				require.NoError(t, err, target)
				require.Len(t, recs, len(tbl.Rows)+1, target)
				// the export is the view's table less the columns only the pages use
				j := 0
				for col, name := range tbl.Columns {
					if internal(name, tbl.Columns) {
						continue
					}
					require.Less(t, j, len(recs[0]), target)
					if name == "key" {
						require.Contains(t, []string{"segment", "industry", "name"}, recs[0][j], target)
					} else {
						require.Equal(t, name, recs[0][j], target)
					}
					for i, row := range tbl.Rows {
						require.Equal(t, row[col].Text, recs[i+1][j], "%s row %d col %s", target, i, name)
					}
					j++
				}
				require.Len(t, recs[0], j, target)
			}
		}
		// every CSV link on a page names a table its view exports
		_, body := s.get(t, "/executive?"+fq)
		for _, m := range regexp.MustCompile(`href="(/export/[^"]+)"`).FindAllStringSubmatch(body, -1) {
			res, _ := s.get(t, strings.ReplaceAll(m[1], "&amp;", "&"))
			require.Equal(t, http.StatusOK, res.StatusCode, m[1])
		}
	}
}

// sqlLeak matches what a page must never show: SQL text or driver messages.
var sqlLeak = regexp.MustCompile(`(?i)select\s[^<>]*\sfrom\s|duckdb|binder error|catalog error|parser error|sql: |goroutine \d`)

var tokenRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// session GETs a page as a browser would and returns its cookies and form token.
func (s *site) session(tb testing.TB, target string) ([]*http.Cookie, string) {
	tb.Helper()
	res, body := s.get(tb, target)
	m := tokenRE.FindStringSubmatch(body)
	require.NotNil(tb, m, "a form token on %s", target)
	return res.Cookies(), m[1]
}

func (s *site) post(tb testing.TB, target string, form url.Values, cookies []*http.Cookie, hdr map[string]string) *http.Response {
	tb.Helper()
	req := localRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	res, _ := s.do(tb, req)
	return res
}

// TestRefreshNeedsToken: the refresh POST is refused without its token, with
// another browser's token, and from another site; with its token it runs the
// refresh and returns to the same URL, never to another host.
func TestRefreshNeedsToken(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	back := "/regional?region=West&from=2025-01-01"
	cookies, token := s.session(t, back)
	otherCookies, otherToken := s.session(t, "/executive")
	require.NotEqual(t, token, otherToken)

	refused := []struct {
		name    string
		form    url.Values
		cookies []*http.Cookie
		hdr     map[string]string
	}{
		{"no token", url.Values{"return": {back}}, cookies, nil},
		{"no cookie", url.Values{"return": {back}, "csrf": {token}}, nil, nil},
		{"another browser's token", url.Values{"return": {back}, "csrf": {otherToken}}, cookies, nil},
		{"token for another cookie", url.Values{"return": {back}, "csrf": {token}}, otherCookies, nil},
		{"cross-site", url.Values{"return": {back}, "csrf": {token}}, cookies, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"foreign origin", url.Values{"return": {back}, "csrf": {token}}, cookies, map[string]string{"Origin": "http://evil.example"}},
		{"oversized body", url.Values{"return": {back}, "csrf": {token}, "pad": {strings.Repeat("x", 70<<10)}}, cookies, nil},
	}
	for _, c := range refused {
		res := s.post(t, "/refresh", c.form, c.cookies, c.hdr)
		require.Equal(t, http.StatusForbidden, res.StatusCode, c.name)
	}
	require.Zero(t, s.refreshs.Load(), "no refused request ran the refresh")

	res := s.post(t, "/refresh", url.Values{"return": {back}, "csrf": {token}}, cookies, map[string]string{"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"})
	require.Equal(t, http.StatusSeeOther, res.StatusCode)
	require.Equal(t, back, res.Header.Get("Location"))
	require.EqualValues(t, 1, s.refreshs.Load())

	for _, evil := range []string{"//evil.example/x", "https://evil.example/", `/\evil.example`, "javascript:alert(1)"} {
		res := s.post(t, "/refresh", url.Values{"return": {evil}, "csrf": {token}}, cookies, nil)
		require.Equal(t, "/", res.Header.Get("Location"), evil)
	}
}

// TestThemeCookie: the theme form remembers the choice, the page carries it on
// <html>, and "auto" forgets it.
func TestThemeCookie(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	cookies, token := s.session(t, "/customers")
	res := s.post(t, "/theme", url.Values{"theme": {"dark"}, "csrf": {token}, "return": {"/customers?segment=SMB"}}, cookies, nil)
	require.Equal(t, http.StatusSeeOther, res.StatusCode)
	require.Equal(t, "/customers?segment=SMB", res.Header.Get("Location"))
	var theme *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "sa_theme" {
			theme = c
		}
	}
	require.NotNil(t, theme)
	require.Equal(t, "dark", theme.Value)

	req := localRequest(http.MethodGet, "/customers", nil)
	req.AddCookie(theme)
	_, body := s.do(t, req)
	require.Contains(t, body, `<html lang="en" data-theme="dark">`)

	res = s.post(t, "/theme", url.Values{"theme": {"sepia"}, "csrf": {token}}, cookies, nil)
	require.Equal(t, http.StatusBadRequest, res.StatusCode)
	res = s.post(t, "/theme", url.Values{"theme": {"dark"}}, cookies, nil)
	require.Equal(t, http.StatusForbidden, res.StatusCode)
}

// TestDrillDownAndCrumbs follows a region link from the executive page and
// removes the filter again through its breadcrumb.
func TestDrillDownAndCrumbs(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	_, body := s.get(t, "/executive?from=2025-01-01&to=2025-06-30")
	rows := parsePage(t, body).table(t, dashboard.TableRegions)
	href := rows[0][1].href
	require.True(t, strings.HasPrefix(href, "/regional?"), href)
	res, body := s.get(t, href)
	require.Equal(t, http.StatusOK, res.StatusCode)
	p := parsePage(t, body)
	chips := p.find(hasAttr("class", "chip"))
	var labels []string
	for _, c := range chips {
		labels = append(labels, textOf(c))
	}
	require.Contains(t, labels, "Regions: "+rows[0][1].text+" × (remove)")
	require.Contains(t, labels, "Period: 1 Jan – 30 Jun 2025 × (remove)")
	for _, c := range chips {
		if strings.HasPrefix(textOf(c), "Regions:") {
			remove, _ := attr(c, "href")
			require.Equal(t, "/regional?from=2025-01-01&to=2025-06-30", remove)
		}
	}
	// the region's detail tiles appear with the drill-down
	require.NotEmpty(t, p.table(t, dashboard.TableRegionReps))
}

// TestEmptyState: a valid filter that selects no orders shows the empty state
// with 200, not an error.
func TestEmptyState(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	cat, err := s.d.Catalog(context.Background())
	require.NoError(t, err)
	rep := cat.Reps[1]
	other := "North"
	if rep.Region == "North" {
		other = "South"
	}
	target := "/executive?rep=1&region=" + other
	res, body := s.get(t, target)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, body, "No orders in this range.")
	res, _ = s.get(t, strings.Replace(target, "/executive", "/reps", 1))
	require.Equal(t, http.StatusOK, res.StatusCode)
}

// TestStaticFilesEmbedded serves every file the layout names, from the binary.
func TestStaticFilesEmbedded(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	_, body := s.get(t, "/executive")
	refs := regexp.MustCompile(`(?:src|href)="(/static/[^"]+)"`).FindAllStringSubmatch(body, -1)
	require.GreaterOrEqual(t, len(refs), 3)
	for _, m := range refs {
		res, b := s.get(t, strings.ReplaceAll(m[1], "&amp;", "&"))
		require.Equal(t, http.StatusOK, res.StatusCode, m[1])
		require.NotEmpty(t, b)
		require.Contains(t, res.Header.Get("Cache-Control"), "max-age")
	}
	require.True(t, bytes.Contains([]byte(body), []byte(`<script src="/static/app.js?v=`)))
}

// internal says whether an exported column is one only the pages use.
func internal(col string, cols []string) bool {
	switch col {
	case "drill", "other", "count":
		return true
	case "key":
		return slices.Contains(cols, "name")
	}
	return false
}

// TestExportNames: a CSV's file name says what it holds, filter included.
func TestExportNames(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	for target, want := range map[string]string{
		"/export/executive/regions.csv?region=West":                                   "executive-regions-2025-West.csv",
		"/export/executive/regions.csv?period=all":                                    "executive-regions-2024-01-01_2025-12-31.csv",
		"/export/regional/region_trend.csv?from=2025-07-01&to=2025-09-30&region=east": "regional-region-trend-2025-Q3-East.csv",
		"/export/customers/segments.csv?from=2025-03-01&to=2025-03-31&customer=12":    "customers-segments-2025-03-customer12.csv",
	} {
		res, _ := s.get(t, target)
		require.Equal(t, http.StatusOK, res.StatusCode, target)
		require.Equal(t, `attachment; filename=`+want, res.Header.Get("Content-Disposition"), target)
	}
}
