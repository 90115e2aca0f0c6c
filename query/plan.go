package query

import (
	"slices"
	"strings"

	sq "github.com/Masterminds/squirrel"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/semantic"
)

// plan is a request resolved against the model: what [Compiler.renderSQL] turns
// into one statement. Its pieces are SQL fragments of model fields, already
// quoted by the compiler, and filters whose values are bound arguments.
type plan struct {
	columns  []Column         // output columns, in order
	items    []string         // their select items, `expr AS "name"`
	groupBy  []string         // the time and dimension expressions
	grouped  bool             // GROUP BY groupBy (metrics by dimensions)
	distinct bool             // SELECT DISTINCT (dimensions without metrics)
	base     tableInfo        // the table the metrics are read from
	joins    []join           // the tables the fields need, by relationship
	where    []sq.Sqlizer     // ANDed
	having   sq.Sqlizer       // nil for none
	order    []string         // ORDER BY items
	limit    int              // 0: none
	offset   int              // 0: none
	fields   []string         // model fields read, as table.name, in order of first use
	seen     []int            // their indexes
	metrics  []semantic.Field // the requested metrics, whose select items start at metricAt
	metricAt int
	table    string // lower-cased logical table the request reads
	why      string // over a mart: why it cannot answer; "" when it can
	// over two halves computed apart (apart.go): the arguments of the derived
	// tables in FROM, and the first half's statement for Run ("" for base.ref)
	fromArgs []any
	runBase  string
	// sparse: its groups are some of the other half's only (firstmonth.go), so
	// it is left-joined and its metrics are 0 where it has no row
	sparse bool
}

// compileState accumulates one request's pieces. It holds small slices, not maps:
// a request names a handful of fields.
type compileState struct {
	c      *Compiler
	base   string   // lower-cased base table
	need   []string // tables the query reads
	fields []string // fields used, as table.name, in order of first use
	seen   []int    // their indexes
	roll   *rollup  // the mart the request is planned over; nil for the model's tables
	// conform, when set, is the only fields the compile may read, each as the
	// SQL of the column that corresponds to it (a rate per period's table)
	conform map[int]rendered
	why     string // the first field the mart cannot give, and why
	oneDate bool   // the date range holds one value of the mart's date key
}

func (s *compileState) use(f semantic.Field) rendered {
	r := s.c.render(f)
	s.mark(f)
	if s.roll != nil {
		return s.rolled(f, r.typ)
	}
	if s.conform != nil {
		if x, ok := s.conform[f.Index]; ok {
			return x
		}
		s.miss(f.QualifiedName() + " has no corresponding column")
		return rendered{sql: "NULL", typ: r.typ}
	}
	for _, t := range r.tables {
		if !slices.Contains(s.need, t) {
			s.need = append(s.need, t)
		}
	}
	return r
}

// mark records that the query reads f.
func (s *compileState) mark(f semantic.Field) {
	if !slices.Contains(s.seen, f.Index) {
		s.seen = append(s.seen, f.Index)
		s.fields = append(s.fields, s.c.names[f.Index])
	}
}

// plan resolves a request against the model: its fields by name or synonym, the
// base table and the joins the fields need, the output columns and the filters
// (rendered to SQL fragments with bound arguments), the order and the paging.
// Every refusal happens here, before any statement exists.
func (c *Compiler) plan(req Request, roll *rollup) (*plan, error) {
	return c.planWith(&compileState{c: c, roll: roll}, req)
}

// planWith plans a request in a prepared state (over a mart, or with the
// dimensions of another table mapped onto this one's columns).
func (c *Compiler) planWith(s *compileState, req Request) (*plan, error) {
	roll := s.roll
	p := &plan{limit: req.Limit, offset: req.Offset}

	metrics := make([]semantic.Field, len(req.Metrics))
	for i, name := range req.Metrics {
		f, err := c.lookup("metric", name, semantic.KindMetric)
		if err != nil {
			if fact, ferr := c.model.Lookup(name, semantic.KindFact); ferr == nil {
				return nil, c.factAsMetric(fact)
			}
			return nil, err
		}
		if s.c.multi[f.Index] {
			return nil, errSeveralTables
		}
		metrics[i] = f
	}
	dims := make([]semantic.Field, len(req.Dimensions))
	for i, name := range req.Dimensions {
		f, err := c.lookup("dimension", name, semantic.KindDimension, semantic.KindTimeDimension)
		if err != nil {
			return nil, err
		}
		dims[i] = f
	}
	var timeDim semantic.Field
	if req.Time != nil {
		f, err := c.lookup("time dimension", req.Time.Dimension, semantic.KindTimeDimension)
		if err != nil {
			return nil, err
		}
		if err := checkGrain(f, req.Time.Grain); err != nil {
			return nil, err
		}
		timeDim = f
	}
	if len(metrics) == 0 && len(dims) == 0 && req.Time == nil {
		return nil, invalid("a request needs at least one metric, dimension or time grain")
	}
	if err := s.chooseBase(metrics, dims, timeDim); err != nil {
		return nil, err
	}
	if req.Limit < 0 || req.Offset < 0 {
		return nil, invalid("limit and offset cannot be negative")
	}

	n := len(metrics) + len(dims) + 1
	p.items, p.groupBy, p.columns = make([]string, 0, n), make([]string, 0, n), make([]Column, 0, n)
	addCol := func(item string, col Column) error {
		if _, dup := findColumn(p.columns, col.Name); dup {
			return invalid("%q is requested twice", col.Name)
		}
		if other, dup := columnOfField(p.columns, col.Field); dup && other.Role == col.Role {
			return invalid("%s is requested twice, as %q and %q", col.Field, other.Name, col.Name)
		}
		p.columns = append(p.columns, col)
		p.items = append(p.items, item)
		return nil
	}
	if req.Time != nil {
		var expr string
		kind := KindDate
		if timeDim.DataType.Family() == semantic.FamilyNumber {
			kind, expr = KindInt, s.use(timeDim).sql
		} else {
			if roll == nil {
				s.use(timeDim) // the table it reads
			} else {
				s.mark(timeDim) // over a mart, whether it can truncate decides
			}
			expr = s.trunc(timeDim, req.Time.Grain) // a DATE on both engines
		}
		tn := c.timeNames[timeDim.Index][req.Time.Grain]
		if err := addCol(expr+" AS "+tn.quoted, Column{Name: tn.name, Kind: kind, Field: c.names[timeDim.Index], Role: RoleTime, quoted: tn.quoted}); err != nil {
			return nil, err
		}
		p.groupBy = append(p.groupBy, expr)
	}
	for i, f := range dims {
		r := s.use(f)
		name, item, quoted := f.Name, c.dimSel[f.Index], c.quoted[f.Index]
		if roll != nil || s.conform != nil {
			item = r.sql + " AS " + quoted
		}
		if asked := outputName(req.Dimensions[i], f); asked != name {
			name, quoted = asked, c.d.Quote(asked)
			item = r.sql + " AS " + quoted
		}
		if _, taken := findColumn(p.columns, name); taken && f.Table != "" {
			name = f.Table + "_" + f.Name // the same name from another table
			quoted = c.d.Quote(name)
			item = r.sql + " AS " + quoted
		}
		if err := addCol(item, Column{Name: name, Kind: r.typ.kind, Scale: r.typ.scale, Field: c.names[f.Index], Role: RoleDimension, quoted: quoted}); err != nil {
			return nil, err
		}
		p.groupBy = append(p.groupBy, r.sql)
	}
	p.metrics, p.metricAt = metrics, len(p.items) // the metrics' select items follow
	for i, f := range metrics {
		s.use(f)
		t := c.metTyp[f.Index]
		name, quoted := f.Name, c.quoted[f.Index]
		if asked := outputName(req.Metrics[i], f); asked != name {
			name, quoted = asked, c.d.Quote(asked)
		}
		if err := addCol(s.metSel(f)+" AS "+quoted, Column{Name: name, Kind: t.kind, Scale: t.scale, Field: c.names[f.Index], Role: RoleMetric, quoted: quoted}); err != nil {
			return nil, err
		}
	}

	if req.Where != nil {
		if err := checkFilter(req.Where, "where"); err != nil {
			return nil, err
		}
		w, err := s.filter(req.Where, false)
		if err != nil {
			return nil, err
		}
		p.where = append(p.where, w)
	}
	for _, name := range req.Filters {
		f, err := c.lookup("named filter", name, semantic.KindFilter)
		if err != nil {
			return nil, err
		}
		p.where = append(p.where, sq.Expr(s.use(f).sql))
	}
	if req.Dates != nil {
		w, err := s.dates(*req.Dates, timeDim)
		if err != nil {
			return nil, err
		}
		p.where = append(p.where, w)
	}
	if req.Having != nil {
		if len(metrics) == 0 {
			return nil, invalid("having needs metrics to filter on")
		}
		if err := checkFilter(req.Having, "having"); err != nil {
			return nil, err
		}
		h, err := s.filter(req.Having, true)
		if err != nil {
			return nil, err
		}
		p.having = h
	}
	p.grouped, p.distinct = len(metrics) > 0 && len(p.groupBy) > 0, len(metrics) == 0

	var err error
	if p.joins, err = c.joinsFor(s.base, s.need); err != nil {
		return nil, err
	}
	p.base = c.tables[s.base]
	if p.order, err = c.orderBy(req.OrderBy, p.columns); err != nil {
		return nil, err
	}
	p.fields, p.seen, p.table = s.fields, s.seen, s.base
	if s.conform != nil && s.why != "" {
		return nil, invalid("%s", s.why)
	}
	if roll != nil {
		p.base, p.joins, p.why = roll.table, nil, s.why
		if p.why == "" {
			p.why = roll.needsKey(metrics, p.groupBy, s.oneDate)
		}
		if p.why == "" {
			roll.perRow(p, s.oneDate)
		}
	}
	return p, nil
}

// chooseBase picks the table the query reads from: the metrics' table (all metrics
// must share it), else the first dimension's, else the model's first table.
func (s *compileState) chooseBase(metrics, dims []semantic.Field, timeDim semantic.Field) error {
	for _, m := range metrics {
		t := strings.ToLower(m.Table)
		if t == "" {
			continue // a derived metric: its references decide
		}
		if s.base == "" {
			s.base = t
		} else if t != s.base {
			return errSeveralTables
		}
	}
	for _, f := range dims {
		if s.base == "" && f.Table != "" {
			s.base = strings.ToLower(f.Table)
		}
	}
	if s.base == "" && timeDim.Table != "" {
		s.base = strings.ToLower(timeDim.Table)
	}
	if s.base == "" {
		s.base = strings.ToLower(s.c.model.Tables[0].Name)
	}
	return nil
}

// factAsMetric refuses a fact named as a metric: a fact is a row-level value,
// and whether summing it means anything (revenue) or nothing (a discount
// percentage) is the model's to say, through a metric. The error names the
// metrics over the fact.
func (c *Compiler) factAsMetric(f semantic.Field) error {
	var over []string
	for _, m := range c.model.Fields() {
		if m.Kind == semantic.KindMetric && strings.Contains(strings.ToLower(m.Expr), strings.ToLower(f.Name)) {
			over = append(over, m.Name)
		}
	}
	hint := "the model defines no metric over it"
	if len(over) > 0 {
		hint = "use a metric over it: " + strings.Join(over, ", ")
	}
	return invalid("metric: %s is a fact, a value per row, not a metric; %s", f.QualifiedName(), hint)
}

// metric returns a metric's aggregate SQL; a fact is summed.
func (s *compileState) metric(f semantic.Field) (string, typ) {
	r := s.use(f)
	if f.Kind == semantic.KindFact {
		return "SUM(" + r.sql + ")", r.typ
	}
	return r.sql, r.typ
}

// checkGrain refuses a grain a time dimension cannot take.
func checkGrain(f semantic.Field, g dialect.Grain) error {
	if !g.Valid() {
		return invalid("time grain %q is not valid (valid: day, week, month, quarter, year)", g)
	}
	switch f.DataType.Family() {
	case semantic.FamilyDate, semantic.FamilyTimestamp:
		return nil
	case semantic.FamilyNumber:
		if g == dialect.Year {
			return nil
		}
		return invalid("time dimension %s holds a year number; it only takes the year grain, not %s", f.Name, g)
	}
	return invalid("time dimension %s has type %s, which cannot be truncated to a %s", f.Name, f.DataType, g)
}

// orderBy renders ORDER BY over output columns. By default it sorts by time and
// dimensions; ties are always broken by every remaining time and dimension column,
// so row order is the same on every engine. NULLs sort last everywhere.
func (c *Compiler) orderBy(orders []Order, cols []Column) ([]string, error) {
	out := make([]string, 0, len(cols))
	var used []string
	for _, o := range orders {
		col, ok := findColumn(cols, o.Field)
		if !ok {
			if f, err := c.model.Lookup(o.Field); err == nil {
				col, ok = columnOfField(cols, c.names[f.Index])
			}
		}
		if !ok {
			names := make([]string, len(cols))
			for i, c := range cols {
				names[i] = c.Name
			}
			return nil, invalid("cannot order by %q: it is not an output column (columns: %s)", o.Field, strings.Join(names, ", "))
		}
		dir := " ASC"
		if o.Desc {
			dir = " DESC"
		}
		out = append(out, col.quoted+dir+" NULLS LAST")
		used = append(used, col.Name)
	}
	for _, col := range cols {
		if (col.Role == RoleDimension || col.Role == RoleTime) && !slices.Contains(used, col.Name) {
			out = append(out, col.quoted+" ASC NULLS LAST")
		}
	}
	return out, nil
}

// outputName is the name a requested field's column gets: the name as the
// request spelled it (a synonym stays the synonym), or the model's own spelling
// when the request named the field itself in another case.
func outputName(asked string, f semantic.Field) string {
	asked = strings.TrimSpace(asked)
	if strings.EqualFold(asked, f.Name) || strings.EqualFold(asked, f.QualifiedName()) {
		return f.Name
	}
	return asked
}

// columnOfField finds the output column of a model field (as table.name).
func columnOfField(cols []Column, field string) (Column, bool) {
	for _, c := range cols {
		if c.Field == field {
			return c, true
		}
	}
	return Column{}, false
}

// findColumn finds an output column by name, ignoring case.
func findColumn(cols []Column, name string) (Column, bool) {
	for _, c := range cols {
		if strings.EqualFold(c.Name, name) {
			return c, true
		}
	}
	return Column{}, false
}
