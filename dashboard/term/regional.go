package term

import (
	"github.com/shopspring/decimal"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// Regional writes the regional view: the regions compared, their monthly
// revenue and, when the filter names one region, its top reps and categories.
func (p *Page) Regional(v dashboard.Regional) error {
	if ok, err := p.begin(v.Meta, "Regional analysis", len(v.Regions) == 0); !ok {
		return err
	}
	t := termui.Table{Columns: []termui.Column{termui.TextColumn("region"), termui.NumberColumn("revenue"), termui.NumberColumn("share"),
		termui.NumberColumn("growth"), termui.NumberColumn("orders"), termui.NumberColumn("customers"), termui.NumberColumn("AOV")}}
	for _, r := range v.Regions {
		t.Rows = append(t.Rows, []string{r.Region, termui.Money(r.Revenue), share(r.Share), p.growth(r.Growth),
			termui.Int(r.Orders), termui.Int(r.Customers), money(r.AOV)})
	}
	p.blank()
	if err := p.table(t); err != nil {
		return err
	}

	p.title("Monthly revenue by region")
	var lines []termui.Spark
	var first, last string
	for _, m := range v.Trend {
		if first == "" {
			first = month(m.Month)
		}
		last = month(m.Month)
	}
	for _, r := range v.Regions {
		var months []decimal.Decimal
		for _, m := range v.Trend {
			if m.Region == r.Region {
				months = append(months, m.Month.Revenue)
			}
		}
		lines = append(lines, termui.Spark{Label: r.Region, Values: months, Text: termui.MoneyCompact(r.Revenue)})
	}
	if err := p.sparks(termui.Sparklines{Lines: lines, From: first, To: last, Scale: moneyScale}); err != nil {
		return err
	}

	if d := v.Detail; d != nil {
		p.title(d.Region + ": top reps and categories")
		if err := p.table(shareTable("", "rep", d.Reps)); err != nil {
			return err
		}
		p.blank()
		if err := p.table(shareTable("", "category", d.Categories)); err != nil {
			return err
		}
		p.blank()
		p.hint("the top rep's months", ViewReps, d.Reps[0].Drill)
		return nil
	}
	p.blank()
	p.hint("a region's reps and categories", ViewRegional, v.Regions[0].Drill)
	return nil
}
