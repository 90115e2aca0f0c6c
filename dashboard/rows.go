package dashboard

import (
	"time"

	"github.com/shopspring/decimal"
)

// Share is one part of a whole: a region, category, product, rep or customer, its
// revenue and its share of the total. A top-N list ends with an Other row holding
// the rest, so its parts sum to the whole, when the rest is at least four parts
// (fewer are listed); a bottom-N list has none (the rest would be the whole).
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

// monthPoint is row i of a monthly table (revenue, orders and units by
// order_date_month) as a point of a trend over p, drilling to f in that month.
func (t table) monthPoint(i int, p Period, f Filter, b bounds) MonthPoint {
	m := t.month(i, "order_date_month")
	from, to := clip(m, p)
	return MonthPoint{
		Month: m, Revenue: t.dec(i, "revenue"), Orders: t.count(i, "orders"), Units: t.count(i, "units_sold"),
		Partial: partialMonth(m, p, b), Drill: f.WithRange(from, to),
	}
}

// partialMonth reports whether month m is cut by p or runs past the data.
func partialMonth(m time.Time, p Period, b bounds) bool {
	from, to := clip(m, p)
	return b.period(from, to, false).Partial || !from.Equal(m) || !to.Equal(monthEnd(m))
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

// partsOf is how many parts a ranked list stands for: its rows and those its
// Other row holds.
func partsOf(list []Share) int {
	n := 0
	for _, s := range list {
		if s.Other {
			n += s.Count
		} else {
			n++
		}
	}
	return n
}
