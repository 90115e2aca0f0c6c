package query

import (
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// WindowKind names a window over the time grain.
type WindowKind string

// The windows.
const (
	// Running is the running total from the range's first period.
	Running WindowKind = "running"
	// MovingSum is the sum of the last Periods periods, this one included.
	MovingSum WindowKind = "moving_sum"
	// MovingAvg is that sum divided by the number of periods it spans.
	MovingAvg WindowKind = "moving_avg"
	// ToDate is the total from the start of the ToDate grain's period: month,
	// quarter or year to date.
	ToDate WindowKind = "to_date"
)

// Valid reports whether k is a known window.
func (k WindowKind) Valid() bool {
	return k == Running || k == MovingSum || k == MovingAvg || k == ToDate
}

// MaxPeriods bounds the periods a window or an average per period spans.
const MaxPeriods = 5000

// Window is a figure over the request's time grain, per group of its other
// dimensions: revenue's running total by month is Window{Metric: "revenue",
// Kind: Running} over a request by month with a date range.
//
// The range's periods are generated, so a period without rows is present with
// a metric of 0 and counts in every window; periods starting after the clock's
// today are not generated. A moving window at the range's start spans the
// periods there are (a 3-month average of the first month is that month).
// Only sums and counts have windows: a running total of a ratio or of a
// distinct count is not the ratio or count of the periods together, and is
// refused with an [InexactError].
type Window struct {
	// Metric is the metric, as the request names it.
	Metric string
	Kind   WindowKind
	// Periods is the number of periods of a moving window.
	Periods int
	// ToDate is the period of a to-date window: ByWeek, ByMonth, ByQuarter or
	// ByYear; it must hold whole periods of the request's grain.
	ToDate Grain
	// As names the column; empty means <metric>_running,
	// <metric>_moving_sum_<n>, <metric>_moving_avg_<n> or <metric>_ytd (qtd,
	// mtd, wtd).
	As string
}

// name returns the window's column name over metric column m.
func (w Window) name(m string) string {
	if w.As != "" {
		return w.As
	}
	switch w.Kind {
	case MovingSum, MovingAvg:
		return m + "_" + string(w.Kind) + "_" + strconv.Itoa(w.Periods)
	case ToDate:
		return m + "_" + string(w.ToDate[0]) + "td"
	}
	return m + "_running"
}

// fill writes the range's periods ("s") and the groups of g at every one of
// them ("f"), metrics of periods without rows 0 (sums and counts) or NULL.
func (c *Compiler) fill(s *stmt, req Request, g rel) (rel, error) {
	if req.Time == nil || req.Dates == nil {
		return rel{}, invalid("windows need a time grain (Time) and a date range (Dates), whose periods they run over")
	}
	ti := -1
	for i, col := range g.cols {
		if col.Role == RoleTime {
			ti = i
		}
	}
	if ti < 0 || g.cols[ti].Kind != KindDate {
		return rel{}, invalid("windows need a time grain over a date, not a year number")
	}
	periods, err := c.periods(*req.Dates, req.Time.Grain)
	if err != nil {
		return rel{}, err
	}
	spine := make([]string, len(periods))
	args := make([]any, len(periods))
	for i, p := range periods {
		spine[i], args[i] = "SELECT "+c.phDate+` AS "p"`, p
	}
	s.with("s", strings.Join(spine, " UNION ALL "), args...)

	var items, keys, on []string
	for i, col := range g.cols {
		ref := "x." + col.quoted
		switch {
		case i == ti:
			items = append(items, `s."p" AS `+col.quoted)
			on = append(on, ref+` = s."p"`)
		case col.Role == RoleDimension:
			items = append(items, "k."+col.quoted)
			keys = append(keys, col.quoted)
			on = append(on, ref+" IS NOT DISTINCT FROM k."+col.quoted)
		default:
			f, _ := c.model.Lookup(col.Field, semantic.KindMetric)
			if c.additivityOf(f) != nonAdditive {
				ref = c.castTo("COALESCE("+ref+", 0)", typOf(col))
			}
			items = append(items, ref+" AS "+col.quoted)
		}
	}
	from := `"s" AS s`
	if len(keys) > 0 {
		from += " CROSS JOIN (SELECT DISTINCT " + strings.Join(keys, ", ") + ` FROM "g") AS k`
	}
	s.with("f", "SELECT "+strings.Join(items, ", ")+" FROM "+from+` LEFT JOIN "g" AS x ON `+strings.Join(on, " AND "))
	return rel{name: "f", cols: g.cols, fields: g.fields}, nil
}

// periods lists the first day of every grain period of the range that starts
// by the clock's today.
func (c *Compiler) periods(df DateFilter, g Grain) ([]time.Time, error) {
	from, to, err := df.Range.Resolve(c.now())
	if err != nil {
		return nil, invalid("date range: %v", err)
	}
	if today := day(c.now()); to.After(today) {
		to = today
	}
	var out []time.Time
	for p := truncDay(from, g); !p.After(to); p = nextPeriod(p, g) {
		if len(out) == MaxPeriods {
			return nil, invalid("the range has more than %d %s periods", MaxPeriods, g)
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, invalid("the date range starts after today: it has no period yet")
	}
	return out, nil
}

// truncDay truncates a day to the first day of its grain period (weeks start
// on Monday, as on both engines).
func truncDay(t time.Time, g Grain) time.Time {
	switch g {
	case dialect.Week:
		return monday(t)
	case dialect.Month:
		return firstOfMonth(t)
	case dialect.Quarter:
		return firstOfQuarter(t)
	case dialect.Year:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return day(t)
}

// nextPeriod returns the first day of the period after the one starting at p.
func nextPeriod(p time.Time, g Grain) time.Time {
	switch g {
	case dialect.Week:
		return p.AddDate(0, 0, 7)
	case dialect.Month:
		return p.AddDate(0, 1, 0)
	case dialect.Quarter:
		return p.AddDate(0, 3, 0)
	case dialect.Year:
		return p.AddDate(1, 0, 0)
	}
	return p.AddDate(0, 0, 1)
}

// nests reports whether every period of grain fine lies in one period of
// coarse.
func nests(fine, coarse Grain) bool {
	switch fine {
	case dialect.Day:
		return true
	case dialect.Week:
		return coarse == dialect.Week
	case dialect.Month:
		return coarse == dialect.Month || coarse == dialect.Quarter || coarse == dialect.Year
	case dialect.Quarter:
		return coarse == dialect.Quarter || coarse == dialect.Year
	}
	return coarse == dialect.Year
}

// windowItems adds each window's column to w.
func (c *Compiler) windowItems(req Request, g rel, w *stage2) error {
	var part []string
	var t string
	for i, col := range g.cols {
		switch col.Role {
		case RoleDimension:
			part = append(part, g.col("x", i))
		case RoleTime:
			t = g.col("x", i)
		}
	}
	for _, win := range req.Windows {
		mi, f, err := c.metricCol(g.cols, win.Metric, "window")
		if err != nil {
			return err
		}
		m := g.cols[mi]
		if !win.Kind.Valid() {
			return invalid("window on %s: unknown kind %q (valid: running, moving_sum, moving_avg, to_date)", m.Name, win.Kind)
		}
		if c.additivityOf(f) != additive {
			return &InexactError{Layer: "window", Metric: m.Name, Reason: "its periods do not sum to the window's figure (only sums and counts do)"}
		}
		ref, wpart, frame := g.col("x", mi), part, "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
		switch win.Kind {
		case MovingSum, MovingAvg:
			if win.Periods < 1 || win.Periods > MaxPeriods {
				return invalid("window on %s: a moving window needs 1 to %d periods, not %d", m.Name, MaxPeriods, win.Periods)
			}
			frame = "ROWS BETWEEN " + strconv.Itoa(win.Periods-1) + " PRECEDING AND CURRENT ROW"
		case ToDate:
			if !win.ToDate.Valid() || win.ToDate == dialect.Day || !nests(req.Time.Grain, win.ToDate) {
				return invalid("window on %s: to-date %q must be a week, month, quarter or year holding whole %s periods", m.Name, win.ToDate, req.Time.Grain)
			}
			wpart = append(append([]string(nil), part...), c.d.DateTrunc(win.ToDate, t))
		}
		sum := "SUM(" + ref + ")" + over(wpart, []string{t + " ASC"}, frame)
		expr, wt := c.castTo(sum, typOf(m)), typOf(m)
		if win.Kind == MovingAvg {
			wt = typ{kind: KindDecimal, scale: divisionScale(typOf(m))}
			expr = c.d.DivRound(sum, "COUNT(*)"+over(wpart, []string{t + " ASC"}, frame), m.Scale, 0, wt.scale)
		}
		col := c.layerCol(win.name(m.Name), wt, m.Field, RoleWindow)
		if _, taken := findColumn(w.cols, col.Name); taken {
			return invalid("window on %s: a column is already called %q; name it with As", m.Name, col.Name)
		}
		w.items = append(w.items, expr+" AS "+col.quoted)
		w.cols = append(w.cols, col)
	}
	return nil
}
