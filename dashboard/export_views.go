package dashboard

import "github.com/shopspring/decimal"

var changeCols = []string{"base", "delta", "delta_pct"}

// Tables exports the executive view: kpis, to_date, trend, regions.
func (v Executive) Tables() []Table {
	k := Table{Name: TableKPIs, Columns: withCols([]string{"kpi", "unit", "value"}, changeCols...)}
	for _, x := range v.KPIs {
		places := int32(0)
		if x.Unit == "usd" {
			places = 2
		}
		k.Rows = append(k.Rows, append([]Cell{txt(x.Name), txt(x.Unit), nullFixed(x.Value, places)}, changeCells(x.Change, places)...))
	}
	td := Table{Name: TableToDate, Columns: []string{"kind", "from", "to", "partial", "revenue", "orders",
		"year_ago_from", "year_ago_to", "revenue_base", "revenue_delta", "revenue_delta_pct", "orders_base", "orders_delta", "orders_delta_pct", "drill"}}
	for _, x := range v.ToDate {
		row := []Cell{txt(string(x.Kind)), dateCell(x.Period.From), dateCell(x.Period.To), boolCell(x.Period.Partial), usd(x.Revenue), num(x.Orders),
			dateCell(x.YearAgo.From), dateCell(x.YearAgo.To)}
		row = append(row, changeCells(x.RevenueChange, 2)...)
		row = append(row, changeCells(x.OrdersChange, 0)...)
		td.Rows = append(td.Rows, append(row, filterCell(x.Drill)))
	}
	return []Table{k, td, monthsTable(TableTrend, v.Trend), sharesTable(TableRegions, v.Regions)}
}

// Tables exports the regional view: regions, region_trend and, with a detail,
// region_reps and region_categories.
func (v Regional) Tables() []Table {
	r := Table{Name: TableRegions, Columns: withCols([]string{"region", "revenue", "share"}, "growth_base", "growth_delta", "growth_pct", "orders", "customers", "aov", "drill")}
	for _, x := range v.Regions {
		row := append([]Cell{txt(x.Region), usd(x.Revenue), nullRatio(x.Share)}, changeCells(x.Growth, 2)...)
		r.Rows = append(r.Rows, append(row, num(x.Orders), num(x.Customers), nullUSD(x.AOV), filterCell(x.Drill)))
	}
	tr := Table{Name: TableRegionTrend, Columns: []string{"region", "month", "revenue", "orders", "units", "customers", "aov", "partial", "drill"}}
	for _, x := range v.Trend {
		m := x.Month
		tr.Rows = append(tr.Rows, []Cell{txt(x.Region), dateCell(m.Month), usd(m.Revenue), num(m.Orders), num(m.Units), num(x.Customers), nullUSD(x.AOV), boolCell(m.Partial), filterCell(m.Drill)})
	}
	out := []Table{r, tr}
	if v.Detail != nil {
		out = append(out, sharesTable(TableRegionReps, v.Detail.Reps), sharesTable(TableRegionCategories, v.Detail.Categories))
	}
	return out
}

// Tables exports the product view: categories, top_products, bottom_products and,
// with a detail, product_months (with each month's change on the one before).
func (v Product) Tables() []Table {
	c := Table{Name: TableCategories, Columns: []string{"category", "revenue", "units", "share", "growth_base", "growth_delta", "growth_pct", "drill"}}
	for _, x := range v.Categories {
		row := append([]Cell{txt(x.Category), usd(x.Revenue), num(x.Units), nullRatio(x.Share)}, changeCells(x.Growth, 2)...)
		c.Rows = append(c.Rows, append(row, filterCell(x.Drill)))
	}
	out := []Table{c, sharesTable(TableTopProducts, v.Top), sharesTable(TableBottomProduct, v.Bottom)}
	if v.Detail != nil {
		out = append(out, drillMonthsTable(TableProductMonths, v.Detail.Months))
	}
	return out
}

// Tables exports the reps view: leaderboard and, with a detail, rep_months.
func (v Reps) Tables() []Table {
	l := Table{Name: TableLeaderboard, Columns: []string{"rank", "rep_id", "rep_name", "region", "revenue", "orders", "customers", "aov", "quota", "attainment", "growth_base", "growth_delta", "growth_pct", "drill"}}
	for _, x := range v.Leaderboard {
		row := []Cell{num(int64(x.Rank)), num(x.Rep.ID), txt(x.Rep.Name), txt(x.Rep.Region), usd(x.Revenue), num(x.Orders), num(x.Customers), nullUSD(x.AOV), usd(x.Quota), nullRatio(x.Attainment)}
		row = append(row, changeCells(x.Growth, 2)...)
		l.Rows = append(l.Rows, append(row, filterCell(x.Drill)))
	}
	out := []Table{l}
	if v.Detail != nil {
		m := Table{Name: TableRepMonths, Columns: []string{"month", "revenue", "orders", "customers", "quota", "attainment", "partial", "drill"}}
		for _, x := range v.Detail.Months {
			m.Rows = append(m.Rows, []Cell{dateCell(x.Month.Month), usd(x.Month.Revenue), num(x.Month.Orders), num(x.Customers), usd(x.Quota), nullRatio(x.Attainment), boolCell(x.Month.Partial), filterCell(x.Month.Drill)})
		}
		out = append(out, m)
	}
	return out
}

// Tables exports the customer view: segments, industries, top_customers,
// new_vs_returning and, with a detail, customer_months and customer_orders.
func (v Customers) Tables() []Table {
	group := func(name string, rows []GroupRow) Table {
		t := Table{Name: name, Columns: []string{"key", "revenue", "customers", "revenue_per_customer", "share", "growth_base", "growth_delta", "growth_pct", "drill"}}
		for _, x := range rows {
			row := append([]Cell{txt(x.Key), usd(x.Revenue), num(x.Customers), nullUSD(x.RevenuePerCustomer), nullRatio(x.Share)}, changeCells(x.Growth, 2)...)
			t.Rows = append(t.Rows, append(row, filterCell(x.Drill)))
		}
		return t
	}
	top := Table{Name: TableTopCustomers, Columns: []string{"rank", "customer_id", "customer_name", "segment", "industry", "revenue", "share", "orders",
		"lifetime_revenue", "lifetime_orders", "first_order", "last_order", "lifetime_aov", "other", "count", "drill"}}
	for _, x := range v.Top {
		l := x.Lifetime
		if l == nil {
			l = &Lifetime{Revenue: decimal.Zero}
		}
		life := []Cell{usd(l.Revenue), num(l.Orders), dateCell(l.FirstOrder), dateCell(l.LastOrder), nullUSD(l.AOV)}
		if x.Lifetime == nil {
			for i := range life {
				life[i] = Cell{Null: true}
			}
		}
		row := []Cell{num(int64(x.Rank)), num(x.ID), txt(x.Name), txt(x.Segment), txt(x.Industry), usd(x.Revenue), nullRatio(x.Share.Share), num(x.Orders)}
		row = append(row, life...)
		top.Rows = append(top.Rows, append(row, boolCell(x.Other), num(int64(x.Count)), filterCell(x.Drill)))
	}
	nvr := Table{Name: TableNewVsReturning, Columns: []string{"month", "active", "new", "returning", "partial", "drill"}}
	for _, x := range v.NewVsReturning {
		nvr.Rows = append(nvr.Rows, []Cell{dateCell(x.Month), num(x.Active), num(x.New), num(x.Returning), boolCell(x.Partial), filterCell(x.Drill)})
	}
	out := []Table{group(TableSegments, v.Segments), group(TableIndustries, v.Industries), top, nvr}
	if v.Detail != nil {
		out = append(out, v.Detail.tables()...)
	}
	return out
}
