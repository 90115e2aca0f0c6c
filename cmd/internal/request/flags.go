package request

import (
	"flag"
	"fmt"
	"strings"
)

// Flags hold a request given on the command line.
type Flags struct {
	req           Request
	where, having []string
}

// Register defines the request's flags on fs: -metrics, -by, -grain,
// -time-dimension, -from, -to, -period, -last-days, -where, -having, -filter,
// -order, -top, -per, -limit and -compare.
func (f *Flags) Register(fs *flag.FlagSet) {
	r := &f.req
	fs.Func("metrics", "metrics to compute, comma-separated: revenue,aov", list(&r.Metrics))
	fs.Func("by", "dimensions to group by, comma-separated: region,segment", list(&r.By))
	fs.StringVar(&r.Grain, "grain", "", "group by the date at this grain: day, week, month, quarter or year")
	fs.StringVar(&r.TimeDimension, "time-dimension", "", "the time dimension of -grain and the dates (default order_date)")
	fs.StringVar(&r.From, "from", "", "first day included, YYYY-MM-DD")
	fs.StringVar(&r.To, "to", "", "last day included, YYYY-MM-DD")
	fs.StringVar(&r.Period, "period", "", "a relative range: "+PeriodNames)
	fs.IntVar(&r.LastDays, "last-days", 0, "the N days ending yesterday")
	fs.Func("where", "a condition on rows, repeatable (ANDed): segment=SMB, region=North,West, net_amount>=1000, status!=Cancelled", appendTo(&f.where))
	fs.Func("having", "a condition on metrics, repeatable: revenue>1000000", appendTo(&f.having))
	fs.Func("filter", "the model's named filters, comma-separated", list(&r.Filters))
	fs.Func("order", "sort fields, comma-separated; a leading - sorts descending: -revenue,region", f.order)
	fs.IntVar(&r.Top, "top", 0, "the N rows with the largest first metric")
	fs.Func("per", "with -top: the top N within each group of these dimensions, comma-separated: region", list(&r.Per))
	fs.IntVar(&r.Limit, "limit", 0, "at most N rows")
	fs.StringVar(&r.Compare, "compare", "", "previous or year: add each metric's base, delta and delta % against the previous period or a year earlier")
}

// Request returns the request the flags give, with the problems of -where and
// -having (all at once).
func (f *Flags) Request() (Request, error) {
	r := f.req
	r.fromFlags = true
	ps := problems{flags: true}
	r.Where = parseConditions(&ps, "where", f.where)
	r.Having = parseConditions(&ps, "having", f.having)
	return r, ps.err()
}

// flagOf names each request key's flag, as Register defines it.
var flagOf = map[string]string{
	"metrics": "metrics", "by": "by", "grain": "grain", "time_dimension": "time-dimension",
	"from": "from", "to": "to", "period": "period", "last_days": "last-days",
	"where": "where", "having": "having", "filters": "filter", "order_by": "order",
	"top": "top", "per": "per", "limit": "limit", "compare": "compare",
}

// Set reports whether any request flag was given.
func (f *Flags) Set() bool {
	r := f.req
	return len(r.Metrics)+len(r.By)+len(r.Filters)+len(r.OrderBy)+len(f.where)+len(f.having) > 0 ||
		r.Grain != "" || r.From != "" || r.To != "" || r.Period != "" || r.LastDays != 0 || r.Top != 0 || r.Limit != 0 || r.Compare != "" || len(r.Per) > 0
}

func (f *Flags) order(s string) error {
	for _, x := range split(s) {
		o := Order{Field: strings.TrimPrefix(x, "-"), Desc: strings.HasPrefix(x, "-")}
		f.req.OrderBy = append(f.req.OrderBy, o)
	}
	return nil
}

func list(dst *[]string) func(string) error {
	return func(s string) error {
		*dst = append(*dst, split(s)...)
		return nil
	}
}

func appendTo(dst *[]string) func(string) error {
	return func(s string) error {
		*dst = append(*dst, s)
		return nil
	}
}

func split(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// flagOps are the operators of a -where condition, longest first so that >=
// is not read as >.
var flagOps = []string{"!=", "<>", ">=", "<=", "=", ">", "<", "~"}

// parseConditions reads "field OP value[,value…]" conditions. = with several
// values is IN, != with several NOT IN; ~ is LIKE.
func parseConditions(ps *problems, key string, in []string) []Condition {
	var out []Condition
	for i, s := range in {
		at := fmt.Sprintf("%s[%d]", key, i)
		field, op, rest, ok := cut(s)
		if !ok {
			ps.add(at, "%q is not field=value (or !=, <, <=, >, >=, ~ for like)", clip(s))
			continue
		}
		var vals []Value
		for _, v := range split(rest) {
			vals = append(vals, String(v))
		}
		if len(vals) == 0 {
			ps.add(at, "%q has no value", clip(s))
			continue
		}
		switch {
		case op == "~":
			op = "like"
		case (op == "=") && len(vals) > 1:
			op = "in"
		case (op == "!=" || op == "<>") && len(vals) > 1:
			op = "not in"
		}
		out = append(out, Condition{Comparison: Comparison{Field: field, Op: op, Values: vals}})
	}
	return out
}

// cut splits "field OP rest" at the first operator.
func cut(s string) (field, op, rest string, ok bool) {
	best := -1
	for _, o := range flagOps {
		if i := strings.Index(s, o); i > 0 && (best < 0 || i < best || (i == best && len(o) > len(op))) {
			best, op = i, o
		}
	}
	if best < 0 {
		return "", "", "", false
	}
	return strings.TrimSpace(s[:best]), op, s[best+len(op):], strings.TrimSpace(s[:best]) != ""
}
