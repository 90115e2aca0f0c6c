package web_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// widths are the screens the polish test looks at: a phone, a small laptop
// and a desktop.
var widths = []int64{390, 1024, 1400}

// TestBrowserPolish drives the dashboard as a sales manager meets it: the first
// screen shows the last complete year with growth; a period button sets the
// dates; the customer picker finds a customer by name and the chip says the
// name; the rep picker filters as you type; a CSV's file name says its filter;
// at phone width no page is wider than the screen, chart text stays 10 px or
// more and the first figure is on the first screen; at 1024 px the nav and the
// cards fit. It writes screenshots of every page at 390, 1024 and 1400 px,
// light and dark, to the folder named in the log.
func TestBrowserPolish(t *testing.T) {
	tab := newTab(t)
	s := newSite(t, testScale, true)
	srv, shots := serveBrowser(t, s.h)
	ctx := context.Background()
	tab.run("desktop", chromedp.EmulateViewport(1400, 1000))

	// The first screen: 2025 against the year before, every card with growth.
	tab.run("first screen", chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady(chromedp.CSS("[data-kpi]")))
	require.Equal(t, srv.URL+"/executive", tab.location())
	require.Equal(t, 5, tab.count(".kpi [data-delta]"), "every card shows growth")
	require.Zero(t, tab.count(".kpi-delta .none"), "no card says no comparison")
	require.Contains(t, tab.text("[data-period]"), "Last year · 1 Jan – 31 Dec 2025")
	year, err := s.d.Executive(ctx, dashboard.Filter{From: date(2025, 1, 1), To: date(2025, 12, 31)}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	requireKPIs(t, tab, year)
	require.Regexp(t, `^\$[0-9.]+M$`, tab.text(`[data-kpi="revenue"] [data-value]`), "a headline reads compactly")
	tab.clean("first screen")

	// A preset: the last quarter, its dates in the URL and the form.
	tab.run("last quarter", chromedp.Click(chromedp.CSS(`.presets button[value="last-quarter"]`)))
	waitFor(t, tab, func() bool {
		return strings.HasSuffix(tab.location(), "/executive?from=2025-10-01&to=2025-12-31") && tab.has("[data-kpi]")
	}, "the last quarter's page")
	q4, err := s.d.Executive(ctx, dashboard.Filter{From: date(2025, 10, 1), To: date(2025, 12, 31)}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	requireKPIs(t, tab, q4)
	var from string
	tab.eval(`document.querySelector('input[name="from"]').value`, &from)
	require.Equal(t, "2025-10-01", from)
	require.Contains(t, tab.text("[data-period]"), "Last quarter · 1 Oct – 31 Dec 2025")
	require.Contains(t, tab.text("[data-crumbs] .chip"), "Period: 1 Oct – 31 Dec 2025")
	tab.clean("preset")

	// The customer picker finds a customer by a lower-case part of the name.
	cust, err := s.d.Customers(ctx, dashboard.Filter{From: date(2025, 1, 1), To: date(2025, 12, 31)}, dashboard.CustomersOptions{})
	require.NoError(t, err)
	top := cust.Top[0]
	id := strconv.FormatInt(top.ID, 10)
	tab.run("customers", chromedp.Navigate(srv.URL+"/customers"), chromedp.WaitReady(chromedp.CSS("[data-tile]")))
	tab.run("open the picker", chromedp.Click(`//details[summary[@aria-describedby="l-customer"]]/summary`))
	tab.run("type a name", chromedp.SendKeys(chromedp.CSS(`input[data-search="/pick/customer"]`), strings.ToLower(top.Name)))
	waitFor(t, tab, func() bool { return tab.has(`[data-found] input[value="` + id + `"]`) }, "the customer found by name")
	require.Contains(t, tab.text(`[data-found] label`), top.Name)
	tab.shoot(shots, "picker-customer")
	tab.run("pick", chromedp.Click(chromedp.CSS(`[data-found] input[value="`+id+`"]`)),
		chromedp.Click(chromedp.CSS(`form[data-filters] button[type="submit"]`)))
	waitFor(t, tab, func() bool {
		return strings.Contains(tab.location(), "customer="+id) && strings.Contains(tab.text("[data-crumbs]"), "Customer: "+top.Name)
	}, "the chip names the customer")
	require.NotContains(t, tab.text("[data-crumbs]"), "#"+id)
	tab.clean("customer picker")

	// The rep picker: 50 names, filtered as you type.
	tab.run("open reps", chromedp.Click(`//details[summary[@aria-describedby="l-rep"]]/summary`),
		chromedp.SendKeys(chromedp.CSS(`details[open] input[data-filter]`), "FRANK"))
	var shown []string
	tab.eval(`Array.from(document.querySelectorAll('details[open] .choices label')).filter(l => !l.hidden).map(l => l.textContent.trim())`, &shown)
	require.NotEmpty(t, shown)
	for _, name := range shown {
		require.Contains(t, strings.ToLower(name), "frank")
	}
	require.Less(t, len(shown), len(s.mustCatalog(t).Reps))
	tab.shoot(shots, "picker-reps")
	tab.clean("rep picker")

	// A CSV's file name says its page, table, period and filter.
	tab.run("west", chromedp.Navigate(srv.URL+"/executive?region=west"), chromedp.WaitReady(chromedp.CSS(`#tile-regions a.csv`)))
	var disposition string
	tab.eval(`(() => { const x = new XMLHttpRequest(); x.open("GET", document.querySelector("#tile-regions a.csv").href, false); x.send(); return x.getResponseHeader("Content-Disposition"); })()`, &disposition)
	require.Equal(t, "attachment; filename=executive-regions-2025-West.csv", disposition)
	tab.run("download", chromedp.Click(chromedp.CSS(`#tile-regions a.csv`)))
	body := string(tab.waitDownload())
	require.True(t, strings.HasPrefix(body, "rank,name,revenue,share\n"), body)
	tab.clean("csv")

	for _, scheme := range []string{"light", "dark"} {
		tab.run("emulate "+scheme, colorScheme(scheme))
		for _, w := range widths {
			tab.run(fmt.Sprint("width ", w), chromedp.EmulateViewport(w, 900, chromedp.EmulateMobile))
			for _, p := range pages[:5] {
				tab.run("load "+p, chromedp.Navigate(srv.URL+"/"+p), chromedp.WaitReady(chromedp.CSS("footer")))
				checkLayout(t, tab, p, w)
				tab.shoot(shots, fmt.Sprintf("%s-%d-%s", p, w, scheme))
			}
			tab.run("load about", chromedp.Navigate(srv.URL+"/about"), chromedp.WaitReady(chromedp.CSS("footer")))
			checkLayout(t, tab, "about", w)
			tab.shoot(shots, fmt.Sprintf("about-%d-%s", w, scheme))
			tab.clean(fmt.Sprintf("pages at %d px (%s)", w, scheme))
		}
	}
	tab.run("system light", colorScheme("light"))

	// On a phone the filters fold behind a button, which opens them.
	tab.run("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(srv.URL+"/executive"), chromedp.WaitReady(chromedp.CSS("[data-kpi]")))
	require.False(t, visible(tab, "form[data-filters]"), "the form is folded")
	var kpiBottom, screen float64
	tab.eval(`document.querySelector('[data-kpi="revenue"] [data-value]').getBoundingClientRect().bottom`, &kpiBottom)
	tab.eval(`innerHeight`, &screen)
	require.Less(t, kpiBottom, screen, "the first figure is on the first screen")
	// A table wider than its tile scrolls inside it, its first column fixed.
	var wrap struct {
		Wide                 bool
		Moved, Before, After float64
	}
	tab.eval(`(w => { const c = w.querySelector("tbody td"), before = c.getBoundingClientRect().left - w.getBoundingClientRect().left;
		w.scrollLeft = 200; const after = c.getBoundingClientRect().left - w.getBoundingClientRect().left;
		const r = {Wide: w.scrollWidth > w.clientWidth, Moved: w.scrollLeft, Before: before, After: after}; w.scrollLeft = 0; return r; })
		(Array.from(document.querySelectorAll(".table-wrap")).find(w => w.scrollWidth > w.clientWidth) || document.querySelector(".table-wrap"))`, &wrap)
	require.True(t, wrap.Wide, "at 390 px some table is wider than its tile")
	require.Positive(t, wrap.Moved, "the table scrolls inside its tile")
	require.InDelta(t, wrap.Before, wrap.After, 1, "its first column stays in place")
	tab.run("open filters", chromedp.Click(chromedp.CSS("[data-filter-toggle]")))
	require.True(t, visible(tab, "form[data-filters]"), "the button opens the form")
	tab.shoot(shots, "executive-390-filters-open")
	tab.clean("phone filters")
}

// checkLayout checks what a page must keep at a width: never wider than the
// screen; chart text 10 px or more where it is drawn (a phone's canvas at 390
// px, the desktop one from 1024 px); at 1024 px and up, the
// navigation unscrolled and every card's figure on one line.
func checkLayout(t *testing.T, tab *tab, page string, width int64) {
	t.Helper()
	var wide struct{ Scroll, Inner float64 }
	tab.eval(`({Scroll: document.documentElement.scrollWidth, Inner: innerWidth})`, &wide)
	require.LessOrEqual(t, wide.Scroll, wide.Inner, "%s at %d px: the page scrolls sideways", page, width)
	var smallest float64
	tab.eval(`Math.min(1000, ...Array.from(document.querySelectorAll("svg.chart text")).filter(e => e.getBoundingClientRect().width > 0)
		.map(e => e.getScreenCTM().a * parseFloat(getComputedStyle(e).fontSize)))`, &smallest)
	t.Logf("%s at %d px: page %.0f of %.0f px wide, smallest chart text %.1f px", page, width, wide.Scroll, wide.Inner, smallest)
	require.GreaterOrEqual(t, smallest, 10.0, "%s at %d px: chart text is %.1f px", page, width, smallest)
	if width >= 1024 {
		var nav struct{ Scroll, Client float64 }
		tab.eval(`(n => ({Scroll: n.scrollWidth, Client: n.clientWidth}))(document.querySelector("header.top nav"))`, &nav)
		require.LessOrEqual(t, nav.Scroll, nav.Client, "%s at %d px: the navigation fits", page, width)
		var clipped int
		tab.eval(`Array.from(document.querySelectorAll(".kpi-value")).filter(e => e.scrollWidth > e.clientWidth).length`, &clipped)
		require.Zero(t, clipped, "%s at %d px: a card's figure is cut", page, width)
	}
}

// visible reports whether the element sel matches takes room on the page.
func visible(tab *tab, sel string) bool {
	var ok bool
	tab.eval(`(e => !!e && e.getClientRects().length > 0)(document.querySelector(`+strconv.Quote(sel)+`))`, &ok)
	return ok
}

// mustCatalog returns the site's catalog.
func (s *site) mustCatalog(tb testing.TB) *dashboard.Catalog {
	tb.Helper()
	c, err := s.d.Catalog(context.Background())
	require.NoError(tb, err)
	return c
}
