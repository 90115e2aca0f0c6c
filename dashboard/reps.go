package dashboard

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// RepsOptions tune [Dashboard.Reps].
type RepsOptions struct {
	// Compare is the comparison of each rep's revenue; empty means ComparePrevious.
	Compare Compare
	// Rep, when set, adds that rep's months against quota; when the filter names
	// exactly one rep, that one is detailed.
	Rep int64
}

// Reps is the sales-rep view: a leaderboard and one rep's months against quota.
type Reps struct {
	Meta
	Leaderboard []RepRow   `json:"leaderboard"`
	Detail      *RepDetail `json:"detail,omitempty"`
}

// RepRow is one rep over the period. Quota is the rep's quota for the period:
// each month's quota (a twelfth of the annual one) prorated by the days of the
// month the period covers.
type RepRow struct {
	Rank       int                 `json:"rank"`
	Rep        Rep                 `json:"rep"`
	Revenue    decimal.Decimal     `json:"revenue"`
	Orders     int64               `json:"orders"`
	Customers  int64               `json:"customers"`
	AOV        decimal.NullDecimal `json:"aov"`
	Quota      decimal.Decimal     `json:"quota"`
	Attainment decimal.NullDecimal `json:"attainment"` // revenue / quota, 4 places
	Growth     Change              `json:"growth"`
	Drill      Filter              `json:"drill"`
}

// RepDetail is one rep's months.
type RepDetail struct {
	Rep    Rep        `json:"rep"`
	Months []RepMonth `json:"months"`
}

// RepMonth is one month of a rep against its (prorated) quota.
type RepMonth struct {
	Month      MonthPoint          `json:"month"`
	Customers  int64               `json:"customers"`
	Quota      decimal.Decimal     `json:"quota"`
	Attainment decimal.NullDecimal `json:"attainment"`
}

// The names of the reps view's tables.
const (
	TableLeaderboard = "leaderboard"
	TableRepMonths   = "rep_months"
)

// Reps computes the sales-rep view of f.
func (d *Dashboard) Reps(ctx context.Context, f Filter, o RepsOptions) (Reps, error) {
	return run[Reps](ctx, d, "reps", fmt.Sprint(o.Rep), f, o.Compare, func(e *env, m *Meta) (*Reps, error) {
		v := &Reps{}
		p := m.Period
		cur, src, err := e.aggregate(aggReq{dims: []dim{dimRep}, measures: mRevenue | mOrders | mCustomers, f: f, from: p.From, to: p.To})
		if err != nil {
			return nil, err
		}
		m.source(TableLeaderboard, src)
		base, err := e.baseRevenue(m, f, dimRep)
		if err != nil {
			return nil, err
		}
		for i, r := range sortByRevenue(cur, idLabel) {
			rep := e.cat.Reps[r.ID]
			rep.ID, rep.Name = r.ID, r.Name
			quota := prorated(rep.MonthlyQuota, p.From, p.To)
			row := RepRow{Rank: i + 1, Rep: rep, Revenue: r.Revenue, Orders: r.Orders, Customers: r.Customers,
				AOV: ratio(r.Revenue, decimal.NewFromInt(r.Orders), 2), Quota: quota, Attainment: ratio(r.Revenue, quota, 4), Drill: f.WithRep(r.ID)}
			if base != nil {
				row.Growth = changeOf(r.Revenue, valid(base[r.key()].Revenue))
			}
			v.Leaderboard = append(v.Leaderboard, row)
		}

		id := o.Rep
		if id == 0 && len(f.Reps) == 1 {
			id = f.Reps[0]
		}
		if id != 0 {
			rep, ok := e.cat.Reps[id]
			if !ok {
				return nil, fmt.Errorf("%w: unknown rep %d (valid: ids %s)", ErrInvalidFilter, id, idRange(e.cat.Reps))
			}
			rf := f.WithRep(id)
			months, src, err := e.aggregate(aggReq{dims: []dim{dimRep, dimMonth}, measures: mRevenue | mOrders | mCustomers, f: rf, from: p.From, to: p.To})
			if err != nil {
				return nil, err
			}
			m.source(TableRepMonths, src)
			det := &RepDetail{Rep: rep}
			for _, r := range sortByMonth(months) {
				pt := monthPoints([]aggRow{r}, p, rf, e.cat.bounds())[0]
				from, to := clip(r.Month, p)
				q := prorated(rep.MonthlyQuota, from, to)
				det.Months = append(det.Months, RepMonth{Month: pt, Customers: r.Customers, Quota: q, Attainment: ratio(r.Revenue, q, 4)})
			}
			v.Detail = det
		}
		return v, nil
	})
}

// prorated is a monthly quota over [from, to]: each month's quota times the share
// of its days inside the range, summed, rounded to the cent.
func prorated(monthly decimal.Decimal, from, to time.Time) decimal.Decimal {
	sum := decimal.Zero
	for m := monthStart(from); !m.After(to); m = m.AddDate(0, 1, 0) {
		lo, hi := m, monthEnd(m)
		if lo.Before(from) {
			lo = from
		}
		if hi.After(to) {
			hi = to
		}
		days := int64(hi.Sub(lo)/(24*time.Hour)) + 1
		dim := int64(monthEnd(m).Day())
		if days == dim {
			sum = sum.Add(monthly)
			continue
		}
		sum = sum.Add(monthly.Mul(decimal.NewFromInt(days)).DivRound(decimal.NewFromInt(dim), 12))
	}
	return sum.Round(2)
}
