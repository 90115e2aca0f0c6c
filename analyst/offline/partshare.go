package offline

import (
	"slices"
	"strings"

	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// A share of a part: "what percentage of 2025 orders were placed online",
// "what share of revenue came from the West", "what % of orders were
// discounted". The question names a measure, a share word and a part (values,
// a named filter or a yes/no dimension) but no groups to share it out over:
// the part's figure is set against the whole's (query.PartShare), never the
// whole alone, and never the part alone at 100%.

// partSpec is the part a share of a part keeps.
type partSpec struct {
	filters []valueFilter
	named   []string
	flags   []string       // yes/no dimensions that must be true ("discounted")
	amounts []amountFilter // orders over or under an amount
}

func (p *partSpec) clone() *partSpec {
	if p == nil {
		return nil
	}
	return &partSpec{filters: slices.Clone(p.filters), named: slices.Clone(p.named), flags: slices.Clone(p.flags), amounts: slices.Clone(p.amounts)}
}

// shareMark is where, in a question, a filter was read: a filter between the
// share word and the measure ("what percentage of Enterprise orders were
// online") says what the whole is; the others pick the part.
type shareMark struct {
	pos   int
	dim   string // a value's dimension, or "" for a named filter
	value string
	named string
}

// sharePart turns a share with no groups into a share of a part: the filters
// read outside the whole's words become the part. It reports false when
// there is no part (a share of the whole is then refused by the caller).
func (r *Resolver) sharePart(in *intent, marks []shareMark, shareAt, metricAt int) bool {
	var flags, other []string
	for _, d := range in.dims {
		if r.isFlag(d) {
			flags = append(flags, d)
		} else {
			other = append(other, d)
		}
	}
	if len(in.metrics) != 1 {
		return false
	}
	if len(other) > 0 {
		// "the share of orders under $50 by channel": each channel's orders
		// under $50 against all its orders; a value with groups is a group's
		// share of the total (query's Shares)
		if len(flags) > 0 {
			return false
		}
		p := &partSpec{amounts: in.amounts}
		if shareAt >= 0 && shareAt < metricAt {
			// "what share of orders were returned, by channel", "what
			// percentage of each channel's orders were returned": each
			// group's returned orders against all its orders
			for _, m := range marks {
				for i := range in.filters {
					f := &in.filters[i]
					if m.pos > metricAt && m.dim != "" && f.dim == m.dim && !slices.Contains(in.dims, f.dim) && slices.Contains(f.values, m.value) {
						addPart(p, f.dim, m.value, f.not)
						f.values = slices.DeleteFunc(f.values, func(v string) bool { return v == m.value })
					}
				}
			}
			in.filters = slices.DeleteFunc(in.filters, func(f valueFilter) bool { return len(f.values) == 0 })
		}
		if len(p.amounts) == 0 && len(p.filters) == 0 {
			return false
		}
		in.part, in.amounts = p, nil
		return true
	}
	if fc, ok := r.filteredCount[in.metrics[0]]; ok {
		in.metrics = []string{fc.of} // "percentage of discounted orders"
		flags = appendNew(flags, fc.flag)
	}
	base := func(m shareMark) bool { return shareAt >= 0 && m.pos > shareAt && m.pos <= metricAt }
	p := &partSpec{flags: flags}
	var inPart []shareMark
	for _, m := range marks {
		if !base(m) {
			inPart = append(inPart, m)
		}
	}
	if len(inPart) == 0 && len(flags) == 0 {
		inPart = marks // "what share of West revenue": the West is the part
	}
	if len(inPart) == 0 && len(flags) == 0 && len(in.amounts) > 0 {
		p.amounts, in.amounts = in.amounts, nil // "what share of orders were over $1,000"
	}
	if len(inPart) == 0 && len(flags) == 0 && len(p.amounts) == 0 {
		return false
	}
	for _, m := range inPart {
		if m.named != "" {
			p.named = appendNew(p.named, m.named)
			in.named = slices.DeleteFunc(in.named, func(n string) bool { return n == m.named })
			continue
		}
		for i := range in.filters {
			f := &in.filters[i]
			if f.dim != m.dim || !slices.Contains(f.values, m.value) {
				continue
			}
			addPart(p, f.dim, m.value, f.not)
			f.values = slices.DeleteFunc(f.values, func(v string) bool { return v == m.value })
		}
	}
	in.filters = slices.DeleteFunc(in.filters, func(f valueFilter) bool { return len(f.values) == 0 })
	in.dims = nil // the yes/no dimensions are the part
	in.part = p
	return true
}

// filteredCount is a metric that counts a part of what another counts:
// COUNT(DISTINCT CASE WHEN is_discounted THEN order_id END) is the orders
// that are discounted.
type filteredCount struct{ of, flag string }

// filteredCounts finds the metrics that count the rows of a yes/no dimension
// among what another metric counts.
func filteredCounts(m *semantic.Model, exprs map[string]string) map[string]filteredCount {
	out := map[string]filteredCount{}
	for expr, mt := range exprs {
		rest, ok := strings.CutPrefix(expr, "count ( distinct case when ")
		if !ok {
			continue
		}
		body, ok := strings.CutSuffix(rest, " end )")
		if !ok {
			continue
		}
		cond, col, ok := strings.Cut(body, " then ")
		base, okBase := exprs["count ( distinct "+col+" )"]
		f, err := m.Lookup(cond, semantic.KindDimension)
		if ok && okBase && err == nil && f.DataType.Family() == semantic.FamilyBoolean {
			out[mt] = filteredCount{of: base, flag: f.Name}
		}
	}
	return out
}

func addPart(p *partSpec, dim, value string, not bool) {
	for i := range p.filters {
		if p.filters[i].dim == dim && p.filters[i].not == not {
			p.filters[i].values = appendNew(p.filters[i].values, value)
			return
		}
	}
	p.filters = append(p.filters, valueFilter{dim: dim, values: []string{value}, not: not})
}

// isFlag reports whether dim is a yes/no dimension ("is discounted").
func (r *Resolver) isFlag(dim string) bool {
	f, err := r.model.Lookup(dim, semantic.KindDimension)
	return err == nil && f.DataType.Family() == semantic.FamilyBoolean
}

// partShare is the query layer of the intent's part, or nil.
func (in *intent) partShare() *query.PartShare {
	if in.part == nil {
		return nil
	}
	where := whereOf(in.part.filters)
	for _, f := range in.part.flags {
		where = append(where, query.Eq(f, true))
	}
	for _, a := range in.part.amounts {
		where = append(where, a.filter())
	}
	return &query.PartShare{Metric: in.metrics[0], Where: allOf(where), Filters: slices.Clone(in.part.named)}
}

// partWords say the part: "for channel Online", "(online orders)", "is discounted".
func (p *partSpec) words() string {
	var s string
	for _, f := range p.filters {
		if f.not {
			s += " excluding " + label(f.dim) + " " + joinOr(f.values)
		} else {
			s += " for " + label(f.dim) + " " + joinOr(f.values)
		}
	}
	for _, n := range p.named {
		s += " (" + spoken(n) + ")"
	}
	for _, f := range p.flags {
		s += " that " + spoken(f)
	}
	for _, a := range p.amounts {
		s += " of orders " + a.String()
	}
	return s
}
