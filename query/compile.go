package query

import (
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

	model *semantic.Model // resolves synonyms when scanning into structs
}

// Explain renders the compiled query for people: the SQL, its arguments and the
// model fields it used.
func (q *Query) Explain() string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- dialect: %s\n-- fields: %s\n%s\n", q.Dialect, strings.Join(q.Fields, ", "), q.SQL)
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
	p, err := c.plan(req)
	if err != nil {
		return nil, err
	}
	q := &Query{Columns: p.columns, Fields: p.fields, Dialect: c.d, model: c.model}
	if q.SQL, q.Args, err = c.renderSQL(p); err != nil {
		return nil, err
	}
	return q, nil
}
