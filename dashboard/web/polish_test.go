package web_test

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// TestFirstScreenComparesLastYear: with no query string a page shows the last
// complete year against the year before, so its cards show growth, and the
// period buttons show which preset is in force.
func TestFirstScreenComparesLastYear(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	res, body := s.get(t, "/executive")
	require.Equal(t, http.StatusOK, res.StatusCode)
	p := parsePage(t, body)
	deltas := p.find(hasAttr("data-delta", ""))
	require.Len(t, deltas, 5, "every card shows a change")
	for _, d := range deltas {
		require.Regexp(t, `^[▲▼]? ?[+-]?[0-9.]+%$`, textOf(d))
	}
	require.NotContains(t, body, "no comparison")
	require.Contains(t, textOf(p.find(hasAttr("data-period", ""))[0]), "Last year · 1 Jan – 31 Dec 2025")
	var pressed []string
	for _, b := range p.find(hasAttr("data-preset", "")) {
		if v, _ := attr(b, "aria-pressed"); v == "true" {
			pressed = append(pressed, textOf(b))
		}
	}
	require.Equal(t, []string{"Year to date", "Last year"}, pressed, "2025 is both the year to date and the last complete year")
	// the cards are compact, the exact figure is the title
	v, err := s.d.Executive(context.Background(), dashboard.Filter{From: date(2025, time.January, 1), To: date(2025, time.December, 31)}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	value := p.find(hasAttr("data-kpi", "revenue"))[0]
	shown := (page{value}).find(hasAttr("data-value", ""))[0]
	require.Regexp(t, `^\$[0-9.]+M$`, textOf(shown))
	title, _ := attr(shown, "title")
	require.True(t, strings.HasPrefix(title, "$"+group(v.Totals.Revenue.StringFixed(2))+" ("), title)
}

// group puts thousands separators into a plain decimal ("1234.50" → "1,234.50"),
// written apart from the page's formatter.
func group(s string) string {
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + "." + frac
}

// TestNamesNotIds: the customer and product pickers search by name, chips name
// what they filter, and text filters match ignoring case.
func TestNamesNotIds(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	ctx := context.Background()
	v, err := s.d.Customers(ctx, dashboard.Filter{From: date(2025, time.January, 1), To: date(2025, time.December, 31)}, dashboard.CustomersOptions{})
	require.NoError(t, err)
	top := v.Top[0]
	first := strings.Fields(top.Name)[0]

	res, body := s.get(t, "/pick/customer?q="+strings.ToLower(first))
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, body, `value="`+strconv.FormatInt(top.ID, 10)+`"`)
	require.Contains(t, body, top.Name)
	res, body = s.get(t, "/pick/product?q=product_0239")
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, body, "Product_0239")
	res, _ = s.get(t, "/pick/rep?q=a")
	require.Equal(t, http.StatusNotFound, res.StatusCode)

	res, body = s.get(t, "/customers?customer="+strconv.FormatInt(top.ID, 10))
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, chips(t, body), "Customer: "+top.Name+" × (remove)")
	require.NotContains(t, body, "#"+strconv.FormatInt(top.ID, 10))

	res, body = s.get(t, "/regional?region=west&segment=enterprise&category=electronics")
	require.Equal(t, http.StatusOK, res.StatusCode, body)
	require.Subset(t, chips(t, body), []string{"Regions: West × (remove)", "Segments: Enterprise × (remove)", "Categories: ELECTRONICS × (remove)"})
	upper, _ := s.get(t, "/regional?region=West&segment=Enterprise&category=ELECTRONICS")
	require.Equal(t, http.StatusOK, upper.StatusCode)
	rows := parsePage(t, body).table(t, dashboard.TableRegions)
	require.Len(t, rows, 1)
	require.Equal(t, "West", rows[0][0].text)
}

func chips(tb testing.TB, body string) []string {
	var out []string
	for _, c := range parsePage(tb, body).find(hasAttr("class", "chip")) {
		out = append(out, textOf(c))
	}
	return out
}

// TestGzip: pages, files and exports are compressed for a client that accepts
// gzip, and every response says it varies by Accept-Encoding.
func TestGzip(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	for _, target := range []string{"/executive", "/static/style.css", "/static/app.js", "/export/executive/regions.csv", "/about", "/nope"} {
		plain, body := s.get(t, target)
		req := localRequest(http.MethodGet, target, nil)
		req.Header.Set("Accept-Encoding", "br;q=1.0, gzip;q=0.8")
		zipped, raw := s.do(t, req)
		require.Equal(t, plain.StatusCode, zipped.StatusCode, target)
		require.Equal(t, "gzip", zipped.Header.Get("Content-Encoding"), target)
		require.Contains(t, zipped.Header.Values("Vary"), "Accept-Encoding", target)
		require.Contains(t, plain.Header.Values("Vary"), "Accept-Encoding", target)
		require.Empty(t, plain.Header.Get("Content-Encoding"), target)
		zr, err := gzip.NewReader(strings.NewReader(raw))
		require.NoError(t, err, target)
		unzipped, err := io.ReadAll(zr)
		require.NoError(t, err, target)
		if target != "/executive" && target != "/about" && target != "/nope" { // pages carry a fresh CSRF token
			require.Equal(t, body, string(unzipped), target)
		}
		require.Less(t, len(raw), len(unzipped), target)
	}
	req := localRequest(http.MethodGet, "/static/style.css", nil)
	req.Header.Set("Accept-Encoding", "gzip;q=0, identity")
	res, _ := s.do(t, req)
	require.Empty(t, res.Header.Get("Content-Encoding"), "gzip;q=0 refuses gzip")
}

// TestAboutPage says what the data is, as of when, the model, the downloads
// and the analyst.
func TestAboutPage(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, true)
	res, body := s.get(t, "/about")
	require.Equal(t, http.StatusOK, res.StatusCode)
	p := parsePage(t, body)
	require.Empty(t, p.find(hasAttr("data-filters", "")), "no filter form")
	facts := map[string]string{}
	for _, r := range p.table(t, "data") {
		facts[r[0].text] = r[1].text
	}
	require.Equal(t, "1 Jan 2024 – 31 Dec 2025", facts["Days of data"])
	require.Equal(t, "25,000", facts["Orders"])
	require.Contains(t, facts, "As of")
	require.NotEmpty(t, p.table(t, "model"))
	for _, r := range p.table(t, "downloads") {
		res, _ := s.get(t, r[1].href)
		require.Equal(t, http.StatusOK, res.StatusCode, r[1].href)
		require.Equal(t, "attachment; filename="+r[1].text, res.Header.Get("Content-Disposition"))
	}
	require.Contains(t, body, `href="/analyst"`)
}
