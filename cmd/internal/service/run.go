package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/cmd/internal/request"
	"github.com/salesanalytics/salesanalytics/query"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// Answer is a query's result with what produced it.
type Answer struct {
	// Result holds the typed rows: decimals exact, counts int64.
	Result *query.Result
	// SQL is the statement that ran, Args its bound values.
	SQL  string
	Args []any
	// Tables are the physical tables that answered, as DATABASE.SCHEMA.TABLE.
	Tables []string
	// Truncated is set when the query had more rows than request.MaxRows (and
	// the request gave no smaller limit): Result holds the first MaxRows.
	Truncated bool
}

// Compile checks r and compiles it, capping its rows at request.MaxRows (one
// more is asked for, to tell a truncated result).
func (s *Service) Compile(r request.Request) (*query.Query, error) {
	q, err := r.Query(s.model)
	if err != nil {
		return nil, err
	}
	if q.Limit == 0 {
		q.Limit = request.MaxRows + 1
	}
	return s.compiler.Compile(q)
}

// Query runs r and returns its rows, the SQL and the tables that answered.
func (s *Service) Query(ctx context.Context, r request.Request) (*Answer, error) {
	q, err := s.Compile(r)
	if err != nil {
		return nil, err
	}
	res, err := q.Run(ctx, s.db)
	if err != nil {
		return nil, err
	}
	a := &Answer{Result: res, SQL: q.SQL, Args: q.Args, Tables: s.tables(q)}
	if len(res.Rows) > request.MaxRows {
		res.Rows, a.Truncated = res.Rows[:request.MaxRows], true
	}
	return a, nil
}

// Explain compiles r without running it: the SQL, its arguments and the tables
// it would read.
func (s *Service) Explain(r request.Request) (*Answer, error) {
	q, err := s.Compile(r)
	if err != nil {
		return nil, err
	}
	return &Answer{SQL: q.SQL, Args: q.Args, Tables: s.tables(q)}, nil
}

// tables lists the physical tables behind the model fields q reads.
func (s *Service) tables(q *query.Query) []string {
	var out []string
	add := func(ref string) {
		_, name, _ := cutLast(ref)
		// only a table the statement reads: a routed request reads a mart in
		// place of the fact table (and may read both)
		if strings.Contains(q.SQL, `"`+name+`"`) && !slices.Contains(out, ref) {
			out = append(out, ref)
		}
	}
	fact := warehouse.FctOrders().Name
	var marts string // DATABASE.SCHEMA of the fact table, for a routed mart
	for _, name := range q.Fields {
		logical, _, ok := strings.Cut(name, ".")
		if !ok {
			continue
		}
		t, ok := s.model.Table(logical)
		if !ok {
			continue
		}
		b := t.BaseTable
		ref := b.Table
		if b.Schema != "" {
			ref = b.Schema + "." + ref
		}
		if b.Database != "" {
			ref = b.Database + "." + ref
		}
		if b.Table == fact {
			marts, _, _ = cutLast(ref) // the marts stand beside the fact table
		}
		add(ref)
	}
	if q.Route.Rollup {
		for _, t := range append([]string{q.Route.Table}, strings.Split(q.Route.Distinct, ",")...) {
			if t = strings.TrimSpace(t); t != "" && !strings.Contains(t, ".") && marts != "" {
				t = marts + "." + t
			}
			if t != "" {
				add(t)
			}
		}
	}
	return out
}

// cutLast splits a dotted reference before its last part: the table's
// qualifier and its name.
func cutLast(ref string) (qualifier, name string, ok bool) {
	i := strings.LastIndex(ref, ".")
	if i < 0 {
		return "", ref, false
	}
	return ref[:i], ref[i+1:], true
}

// Arg renders a bound argument for people: dates as YYYY-MM-DD.
func Arg(a any) string {
	if t, ok := a.(time.Time); ok {
		return t.Format(time.DateOnly)
	}
	return fmt.Sprint(a)
}
