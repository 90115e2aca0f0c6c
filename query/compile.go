package query

import (
	"errors"
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// Column describes one column of a query's result.
type Column struct {
	Name  string `json:"name"`            // the output name: the field's name, or <time dimension>_<grain>
	Kind  Kind   `json:"kind"`            // the Go type of its values
	Scale int    `json:"scale,omitempty"` // decimal places, for KindDecimal
	Field string `json:"field"`           // the model field, as table.name
	Role  Role   `json:"role"`

	quoted string // the quoted name, for ORDER BY
}

// Role says what a result column is.
type Role string

// Column roles.
const (
	RoleDimension Role = "dimension"
	RoleTime      Role = "time"
	RoleMetric    Role = "metric"
)

// Query is a compiled request: SQL for one dialect, its bound arguments, and what
// its result columns will hold.
type Query struct {
	SQL     string
	Args    []any
	Columns []Column
	// Fields lists every model field the query reads, as table.name, in order of
	// first use.
	Fields  []string
	Dialect dialect.Dialect
	// Route says which table answered the request and why each smaller
	// pre-aggregated mart could not.
	Route Route

	model *semantic.Model // resolves synonyms when scanning into structs
	// run is the statement Run executes when it computes columns itself (post),
	// SQL without them, or when a mart answers on DuckDB, SQL without the casts
	// that change nothing there (runstmt.go); "" to execute SQL
	run  string
	post []postDiv
}

// Explain renders the compiled query for people: the SQL, its arguments and the
// model fields it used.
func (q *Query) Explain() string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- dialect: %s\n-- fields: %s\n", q.Dialect, strings.Join(q.Fields, ", "))
	q.Route.explain(&b)
	b.WriteString(q.SQL + "\n")
	for i, a := range q.Args {
		fmt.Fprintf(&b, "-- arg %d: %T %v\n", i+1, a, a)
	}
	return b.String()
}

// Compile turns a request into SQL for the compiler's dialect, in two stages: a
// plan (fields resolved by name or synonym, the base table, joins, filters with
// bound values, order) and its rendering as one SELECT. Every name is checked
// against the model, every value is bound as an argument, and a request it
// cannot serve is refused before any SQL exists.
func (c *Compiler) Compile(req Request) (*Query, error) {
	if req.layered() {
		return c.compileLayers(req)
	}
	p, route, err := c.planRouted(req)
	if errors.Is(err, errSeveralTables) {
		return c.compileMulti(req)
	}
	if err != nil {
		return nil, err
	}
	q := &Query{Columns: p.columns, Fields: p.fields, Dialect: c.d, model: c.model, Route: route}
	tail, args, err := c.renderTail(p)
	if err != nil {
		return nil, err
	}
	q.SQL, q.Args = selectList(p, p.items)+tail, args
	items, lean := c.leanItems(p, route)
	if q.post = c.postDivisions(p); len(q.post) > 0 || lean {
		if p.runBase != "" {
			rp := *p
			rp.base.ref = p.runBase
			if tail, _, err = c.renderTail(&rp); err != nil {
				return nil, err
			}
		}
		q.run = selectList(p, runItems(items, q.post)) + tail
	}
	return q, nil
}
