package dashboard

import (
	"time"

	"github.com/shopspring/decimal"
)

// Share is one part of a whole: a region, category, product, rep or customer, its
// revenue and its share of the total. A top-N list ends with an Other row holding
// the rest, so its parts sum to the whole.
type Share struct {
	// Rank is the position by revenue, from 1; 0 for Other.
	Rank int `json:"rank"`
	// Key is the part's name (a region, category, segment or industry) or, for
	// products, reps and customers, the id as text; ID is the id.
	Key  string `json:"key"`
	ID   int64  `json:"id,omitempty"`
	Name string `json:"name"`
	// Revenue, and Share of the total as a fraction rounded to 4 places.
	Revenue decimal.Decimal     `json:"revenue"`
	Share   decimal.NullDecimal `json:"share"`
	// Other marks the row of everything outside the top N.
	Other bool `json:"other,omitempty"`
	// Count is how many parts Other holds (0 otherwise).
	Count int `json:"count,omitempty"`
	// Drill is the filter that narrows to this row (for Other, the parent filter).
	Drill Filter `json:"drill"`
}

// MonthPoint is one month of a trend, clipped to the view's period.
type MonthPoint struct {
	Month   time.Time       `json:"month"`
	Revenue decimal.Decimal `json:"revenue"`
	Orders  int64           `json:"orders"`
	Units   int64           `json:"units"`
	// Partial is set when the month is cut by the period or runs past the data.
	Partial bool   `json:"partial"`
	Drill   Filter `json:"drill"`
}

// total sums revenue.
func total(rows []aggRow) decimal.Decimal {
	t := decimal.Zero
	for _, r := range rows {
		t = t.Add(r.Revenue)
	}
	return t
}

// shares ranks rows by revenue (ties by key) and keeps the first n (all when n
// ≤ 0), adding an Other row for the rest when any remain.
func shares(rows []aggRow, n int, label func(aggRow) (key, name string, id int64), drill func(aggRow) Filter, parent Filter) []Share {
	all := total(rows)
	sorted := sortByRevenue(rows, label)
	out := make([]Share, 0, min(len(sorted), max(n, 0))+1)
	rest := decimal.Zero
	restN := 0
	for i, r := range sorted {
		if n > 0 && i >= n {
			rest = rest.Add(r.Revenue)
			restN++
			continue
		}
		key, name, id := label(r)
		out = append(out, Share{Rank: i + 1, Key: key, ID: id, Name: name, Revenue: r.Revenue, Share: ratio(r.Revenue, all, 4), Drill: drill(r)})
	}
	if restN > 0 {
		out = append(out, Share{Key: "Other", Name: "Other", Revenue: rest, Share: ratio(rest, all, 4), Other: true, Count: restN, Drill: parent})
	}
	return out
}

// monthPoints turns month rows into a trend over p.
func monthPoints(rows []aggRow, p Period, f Filter, b bounds) []MonthPoint {
	out := make([]MonthPoint, 0, len(rows))
	for _, r := range sortByMonth(rows) {
		from, to := clip(r.Month, p)
		out = append(out, MonthPoint{
			Month: r.Month, Revenue: r.Revenue, Orders: r.Orders, Units: r.Units,
			Partial: b.period(from, to, false).Partial || !from.Equal(r.Month) || !to.Equal(monthEnd(r.Month)),
			Drill:   f.WithRange(from, to),
		})
	}
	return out
}

// clip returns the days of month m inside p.
func clip(m time.Time, p Period) (time.Time, time.Time) {
	from, to := m, monthEnd(m)
	if from.Before(p.From) {
		from = p.From
	}
	if to.After(p.To) {
		to = p.To
	}
	return from, to
}
