package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/format"
)

// TestBrowserDrills follows a product row's link and a customer row's link
// from their pages as a person would: the product drill shows the product's
// cards and every month of the year with its figures (a month without orders
// as zero), the customer drill its months and its newest orders, newest
// first, each page without the single-row tables of the whole. Screenshots
// of both at 390 and 1400 px go to the folder named in the log.
func TestBrowserDrills(t *testing.T) {
	tab := newTab(t)
	s := newSite(t, testScale, true)
	srv, shots := serveBrowser(t, s.h)
	ctx := context.Background()
	year := dashboard.Filter{From: date(2025, 1, 1), To: date(2025, 12, 31)}
	tab.run("desktop", chromedp.EmulateViewport(1400, 1000))

	// The product drill, from the first top product's link.
	tab.run("products", chromedp.Navigate(srv.URL+"/product"), chromedp.WaitReady(chromedp.CSS("#tile-top_products table a")))
	tab.run("drill", chromedp.Click(chromedp.CSS("#tile-top_products table tbody a")))
	waitFor(t, tab, func() bool { return strings.Contains(tab.location(), "product=") && tab.has("#tile-product_months") }, "the product drill")
	prod, err := s.d.Product(ctx, year, dashboard.ProductOptions{})
	require.NoError(t, err)
	id := prod.Top[0].ID
	v, err := s.d.Product(ctx, year.WithProduct(id), dashboard.ProductOptions{})
	require.NoError(t, err)
	require.NotNil(t, v.Detail)
	require.False(t, tab.has("#tile-categories"), "no single-row table of categories")
	require.False(t, tab.has("#tile-top_products"), "no single-row top list")
	require.Contains(t, tab.text("#tile-product_figures h2"), v.Detail.Product.Name)
	requireMonthRows(t, tab, "product_months", v.Detail.Months)
	require.True(t, tab.has("#tile-product_months svg.chart"), "the months as a chart")
	tab.clean("product drill")
	productURL := tab.location()

	// The customer drill, from the first top customer's link.
	tab.run("customers", chromedp.Navigate(srv.URL+"/customers"), chromedp.WaitReady(chromedp.CSS("#tile-top_customers table a")))
	tab.run("drill", chromedp.Click(chromedp.CSS("#tile-top_customers table tbody tr:first-child td:nth-child(2) a")))
	waitFor(t, tab, func() bool { return strings.Contains(tab.location(), "customer=") && tab.has("#tile-customer_orders") }, "the customer drill")
	cust, err := s.d.Customers(ctx, year, dashboard.CustomersOptions{})
	require.NoError(t, err)
	c, err := s.d.Customers(ctx, year.WithCustomer(cust.Top[0].ID), dashboard.CustomersOptions{})
	require.NoError(t, err)
	det := c.Detail
	require.NotNil(t, det)
	require.False(t, tab.has("#tile-segments"), "no single-row table of segments")
	require.Contains(t, tab.text("#tile-customer_figures h2"), det.Name)
	requireMonthRows(t, tab, "customer_months", det.Months)
	var orders [][]string
	tab.eval(`Array.from(document.querySelectorAll('[data-table="customer_orders"] tbody tr')).map(r => Array.from(r.cells).map(c => c.textContent.trim()))`, &orders)
	require.Len(t, orders, len(det.Orders))
	require.NotEmpty(t, orders)
	for i, o := range det.Orders {
		require.Equal(t, []string{o.Date.Format("2006-01-02"), fmt.Sprint(o.ID), o.Product.Name}, orders[i][:3])
		require.Equal(t, format.Money(o.Revenue), orders[i][5])
	}
	for i := 1; i < len(orders); i++ {
		require.GreaterOrEqual(t, orders[i-1][0], orders[i][0], "newest first")
	}
	tab.clean("customer drill")
	customerURL := tab.location()

	for _, w := range []int64{390, 1400} {
		tab.run(fmt.Sprint("width ", w), chromedp.EmulateViewport(w, 900, chromedp.EmulateMobile))
		for name, u := range map[string]string{"product-drill": productURL, "customer-drill": customerURL} {
			tab.run("load "+name, chromedp.Navigate(u), chromedp.WaitReady(chromedp.CSS("footer")))
			checkLayout(t, tab, name, w)
			tab.shoot(shots, fmt.Sprintf("%s-%d", name, w))
		}
		tab.clean(fmt.Sprintf("drills at %d px", w))
	}
}

// requireMonthRows checks a drill's months table against the view's months:
// one row per month, its revenue, orders and units, zeros included.
func requireMonthRows(t *testing.T, tab *tab, table string, months []dashboard.DrillMonth) {
	t.Helper()
	var rows [][]string
	tab.eval(`Array.from(document.querySelectorAll('[data-table="`+table+`"] tbody tr')).map(r => Array.from(r.cells).map(c => c.textContent.trim()))`, &rows)
	require.Len(t, rows, len(months), "every month of the range")
	for i, m := range months {
		require.Equal(t, []string{format.Money(m.Revenue), format.Int(m.Orders), format.Int(m.Units)}, rows[i][1:4], m.Month.Format("2006-01"))
	}
}
