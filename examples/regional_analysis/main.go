// Command regional_analysis compares the sales regions — revenue, share,
// growth, orders, customers, AOV — shows each region's monthly trend and, for
// one region (-region North), its top reps and categories.
//
//	go run ./examples/regional_analysis -from 2025-01-01 -region West -top 5
package main

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/dashcli"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

func main() {
	p := dashcli.New("regional_analysis", "regions compared, their monthly trends, one region's top reps and categories")
	top := p.Flags.Int("top", 5, "reps and categories listed for one region")
	p.Run(func(ctx context.Context, s *dashcli.Session) error {
		v, err := s.Dashboard.Regional(ctx, s.Filter, dashboard.RegionalOptions{Compare: s.Compare, TopN: *top})
		if err != nil {
			return err
		}
		return s.Show(v, v.Meta, "Regional analysis", len(v.Regions) == 0, func() error { return render(s, v) })
	})
}

func render(s *dashcli.Session, v dashboard.Regional) error {
	t := termui.Table{Columns: []termui.Column{termui.TextColumn("region"), termui.NumberColumn("revenue"), termui.NumberColumn("share"),
		termui.NumberColumn("growth"), termui.NumberColumn("orders"), termui.NumberColumn("customers"), termui.NumberColumn("AOV")}}
	for _, r := range v.Regions {
		t.Rows = append(t.Rows, []string{r.Region, termui.Money(r.Revenue), dashcli.Share(r.Share), s.Growth(r.Growth),
			termui.Int(r.Orders), termui.Int(r.Customers), dashcli.Money(r.AOV)})
	}
	s.Blank()
	if err := s.Render(t); err != nil {
		return err
	}

	s.Title("Monthly revenue by region")
	var lines []termui.Spark
	for _, r := range v.Regions {
		var months []decimal.Decimal
		for _, m := range v.Trend {
			if m.Region == r.Region {
				months = append(months, m.Month.Revenue)
			}
		}
		lines = append(lines, termui.Spark{Label: r.Region, Values: months, Text: termui.MoneyCompact(r.Revenue)})
	}
	if err := s.Sparks(termui.Sparklines{Lines: lines}); err != nil {
		return err
	}

	if d := v.Detail; d != nil {
		s.Title(d.Region + ": top reps and categories")
		if err := s.Render(dashcli.ShareTable("", "rep", d.Reps)); err != nil {
			return err
		}
		s.Blank()
		if err := s.Render(dashcli.ShareTable("", "category", d.Categories)); err != nil {
			return err
		}
		s.Blank()
		s.Hint("the top rep's months", "sales_rep_leaderboard", d.Reps[0].Drill)
		return nil
	}
	s.Blank()
	s.Hint("a region's reps and categories", "", v.Regions[0].Drill)
	return nil
}
