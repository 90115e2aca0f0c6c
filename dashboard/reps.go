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
		board, src, err := e.run(ranked(compared(by(ask(f, p.From, p.To, "revenue", "orders", "customers", "aov"), "rep_id"), m, "revenue"), 0))
		if err != nil {
			return nil, err
		}
		m.source(TableLeaderboard, src)
		quotas, err := e.quotas(f, p, false)
		if err != nil {
			return nil, err
		}
		for i := range board.rows {
			id := board.count(i, "rep_id")
			rep := e.cat.Reps[id]
			rep.ID = id
			row := RepRow{Rank: int(board.count(i, "rank")), Rep: rep, Revenue: board.dec(i, "revenue"), Orders: board.count(i, "orders"),
				Customers: board.count(i, "customers"), AOV: board.null(i, "aov"), Growth: board.change(i, "revenue"), Drill: f.WithRep(id)}
			row.Quota, row.Attainment = quotas.of(id, time.Time{}, row.Revenue)
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
			months, mq, err := e.repMonths(m, rf)
			if err != nil {
				return nil, err
			}
			det := &RepDetail{Rep: rep}
			for i := range months.rows {
				pt := months.monthPoint(i, p, rf, e.cat.bounds())
				q, att := mq.of(id, pt.Month, pt.Revenue)
				det.Months = append(det.Months, RepMonth{Month: pt, Customers: months.count(i, "customers"), Quota: q, Attainment: att})
			}
			v.Detail = det
		}
		return v, nil
	})
}

// repMonths is rep filter rf's revenue, orders and customers by month (by rep
// and month: SALES_BY_REP's key), with its quota and attainment by month. When
// rf restricts only the rep, one request asks for all of them — the quota
// beside the orders' metrics, each at its own table's grain — else the quota
// is a request of its own (see quotas).
func (e *env) repMonths(m *Meta, rf Filter) (table, repQuotas, error) {
	p := m.Period
	r := monthly(by(ask(rf, p.From, p.To, "revenue", "orders", "customers"), "rep_id"))
	whole := !rf.restricts(KeyRep)
	if whole {
		r.Metrics = append(r.Metrics, "quota", "quota_attainment")
	}
	months, src, err := e.run(r)
	if err != nil {
		return table{}, nil, err
	}
	m.source(TableRepMonths, src)
	if !whole {
		mq, err := e.quotas(rf, p, true)
		return months, mq, err
	}
	return months, quotasOf(months, true), nil
}

// repQuotas are reps' quotas (and attainments) by rep and month.
type repQuotas map[repMonth]repQuota

type repMonth struct {
	rep   int64
	month time.Time // zero over the whole period
}

type repQuota struct {
	quota      decimal.Decimal
	attainment decimal.NullDecimal
	asked      bool // attainment came from the request
}

// quotas asks for the reps' quota over p — each month's quota, prorated by the
// days of it p covers — by rep, and by month when byMonth. The quota belongs to
// the rep, whatever else the orders are filtered by: when f restricts only reps,
// the request also gives quota_attainment (revenue / quota); otherwise the
// model refuses to filter a rep's quota by the orders' fields, and the
// attainment is the filtered revenue over the rep's quota ([repQuotas.of]).
func (e *env) quotas(f Filter, p Period, byMonth bool) (repQuotas, error) {
	metrics := []string{"quota"}
	if !f.restricts(KeyRep) {
		metrics = []string{"revenue", "quota", "quota_attainment"}
	}
	r := by(ask(Filter{Reps: f.Reps}, p.From, p.To, metrics...), "rep_id")
	if byMonth {
		r = monthly(r)
	}
	t, _, err := e.run(r)
	if err != nil {
		return nil, err
	}
	return quotasOf(t, byMonth), nil
}

// quotasOf reads the quota (and quota_attainment, when asked) by rep, and by
// month when byMonth, of t.
func quotasOf(t table, byMonth bool) repQuotas {
	out := make(repQuotas, len(t.rows))
	for i := range t.rows {
		k := repMonth{rep: t.count(i, "rep_id")}
		if byMonth {
			k.month = t.month(i, "order_date_month")
		}
		_, asked := t.idx["quota_attainment"]
		out[k] = repQuota{quota: t.dec(i, "quota"), attainment: t.null(i, "quota_attainment"), asked: asked}
	}
	return out
}

// of returns rep's quota in month (zero: the whole period) and the attainment
// of revenue against it, 4 places; null without a quota.
func (q repQuotas) of(rep int64, month time.Time, revenue decimal.Decimal) (decimal.Decimal, decimal.NullDecimal) {
	r, ok := q[repMonth{rep, month}]
	if !ok {
		return decimal.Zero, decimal.NullDecimal{}
	}
	if r.asked {
		return r.quota, r.attainment
	}
	return r.quota, ratio(revenue, r.quota, 4)
}
