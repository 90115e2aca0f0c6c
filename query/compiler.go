package query

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// ErrInvalidRequest is matched (errors.Is) by every error Compile returns for a
// request it refuses; unknown names also match semantic.ErrUnknownField.
var ErrInvalidRequest = errors.New("query: invalid request")

// Options configure a [Compiler].
type Options struct {
	// Dialect is the SQL to write. Required.
	Dialect dialect.Dialect
	// Now is the clock relative date ranges resolve against. Nil means time.Now.
	Now func() time.Time
	// AllowFunctions names functions, beyond the dialect's allow-list
	// (sqlparse.AllowedFunctions: aggregates and pure scalar functions), that the
	// model's expressions may call — a user-defined function, say. Nothing else
	// can be called: a model cannot reach an engine's file, network or
	// side-effecting functions unless they are named here.
	AllowFunctions []string
	// NoRollups answers every request from the model's own tables. By default a
	// request over FCT_ORDERS is answered from the smallest pre-aggregated mart
	// that gives the same result exactly ([Query.Source] and Explain say which,
	// and why each smaller one could not).
	NoRollups bool
}

// Compiler compiles requests against one model for one dialect. It parses and
// renders every field of the model once, when it is made, so compiling a request
// only assembles SQL. A Compiler is safe for concurrent use.
type Compiler struct {
	model  *semantic.Model
	d      dialect.Dialect
	now    func() time.Time
	family *family                    // the compilers of this model and clock, one per dialect
	asts   []sqlparse.Node            // by field index: parsed expr
	extra  []string                   // Options.AllowFunctions, upper-cased
	fields []rendered                 // by field index: SQL and type
	names  []string                   // by field index: table.name
	quoted []string                   // by field index: the quoted output name
	dimSel []string                   // by field index: `expr AS "name"` as a dimension
	metSel []string                   // by field index: `CAST(aggregate)` as a metric
	metTyp []typ                      // by field index: the metric\'s type
	trunc  []map[dialect.Grain]string // by field index: time dimension truncated to a grain
	// by field index: a time dimension's output name at each grain
	timeNames []map[dialect.Grain]outName
	tables    map[string]tableInfo // lower logical table name → its reference
	// placeholders cast to a type, prepared once
	phDate, phTimestamp string
	opts                Options   // as given, for For
	rollups             []*rollup // the marts a request may be answered from, smallest first
	multi               []bool    // by field index: a metric only compileMulti computes
	ratios              []*ratio  // by field index: a ratio Run may divide in Go (DuckDB)
	// by field index: a metric the customers mart answers alone (firstmonth.go)
	firsts map[int]firstMonth
}

// rendered is a field's SQL (qualified with its table's alias) and type.
type rendered struct {
	sql    string
	typ    typ
	tables []string // logical tables the expression reads
	// distincts counts the distinct aggregates (COUNT(DISTINCT …)) of the
	// parsed expression, through the fields it refers to
	distincts int
}

// outName is an output column's name, plain and quoted.
type outName struct{ name, quoted string }

type tableInfo struct {
	name  string // logical name as declared
	ref   string // quoted physical reference
	alias string // quoted alias
}

// New prepares a compiler for m. It fails, naming the field, if a field's
// expression cannot be compiled.
func New(m *semantic.Model, opts Options) (*Compiler, error) {
	c, err := newCompiler(m, opts)
	if err != nil {
		return nil, err
	}
	c.family = &family{by: map[dialect.Dialect]*Compiler{c.d: c}}
	return c, nil
}

// family holds the compilers of one model and clock, one per dialect.
type family struct {
	mu sync.Mutex
	by map[dialect.Dialect]*Compiler
}

// For returns the compiler of the same model and clock for dialect d, preparing
// it on first use: one Compiler renders for either engine.
//
//	sf, err := c.For(dialect.Snowflake)
//	q, err := sf.Compile(req) // the same request, in Snowflake's SQL
func (c *Compiler) For(d dialect.Dialect) (*Compiler, error) {
	c.family.mu.Lock()
	defer c.family.mu.Unlock()
	if o, ok := c.family.by[d]; ok {
		return o, nil
	}
	opts := c.opts
	opts.Dialect = d
	o, err := newCompiler(c.model, opts)
	if err != nil {
		return nil, err
	}
	o.family = c.family
	c.family.by[d] = o
	return o, nil
}

func newCompiler(m *semantic.Model, opts Options) (*Compiler, error) {
	if !opts.Dialect.Valid() {
		return nil, fmt.Errorf("%w: unknown dialect %q (valid: snowflake, duckdb)", ErrInvalidRequest, opts.Dialect)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	c := &Compiler{
		model: m, d: opts.Dialect, now: opts.Now, opts: opts,
		asts:      make([]sqlparse.Node, len(m.Fields())),
		fields:    make([]rendered, len(m.Fields())),
		names:     make([]string, len(m.Fields())),
		quoted:    make([]string, len(m.Fields())),
		dimSel:    make([]string, len(m.Fields())),
		metSel:    make([]string, len(m.Fields())),
		metTyp:    make([]typ, len(m.Fields())),
		trunc:     make([]map[dialect.Grain]string, len(m.Fields())),
		timeNames: make([]map[dialect.Grain]outName, len(m.Fields())),
		tables:    map[string]tableInfo{},
	}
	for _, name := range opts.AllowFunctions {
		c.extra = append(c.extra, strings.ToUpper(strings.TrimSpace(name)))
	}
	c.phDate = c.d.Cast("?", dialect.Date())
	c.phTimestamp = c.d.Cast("?", dialect.Timestamp())
	for _, t := range m.Tables {
		c.tables[strings.ToLower(t.Name)] = tableInfo{
			name:  t.Name,
			ref:   c.d.Table(t.BaseTable.Database, t.BaseTable.Schema, t.BaseTable.Table),
			alias: c.d.Quote(t.Name),
		}
	}
	for _, f := range m.Fields() {
		if _, err := c.parsed(f); err != nil {
			return nil, err
		}
	}
	for _, f := range m.Fields() {
		var distincts int
		r := &renderer{c: c, d: c.d, used: map[string]bool{}, distincts: &distincts}
		sql, t, err := r.field(f)
		if err != nil {
			return nil, fmt.Errorf("query: model field %s: %w", f.QualifiedName(), err)
		}
		rf := rendered{sql: sql, typ: t, distincts: distincts}
		for tbl := range r.used {
			rf.tables = append(rf.tables, tbl)
		}
		c.fields[f.Index] = rf
		c.names[f.Index] = f.QualifiedName()
		c.quoted[f.Index] = c.d.Quote(f.Name)
		c.dimSel[f.Index] = sql + " AS " + c.quoted[f.Index]
		if f.Kind == semantic.KindMetric || f.Kind == semantic.KindFact {
			expr := sql
			if f.Kind == semantic.KindFact {
				expr = "SUM(" + sql + ")" // a fact used as a metric is summed
			}
			c.metSel[f.Index] = c.castTo(expr, t)
			c.metTyp[f.Index] = t
		}
		if f.Kind == semantic.KindTimeDimension {
			c.trunc[f.Index] = map[dialect.Grain]string{}
			c.timeNames[f.Index] = map[dialect.Grain]outName{}
			for _, g := range dialect.Grains() {
				c.trunc[f.Index][g] = c.d.DateTrunc(g, sql)
				name := f.Name + "_" + string(g)
				c.timeNames[f.Index][g] = outName{name: name, quoted: c.d.Quote(name)}
			}
			if err := c.useDateParts(f); err != nil {
				return nil, err
			}
		}
	}
	c.prepareMulti()
	c.prepareRatios()
	if !opts.NoRollups {
		if err := c.prepareRollups(); err != nil {
			return nil, err
		}
		c.prepareFirstMonths()
	}
	return c, nil
}

// Model returns the compiler's model.
func (c *Compiler) Model() *semantic.Model { return c.model }

// Dialect returns the compiler's dialect.
func (c *Compiler) Dialect() dialect.Dialect { return c.d }

// parsed returns f's parsed expression, parsing it on first use.
func (c *Compiler) parsed(f semantic.Field) (sqlparse.Node, error) {
	if n := c.asts[f.Index]; n != nil {
		return n, nil
	}
	// A model's expressions are Snowflake SQL (the semantic model is Cortex
	// Analyst's format); they are rendered for the compiler's dialect.
	n, err := sqlparse.ParseExpr(f.Expr, sqlparse.Options{Dialect: dialect.Snowflake, Functions: c.allowed})
	if err != nil {
		return nil, fmt.Errorf("query: model field %s: expr %q: %w", f.QualifiedName(), f.Expr, err)
	}
	c.asts[f.Index] = n
	return n, nil
}

// allowed reports whether a model expression may call the function name.
func (c *Compiler) allowed(name string) bool {
	return sqlparse.Allowed(c.d, name) || slices.Contains(c.extra, name)
}

// aliasOf returns the alias physical columns of a logical table are read through.
func (c *Compiler) aliasOf(table string) string {
	if t, ok := c.tables[strings.ToLower(table)]; ok {
		return t.name
	}
	return ""
}

// render returns the prepared SQL of a field.
func (c *Compiler) render(f semantic.Field) rendered { return c.fields[f.Index] }

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidRequest}, args...)...)
}

// lookup resolves a name among kinds, wrapping the model's error (which lists the
// valid names and the closest one) with what the name was for.
func (c *Compiler) lookup(what, name string, kinds ...semantic.FieldKind) (semantic.Field, error) {
	f, err := c.model.Lookup(name, kinds...)
	if err != nil {
		return f, fmt.Errorf("%w: %s: %w", ErrInvalidRequest, what, err)
	}
	return f, nil
}
