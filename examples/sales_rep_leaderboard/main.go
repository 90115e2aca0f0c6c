// Command sales_rep_leaderboard ranks the sales reps by revenue with their
// orders, customers, AOV and quota attainment and, for one rep (-rep ID),
// shows the rep's months against quota.
//
//	go run ./examples/sales_rep_leaderboard -from 2025-01-01 -region North -top 10
package main

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/dashcli"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

func main() {
	p := dashcli.New("sales_rep_leaderboard", "the reps ranked by revenue against quota, one rep's months")
	top := p.Flags.Int("top", 15, "reps listed (0 for all)")
	p.Run(func(ctx context.Context, s *dashcli.Session) error {
		v, err := s.Dashboard.Reps(ctx, s.Filter, dashboard.RepsOptions{Compare: s.Compare})
		if err != nil {
			return err
		}
		return s.Show(v, v.Meta, "Sales rep leaderboard", len(v.Leaderboard) == 0, func() error { return render(s, v, *top) })
	})
}

func render(s *dashcli.Session, v dashboard.Reps, top int) error {
	rows := v.Leaderboard
	if top > 0 && top < len(rows) {
		rows = rows[:top]
	}
	t := termui.Table{Columns: []termui.Column{termui.NumberColumn("#"), termui.TextColumn("rep"), termui.TextColumn("region"),
		termui.NumberColumn("revenue"), termui.NumberColumn("growth"), termui.NumberColumn("orders"), termui.NumberColumn("AOV"),
		termui.NumberColumn("quota"), termui.NumberColumn("attained")}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{fmt.Sprint(r.Rank), r.Rep.Name, r.Rep.Region, termui.Money(r.Revenue), s.Growth(r.Growth),
			termui.Int(r.Orders), dashcli.Money(r.AOV), termui.MoneyCompact(r.Quota), dashcli.Share(r.Attainment)})
	}
	if len(rows) < len(v.Leaderboard) {
		t.Title = fmt.Sprintf("Top %d of %d reps", len(rows), len(v.Leaderboard))
	}
	s.Blank()
	if err := s.Render(t); err != nil {
		return err
	}

	if d := v.Detail; d != nil {
		s.Title(fmt.Sprintf("%s (%s): months against quota", d.Rep.Name, d.Rep.Region))
		m := termui.Table{Columns: []termui.Column{termui.TextColumn("month"), termui.NumberColumn("revenue"), termui.NumberColumn("orders"),
			termui.NumberColumn("customers"), termui.NumberColumn("quota"), termui.NumberColumn("attained"), termui.TextColumn("")}}
		var revenue []decimal.Decimal
		for _, r := range d.Months {
			m.Rows = append(m.Rows, []string{dashcli.Month(r.Month), termui.Money(r.Month.Revenue), termui.Int(r.Month.Orders),
				termui.Int(r.Customers), termui.Money(r.Quota), dashcli.Share(r.Attainment), attained(s, r.Attainment)})
			revenue = append(revenue, r.Month.Revenue)
		}
		if err := s.Render(m); err != nil {
			return err
		}
		s.Blank()
		return s.Sparks(termui.Sparklines{Lines: []termui.Spark{{Label: "monthly revenue", Values: revenue}}})
	}
	s.Blank()
	s.Hint("a rep's months against quota", "", v.Leaderboard[0].Drill)
	return nil
}

// attained marks a month at or above quota.
func attained(s *dashcli.Session, a decimal.NullDecimal) string {
	if a.Valid && a.Decimal.GreaterThanOrEqual(decimal.NewFromInt(1)) {
		return termui.Paint(s.UI, termui.TonePositive, "✓")
	}
	return ""
}
