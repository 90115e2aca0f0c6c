package term

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// Reps writes the sales rep view: the reps ranked by revenue against quota
// (the first top of them; 0 lists all) and, when the filter names one rep,
// the rep's months against quota.
func (p *Page) Reps(v dashboard.Reps, top int) error {
	if ok, err := p.begin(v.Meta, "Sales rep leaderboard", len(v.Leaderboard) == 0); !ok {
		return err
	}
	rows := TopReps(v, top).Leaderboard
	rep, revenue, aov := termui.TextColumn("rep"), termui.NumberColumn("revenue"), termui.NumberColumn("AOV")
	rep.Elastic = true
	t := termui.Table{}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{fmt.Sprint(r.Rank), r.Rep.Name, r.Rep.Region, termui.Money(r.Revenue), p.growth(r.Growth),
			termui.Int(r.Orders), money(r.AOV), termui.MoneyCompact(r.Quota), share(r.Attainment)})
		revenue.Short = append(revenue.Short, termui.MoneyCompact(r.Revenue))
		aov.Short = append(aov.Short, compact(r.AOV))
	}
	t.Columns = []termui.Column{termui.NumberColumn("#"), rep, termui.TextColumn("region"), revenue, termui.NumberColumn("growth"),
		termui.NumberColumn("orders"), aov, termui.NumberColumn("quota"), termui.NumberColumn("attained")}
	if len(rows) < len(v.Leaderboard) {
		t.Title = fmt.Sprintf("Top %d of %d reps", len(rows), len(v.Leaderboard))
	}
	p.blank()
	if err := p.table(t); err != nil {
		return err
	}

	if d := v.Detail; d != nil {
		p.title(fmt.Sprintf("%s (%s): months against quota", d.Rep.Name, d.Rep.Region))
		m := termui.Table{Columns: []termui.Column{termui.TextColumn("month"), termui.NumberColumn("revenue"), termui.NumberColumn("orders"),
			termui.NumberColumn("customers"), termui.NumberColumn("quota"), termui.NumberColumn("attained"), termui.TextColumn("")}}
		var revenue []decimal.Decimal
		first, last := d.Months[0].Month, d.Months[len(d.Months)-1].Month
		for _, r := range d.Months {
			m.Rows = append(m.Rows, []string{month(r.Month), termui.Money(r.Month.Revenue), termui.Int(r.Month.Orders),
				termui.Int(r.Customers), termui.Money(r.Quota), share(r.Attainment), p.attained(r.Attainment)})
			revenue = append(revenue, r.Month.Revenue)
		}
		if err := p.table(m); err != nil {
			return err
		}
		p.blank()
		return p.sparks(termui.Sparklines{Lines: []termui.Spark{{Label: "monthly revenue", Values: revenue}},
			From: month(first), To: month(last), Scale: moneyScale})
	}
	p.blank()
	p.hint("a rep's months against quota", ViewReps, v.Leaderboard[0].Drill)
	return nil
}

// attained marks a month at or above quota.
func (p *Page) attained(a decimal.NullDecimal) string {
	if a.Valid && a.Decimal.GreaterThanOrEqual(decimal.NewFromInt(1)) {
		return termui.Paint(p.ui, termui.TonePositive, "✓")
	}
	return ""
}

// TopReps returns v with its leaderboard cut to the first top reps (all for
// 0): what -top shows on the page, and exports alike.
func TopReps(v dashboard.Reps, top int) dashboard.Reps {
	if top > 0 && top < len(v.Leaderboard) {
		v.Leaderboard = v.Leaderboard[:top]
	}
	return v
}
