package request

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Bounds on a request, so one built by an agent or read from a file is refused
// quickly instead of exhausting memory or time.
const (
	// MaxBytes is the largest JSON request Parse reads.
	MaxBytes = 256 << 10
	// MaxRows is the most rows a request may ask for (top or limit), and the
	// most the tool returns.
	MaxRows = 10_000
	// MaxNames is the most names in one list (metrics, by, filters, order_by).
	MaxNames = 64
	// MaxConditions is the most comparisons in where or having, counting those
	// inside any.
	MaxConditions = 256
	// MaxValues is the most values of one comparison.
	MaxValues = 1_000
	// MaxText is the longest name or value, in bytes.
	MaxText = 1_024
)

// ErrInvalid is matched (errors.Is) by every error Query returns for a request
// it refuses.
var ErrInvalid = errors.New("invalid request")

// Grains are the grain names a request takes.
var grains = map[string]query.Grain{"day": query.ByDay, "week": query.ByWeek, "month": query.ByMonth, "quarter": query.ByQuarter, "year": query.ByYear}

// compares are the comparisons a request names, and the query package's.
var compares = map[string]query.CompareTo{"previous": query.ComparePrevious, "year": query.CompareYearAgo}

// problems collects every problem of a request, each naming its key: the
// JSON key, or the flag when the request came from flags (-top, not top).
type problems struct {
	list  []string
	flags bool
}

func (p *problems) add(key, format string, args ...any) {
	p.list = append(p.list, p.key(key)+": "+fmt.Sprintf(format, args...))
}

// key names a request key (top, order_by[2].field) as the user gave it.
func (p *problems) key(key string) string {
	if !p.flags {
		return key
	}
	head := key
	if i := strings.IndexAny(key, "[."); i >= 0 {
		head = key[:i]
	}
	if f, ok := flagOf[head]; ok {
		return "-" + f + key[len(head):]
	}
	return key
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrInvalid, strings.Join(p.list, "; "))
}

// Query checks r and turns it into a query.Request over m, reporting every
// problem at once, each naming its key. Names are checked by the query compiler,
// which lists the valid ones; Query checks shapes, sizes and values.
func (r Request) Query(m *semantic.Model) (query.Request, error) {
	ps := problems{flags: r.fromFlags}
	q := query.Request{Metrics: r.Metrics, Dimensions: r.By, Filters: r.Filters, Limit: r.Limit}
	for key, list := range map[string][]string{"metrics": r.Metrics, "by": r.By, "filters": r.Filters} {
		ps.names(key, list)
	}
	if len(r.Metrics) == 0 {
		ps.add("metrics", "name at least one metric")
	}
	td := r.timeDimension(m)
	if r.Grain != "" {
		g, ok := grains[strings.ToLower(r.Grain)]
		if !ok {
			ps.add("grain", "%q is not day, week, month, quarter or year", clip(r.Grain))
		}
		q.Time = &query.TimeGrain{Dimension: td, Grain: g}
	}
	if dr, ok := r.dates(&ps); ok {
		q.Dates = &query.DateFilter{Dimension: r.TimeDimension, Range: dr}
	}
	q.Where = conditions(&ps, "where", r.Where, m)
	q.Having = conditions(&ps, "having", r.Having, m)
	if len(r.OrderBy) > MaxNames {
		ps.add("order_by", "%d fields, more than %d", len(r.OrderBy), MaxNames)
	}
	for i, o := range r.OrderBy {
		if o.Field == "" || len(o.Field) > MaxText {
			ps.add(fmt.Sprintf("order_by[%d].field", i), "a field name of 1 to %d bytes", MaxText)
		}
		q.OrderBy = append(q.OrderBy, query.Order{Field: o.Field, Desc: o.Desc})
	}
	r.top(&ps, &q)
	if r.Compare != "" {
		to, ok := compares[strings.ToLower(r.Compare)]
		switch {
		case !ok:
			ps.add("compare", "%q is not previous or year", clip(r.Compare))
		case q.Dates == nil:
			ps.add("compare", "a comparison needs a date range (%s)", ps.rangeKeys("or"))
		default:
			q.Compare = &query.Compare{To: to}
		}
	}
	return q, ps.err()
}

// rangeKeys lists the ways to give a date range: from/to, period or last_days.
func (p *problems) rangeKeys(or string) string {
	return fmt.Sprintf("%s/%s, %s %s %s", p.key("from"), p.key("to"), p.key("period"), or, p.key("last_days"))
}

func (p *problems) names(key string, list []string) {
	if len(list) > MaxNames {
		p.add(key, "%d names, more than %d", len(list), MaxNames)
		return
	}
	for i, n := range list {
		if strings.TrimSpace(n) == "" || len(n) > MaxText {
			p.add(fmt.Sprintf("%s[%d]", key, i), "a name of 1 to %d bytes", MaxText)
		}
	}
}

// timeDimension is the request's time dimension, or the model's first.
func (r Request) timeDimension(m *semantic.Model) string {
	if r.TimeDimension != "" {
		return r.TimeDimension
	}
	for _, f := range m.Fields() {
		if f.Kind == semantic.KindTimeDimension {
			return f.Name
		}
	}
	return ""
}

// dates reads from/to, period or last_days: at most one of them.
func (r Request) dates(ps *problems) (query.DateRange, bool) {
	n := 0
	for _, set := range []bool{r.From != "" || r.To != "", r.Period != "", r.LastDays != 0} {
		if set {
			n++
		}
	}
	switch {
	case n == 0:
		return query.DateRange{}, false
	case n > 1:
		ps.add("from", "give %s, not several", ps.rangeKeys("or"))
		return query.DateRange{}, false
	case r.Period != "":
		rel := ParsePeriod(r.Period)
		if !rel.Valid() || rel == query.LastDays {
			ps.add("period", "%q is not a relative range (%s)", clip(r.Period), PeriodNames)
		}
		return query.Last(rel), true
	case r.LastDays != 0:
		if r.LastDays < 0 || r.LastDays > 100*366 {
			ps.add("last_days", "%d is not between 1 and %d", r.LastDays, 100*366)
		}
		return query.LastNDays(r.LastDays), true
	}
	from, ok1 := date(ps, "from", r.From)
	to, ok2 := date(ps, "to", r.To)
	if ok1 && ok2 && from.After(to) {
		ps.add("from", "%s is after %s %s", r.From, ps.key("to"), r.To)
	}
	return query.Dates(from, to), ok1 && ok2
}

func date(ps *problems, key, s string) (time.Time, bool) {
	if s == "" {
		ps.add(key, "missing: %s and %s go together", ps.key("from"), ps.key("to"))
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		ps.add(key, "%q is not a date YYYY-MM-DD", clip(s))
		return t, false
	}
	return t, true
}

// top orders by the first metric descending and limits the rows; limit and top
// are at most MaxRows.
func (r Request) top(ps *problems, q *query.Request) {
	for key, n := range map[string]int{"top": r.Top, "limit": r.Limit} {
		if n < 0 || n > MaxRows {
			ps.add(key, "%d is not between 1 and %d", n, MaxRows)
		}
	}
	if r.Top == 0 {
		return
	}
	if r.Limit != 0 {
		ps.add("top", "give %s or %s, not both", ps.key("top"), ps.key("limit"))
	}
	if len(r.Per) > 0 {
		// the top N of each group: a rank within the groups, not one list
		ps.names("per", r.Per)
		by := ""
		if len(r.Metrics) > 0 {
			by = r.Metrics[0]
		}
		q.Rank = &query.Rank{By: by, Within: r.Per, Top: r.Top}
		q.Dimensions = append(q.Dimensions, r.Per...)
		return
	}
	q.Limit = r.Top
	if len(r.OrderBy) == 0 && len(r.Metrics) > 0 {
		q.OrderBy = []query.Order{query.Desc(r.Metrics[0])}
	}
}

// clip shortens a value quoted in an error.
func clip(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}
