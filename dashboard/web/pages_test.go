package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

// filters is the grid of queries every page is checked over.
var filters = []string{
	"",
	"from=2025-01-01&to=2025-03-31",
	"region=West&compare=year",
	"from=2024-06-01&to=2025-05-31&segment=SMB&channel=Online",
	"category=ELECTRONICS&region=North&region=East&compare=none",
}

// TestExecutiveEqualsView reads the KPI cards and the regions table off the page
// and compares them with the view API, to the cent, for every filter.
func TestExecutiveEqualsView(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, false)
	for _, fq := range filters {
		q := query(t, fq)
		f, c := filterOf(t, q)
		v, err := s.d.Executive(context.Background(), f, dashboard.ExecutiveOptions{Compare: c})
		require.NoError(t, err)
		res, body := s.get(t, "/executive?"+fq)
		require.Equal(t, http.StatusOK, res.StatusCode, fq)
		p := parsePage(t, body)
		cards := p.kpis()
		require.Len(t, cards, len(v.KPIs), fq)
		for _, k := range v.KPIs {
			equalFigure(t, k.Value.Decimal, cards[k.Name], fq+" "+k.Name)
		}
		rows := p.table(t, dashboard.TableRegions)
		require.Len(t, rows, len(v.Regions), fq)
		for i, r := range v.Regions {
			require.Equal(t, r.Name, rows[i][1].text, fq)
			requireLink(t, "/regional", r.Drill, c, rows[i][1].href)
			equalFigure(t, r.Revenue, rows[i][2].text, fq+" "+r.Name+" revenue")
			equalFigure(t, r.Share.Decimal, rows[i][3].text, fq+" "+r.Name+" share")
		}
		trend := p.table(t, dashboard.TableTrend)
		require.Len(t, trend, len(v.Trend), fq)
		for i, m := range v.Trend {
			equalFigure(t, m.Revenue, trend[i][1].text, fq+" trend "+m.Month.String())
			equalFigure(t, decimal.NewFromInt(m.Orders), trend[i][2].text, fq+" trend orders")
		}
	}
}

// requireLink requires href to be path narrowed to f, keeping comparison c when
// it is not the default and leaving out the default range.
func requireLink(tb testing.TB, path string, f dashboard.Filter, c dashboard.Compare, href string) {
	tb.Helper()
	u, err := url.Parse(href)
	require.NoError(tb, err)
	want := f.Values()
	if def := query(tb, lastYear); want.Get("from") == def.Get("from") && want.Get("to") == def.Get("to") {
		want.Del("from")
		want.Del("to")
	}
	if c != dashboard.ComparePrevious {
		want.Set("compare", string(c))
	}
	require.Equal(tb, path, u.Path, href)
	require.Equal(tb, want, u.Query(), href)
}

func TestRegionalEqualsView(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, false)
	for _, fq := range filters {
		q := query(t, fq)
		f, c := filterOf(t, q)
		v, err := s.d.Regional(context.Background(), f, dashboard.RegionalOptions{Compare: c})
		require.NoError(t, err)
		res, body := s.get(t, "/regional?"+fq)
		require.Equal(t, http.StatusOK, res.StatusCode, fq)
		p := parsePage(t, body)
		rows := p.table(t, dashboard.TableRegions)
		require.Len(t, rows, len(v.Regions), fq)
		for i, r := range v.Regions {
			require.Equal(t, r.Region, rows[i][0].text)
			equalFigure(t, r.Revenue, rows[i][1].text, fq+" revenue")
			equalFigure(t, decimal.NewFromInt(r.Orders), rows[i][4].text, fq+" orders")
			equalFigure(t, decimal.NewFromInt(r.Customers), rows[i][5].text, fq+" customers")
			equalFigure(t, r.AOV.Decimal, rows[i][6].text, fq+" aov")
			if r.Growth.Pct.Valid {
				equalFigure(t, r.Growth.Pct.Decimal, rows[i][3].text, fq+" growth")
			} else {
				require.Contains(t, []string{"no comparison", "new"}, rows[i][3].text)
			}
		}
		require.Len(t, p.table(t, dashboard.TableRegionTrend), len(v.Trend), fq)
		if v.Detail != nil {
			reps := p.table(t, dashboard.TableRegionReps)
			require.Len(t, reps, len(v.Detail.Reps))
			for i, r := range v.Detail.Reps {
				equalFigure(t, r.Revenue, reps[i][2].text, fq+" region rep "+r.Name)
			}
		}
	}
}

func TestProductEqualsView(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, false)
	for _, fq := range append(filters, "product=7") {
		q := query(t, fq)
		f, c := filterOf(t, q)
		v, err := s.d.Product(context.Background(), f, dashboard.ProductOptions{Compare: c})
		require.NoError(t, err)
		res, body := s.get(t, "/product?"+fq)
		require.Equal(t, http.StatusOK, res.StatusCode, fq)
		p := parsePage(t, body)
		if v.Detail != nil {
			months := p.table(t, dashboard.TableProductMonths)
			require.Len(t, months, len(v.Detail.Months))
			for i, m := range v.Detail.Months {
				equalFigure(t, m.Revenue, months[i][1].text, fq+" product month")
				equalFigure(t, decimal.NewFromInt(m.Orders), months[i][2].text, fq+" product month orders")
			}
		}
		if len(f.Products) == 1 { // the drill: no single-row tables of the whole
			require.NotContains(t, body, `data-table="`+dashboard.TableCategories+`"`)
			continue
		}
		cats := p.table(t, dashboard.TableCategories)
		require.Len(t, cats, len(v.Categories), fq)
		for i, r := range v.Categories {
			require.Equal(t, r.Category, cats[i][0].text)
			equalFigure(t, r.Revenue, cats[i][1].text, fq+" category revenue")
			equalFigure(t, decimal.NewFromInt(r.Units), cats[i][2].text, fq+" units")
		}
		top := p.table(t, dashboard.TableTopProducts)
		require.Len(t, top, len(v.Top), fq)
		for i, r := range v.Top {
			equalFigure(t, r.Revenue, top[i][2].text, fq+" top "+r.Name)
			if !r.Other {
				require.Equal(t, r.Name, top[i][1].text)
				requireLink(t, "/product", r.Drill, c, top[i][1].href)
			}
		}
	}
}

func TestRepsEqualsView(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, false)
	for _, fq := range append(filters, "rep=3") {
		q := query(t, fq)
		f, c := filterOf(t, q)
		v, err := s.d.Reps(context.Background(), f, dashboard.RepsOptions{Compare: c})
		require.NoError(t, err)
		res, body := s.get(t, "/reps?"+fq)
		require.Equal(t, http.StatusOK, res.StatusCode, fq)
		p := parsePage(t, body)
		rows := p.table(t, dashboard.TableLeaderboard)
		require.Len(t, rows, len(v.Leaderboard), fq)
		for i, r := range v.Leaderboard {
			require.Equal(t, strconv.Itoa(r.Rank), rows[i][0].text)
			require.Equal(t, r.Rep.Name, rows[i][1].text)
			requireLink(t, "/reps", r.Drill, c, rows[i][1].href)
			equalFigure(t, r.Revenue, rows[i][3].text, fq+" rep revenue")
			equalFigure(t, decimal.NewFromInt(r.Orders), rows[i][4].text, fq+" rep orders")
			equalFigure(t, r.Quota, rows[i][7].text, fq+" quota")
			if r.Attainment.Valid {
				equalFigure(t, r.Attainment.Decimal, rows[i][8].text, fq+" attainment")
			}
		}
		if v.Detail != nil {
			months := p.table(t, dashboard.TableRepMonths)
			require.Len(t, months, len(v.Detail.Months))
			for i, m := range v.Detail.Months {
				equalFigure(t, m.Month.Revenue, months[i][1].text, fq+" rep month")
				equalFigure(t, m.Quota, months[i][2].text, fq+" rep month quota")
			}
		}
	}
}

func TestCustomersEqualsView(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, false)
	for _, fq := range filters {
		q := query(t, fq)
		f, _ := filterOf(t, q)
		v, err := s.d.Customers(context.Background(), f, dashboard.CustomersOptions{})
		require.NoError(t, err)
		res, body := s.get(t, "/customers?"+fq)
		require.Equal(t, http.StatusOK, res.StatusCode, fq)
		p := parsePage(t, body)
		for id, groups := range map[string][]dashboard.GroupRow{dashboard.TableSegments: v.Segments, dashboard.TableIndustries: v.Industries} {
			rows := p.table(t, id)
			require.Len(t, rows, len(groups), fq)
			for i, g := range groups {
				require.Equal(t, g.Key, rows[i][0].text)
				equalFigure(t, g.Revenue, rows[i][1].text, fq+" "+id+" revenue")
				equalFigure(t, decimal.NewFromInt(g.Customers), rows[i][2].text, fq+" "+id+" customers")
			}
		}
		top := p.table(t, dashboard.TableTopCustomers)
		require.Len(t, top, len(v.Top), fq)
		for i, c := range v.Top {
			equalFigure(t, c.Revenue, top[i][4].text, fq+" top customer")
			if !c.Other {
				require.Equal(t, c.Name, top[i][1].text)
				equalFigure(t, c.Lifetime.Revenue, top[i][7].text, fq+" lifetime")
			}
		}
		nvr := p.table(t, dashboard.TableNewVsReturning)
		require.Len(t, nvr, len(v.NewVsReturning), fq)
		for i, m := range v.NewVsReturning {
			equalFigure(t, decimal.NewFromInt(m.New), nvr[i][2].text, fq+" new")
			equalFigure(t, decimal.NewFromInt(m.Returning), nvr[i][3].text, fq+" returning")
		}
	}
}
