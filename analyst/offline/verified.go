package offline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// verified is a verified query of the model read as a typed request: its SQL is
// translated once, when the analyst is made, and never run as text.
type verified struct {
	name, question string
	key            string // the question's canonical reading
	req            query.Request
	in             *intent
}

// translate reads a verified query's SQL — SELECT over __table with dimensions
// and aggregates, an optional relative date condition, GROUP BY, ORDER BY and
// LIMIT — into a request. SQL of any other shape is an error: that verified query
// is not used (the grammar still answers its question).
func translate(m *semantic.Model, sql string, metricOf map[string]string) (query.Request, *intent, error) {
	toks, err := sqlparse.Lex(sql, sqlparse.Options{Dialect: dialect.Snowflake})
	if err != nil {
		return query.Request{}, nil, err
	}
	clauses := map[string][]sqlparse.Token{}
	cur, depth := "", 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == sqlparse.Punct {
			switch t.Text {
			case "(":
				depth++
			case ")":
				depth--
			}
		}
		if depth == 0 && t.Kind == sqlparse.Ident && !t.Quoted {
			switch t.Text {
			case "SELECT", "FROM", "WHERE", "LIMIT":
				cur = t.Text
				continue
			case "GROUP", "ORDER":
				if i+1 < len(toks) && toks[i+1].Text == "BY" {
					cur = t.Text
					i++
					continue
				}
			}
		}
		if cur == "" {
			return query.Request{}, nil, fmt.Errorf("the SQL does not start with SELECT")
		}
		clauses[cur] = append(clauses[cur], t)
	}
	req := query.Request{}
	in := &intent{}
	alias := map[string]string{} // output alias → field
	for _, sel := range splitTop(clauses["SELECT"]) {
		expr, as := sel, ""
		if n := len(sel); n >= 3 && sel[n-2].Text == "AS" {
			expr, as = sel[:n-2], strings.ToLower(sel[n-1].Text)
		}
		text := canonical(expr)
		if len(expr) == 1 && expr[0].Kind == sqlparse.Ident {
			f, err := m.Lookup(text, semantic.KindDimension, semantic.KindTimeDimension)
			if err != nil {
				return query.Request{}, nil, err
			}
			req.Dimensions = append(req.Dimensions, f.Name)
			in.dims = append(in.dims, f.Name)
			alias[text] = f.Name
			continue
		}
		mt, ok := metricOf[text]
		if !ok {
			return query.Request{}, nil, fmt.Errorf("no metric of the model is %s", text)
		}
		req.Metrics = append(req.Metrics, mt)
		in.metrics = append(in.metrics, mt)
		if as != "" {
			alias[as] = mt
		}
		alias[mt] = mt
	}
	if w := clauses["WHERE"]; len(w) > 0 {
		g, ok := relativeWhere[canonical(w)]
		if !ok {
			return query.Request{}, nil, fmt.Errorf("the condition %s is not one the analyst reads", canonical(w))
		}
		req.Dates = &query.DateFilter{Dimension: dateField, Range: query.Last(lastOf[g])}
		in.lastGrain = g // resolved against the clock when asked
	}
	for _, o := range splitTop(clauses["ORDER"]) {
		name := strings.ToLower(o[0].Text)
		f, ok := alias[name]
		if !ok {
			return query.Request{}, nil, fmt.Errorf("ORDER BY %s is not an output column", name)
		}
		desc := len(o) > 1 && o[1].Text == "DESC"
		req.OrderBy = append(req.OrderBy, query.Order{Field: f, Desc: desc})
	}
	if l := clauses["LIMIT"]; len(l) == 1 {
		n, err := strconv.Atoi(l[0].Text)
		if err != nil {
			return query.Request{}, nil, err
		}
		req.Limit = n
	}
	if len(req.OrderBy) > 0 && req.Limit > 0 && len(in.metrics) > 0 {
		in.rank, in.limit = 1, req.Limit
		if !req.OrderBy[0].Desc {
			in.rank = -1
		}
		in.orderBy = req.OrderBy[0].Field
	}
	return req, in, nil
}

// relativeWhere are the date conditions verified queries use, in canonical form.
var relativeWhere = func() map[string]dialect.Grain {
	out := map[string]dialect.Grain{}
	for g := range lastOf {
		out[fmt.Sprintf("order_date >= date_trunc ( '%s' , dateadd ( '%s' , - 1 , current_date ) ) and order_date < date_trunc ( '%s' , current_date )", g, g, g)] = g
	}
	return out
}()

// lastOf is the relative range of the previous whole period of each grain.
var lastOf = map[dialect.Grain]query.Relative{
	dialect.Week: query.LastWeek, dialect.Month: query.LastMonth, dialect.Quarter: query.LastQuarter, dialect.Year: query.LastYear,
}

// canonical writes tokens lower-cased, one space apart, without table
// qualifiers: SUM(orders.net_amount) → sum ( net_amount ).
func canonical(toks []sqlparse.Token) string {
	var parts []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == sqlparse.Ident && i+2 < len(toks) && toks[i+1].Text == "." && toks[i+1].Kind == sqlparse.Punct {
			i++ // drop the qualifier and its dot
			continue
		}
		switch t.Kind {
		case sqlparse.String:
			parts = append(parts, "'"+strings.ToLower(t.Text)+"'")
		default:
			parts = append(parts, strings.ToLower(t.Text))
		}
	}
	return opJoiner.Replace(strings.Join(parts, " "))
}

// opJoiner rejoins two-character operators the lexer splits.
var opJoiner = strings.NewReplacer("> =", ">=", "< =", "<=", "< >", "<>", "! =", "!=")

// splitTop splits tokens at commas outside parentheses.
func splitTop(toks []sqlparse.Token) [][]sqlparse.Token {
	var out [][]sqlparse.Token
	depth, start := 0, 0
	for i, t := range toks {
		if t.Kind != sqlparse.Punct {
			continue
		}
		switch t.Text {
		case "(":
			depth++
		case ")":
			depth--
		case ",":
			if depth == 0 {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

// metricExprs maps each metric's canonical expression (and SUM of each fact a
// metric sums) to the metric, so verified SQL finds its metrics by what they
// compute, not by the alias it gives them.
func metricExprs(m *semantic.Model) (map[string]string, error) {
	out := map[string]string{}
	for _, f := range m.Fields() {
		if f.Kind != semantic.KindMetric {
			continue
		}
		toks, err := sqlparse.Lex(f.Expr, sqlparse.Options{Dialect: dialect.Snowflake})
		if err != nil {
			return nil, err
		}
		out[canonical(toks)] = f.Name
	}
	return out, nil
}
