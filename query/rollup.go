package query

import (
	"errors"
	"fmt"
	"strings"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
	"github.com/salesanalytics/salesanalytics/semantic"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// rollup is one pre-aggregated mart prepared to stand in for the logical table
// over FCT_ORDERS: every model field rendered over the mart's columns, or why it
// cannot be. The marts' grains and measures come from their declarations in
// package warehouse ([warehouse.Rollups]); nothing here re-describes them.
type rollup struct {
	name    string            // the mart's table name, e.g. SALES_BY_REGION
	over    string            // lower-cased logical table it stands in for
	table   tableInfo         // the mart's quoted reference and alias
	cols    map[string]string // FCT_ORDERS column → the mart's column, qualified (keys and attributes)
	keys    []string          // the mart's key columns, qualified
	attrs   []string          // its attribute columns, qualified: grouped beside the key
	date    string            // the qualified date key; "" for none
	dateSrc string            // the FCT_ORDERS date the date key truncates (ORDER_DATE)
	grain   dialect.Grain     // of the date key
	yearKey bool              // the date key is the year as a number ([warehouse.Mart.YearKey])
	yearOf  map[int]bool      // by field index: a date the year key restricts to whole years
	mart    warehouse.Mart
	fields  []rolled                   // by field index
	trunc   []map[dialect.Grain]string // by field index: a time dimension at a grain
}

// rolled is one model field over a mart.
type rolled struct {
	sql, sel string // its row value or metric aggregate, and a metric's select item
	why      string // why the mart cannot give it, when sql is empty
	needKey  bool   // a metric exact only when the request groups by the mart's whole key and attributes
	// rowSel is a metric's select item over one row of the mart, for a request
	// whose groups are the mart's rows; "" when it has none
	rowSel string
	// leanSel and leanRow are sel and rowSel without a cast that changes
	// nothing, as Run executes them on DuckDB (runstmt.go), and leanGroup sel
	// where the query has GROUP BY; "" for none
	leanSel, leanRow, leanGroup string
}

// prepareRollups readies every aggregate mart for each logical table over
// FCT_ORDERS; the marts live beside it, in its database and schema.
func (c *Compiler) prepareRollups() error {
	fct := warehouse.FctOrders()
	for _, t := range c.model.Tables {
		if !strings.EqualFold(t.BaseTable.Table, fct.Name) {
			continue
		}
		for _, m := range warehouse.Rollups() {
			ro, err := c.prepareRollup(t, m)
			if err != nil {
				return err
			}
			c.rollups = append(c.rollups, ro)
		}
	}
	return nil
}

func (c *Compiler) prepareRollup(t semantic.Table, m warehouse.Mart) (*rollup, error) {
	alias := c.d.Quote(strings.ToLower(m.Table.Name))
	ro := &rollup{
		name: m.Table.Name, over: strings.ToLower(t.Name), mart: m, grain: m.Grain(),
		table:  tableInfo{name: m.Table.Name, ref: c.d.Table(t.BaseTable.Database, t.BaseTable.Schema, m.Table.Name), alias: alias},
		cols:   map[string]string{},
		fields: make([]rolled, len(c.model.Fields())),
		trunc:  make([]map[dialect.Grain]string, len(c.model.Fields())),
	}
	qual := func(col string) string { return alias + "." + c.d.Quote(col) }
	for _, k := range append(m.Key, m.Attributes()...) {
		ro.cols[k.Source] = qual(k.Column)
	}
	for _, k := range m.Key {
		ro.keys = append(ro.keys, qual(k.Column))
	}
	for _, a := range m.Attributes() {
		ro.attrs = append(ro.attrs, qual(a.Column))
	}
	if k, ok := m.DateKey(); ok {
		ro.date, ro.dateSrc = qual(k.Column), m.TruncatedDate()
		c.rollDateParts(ro)
	} else if k, ok := m.YearKey(); ok {
		ro.date, ro.dateSrc, ro.yearKey = qual(k.Column), m.TruncatedDate(), true
	}
	for _, f := range c.model.Fields() {
		ro.fields[f.Index] = c.rollField(ro, f)
		if f.Kind == semantic.KindTimeDimension {
			ro.trunc[f.Index] = c.rollTrunc(ro, f)
		}
		if col, ok := c.physicalColumn(f); ok && ro.yearKey && col == ro.dateSrc && strings.EqualFold(f.Table, ro.over) {
			if ro.yearOf == nil {
				ro.yearOf = map[int]bool{}
			}
			ro.yearOf[f.Index] = true
		}
	}
	return ro, nil
}

// rollField renders f over the mart, or says why it cannot.
func (c *Compiler) rollField(ro *rollup, f semantic.Field) rolled {
	if f.Table != "" && !strings.EqualFold(f.Table, ro.over) {
		return rolled{why: fmt.Sprintf("%s is on table %s", f.QualifiedName(), f.Table)}
	}
	for _, t := range c.fields[f.Index].tables {
		if t != ro.over {
			return rolled{why: fmt.Sprintf("%s reads table %s", f.QualifiedName(), t)}
		}
	}
	r := &renderer{c: c, d: c.d, used: map[string]bool{}, roll: &rollCtx{rollup: ro}}
	sql, _, err := r.field(f)
	if err != nil {
		return rolled{why: rollReason(err)}
	}
	out := rolled{sql: sql, needKey: r.roll.needKey}
	if f.Kind == semantic.KindMetric || f.Kind == semantic.KindFact {
		expr := sql
		if f.Kind == semantic.KindFact {
			expr = "SUM(" + sql + ")"
		}
		out.sel = c.castTo(expr, c.metTyp[f.Index])
		out.leanSel = c.leanSel(ro, expr, c.metTyp[f.Index])
		out.leanGroup = c.leanGroup(ro, expr, c.metTyp[f.Index])
	}
	if f.Kind == semantic.KindMetric {
		row := &renderer{c: c, d: c.d, used: map[string]bool{}, roll: &rollCtx{rollup: ro, row: true}}
		if sql, _, err := row.field(f); err == nil {
			out.rowSel = c.castTo(sql, c.metTyp[f.Index])
			out.leanRow = c.leanSel(ro, sql, c.metTyp[f.Index])
		}
	}
	return out
}

// rollTrunc renders a time dimension truncated to each grain the mart's date
// key can give: any from a day, month and coarser from a month.
func (c *Compiler) rollTrunc(ro *rollup, f semantic.Field) map[dialect.Grain]string {
	out := map[dialect.Grain]string{}
	col, ok := c.physicalColumn(f)
	if !ok || f.DataType.Family() == semantic.FamilyNumber {
		return out
	}
	for _, g := range dialect.Grains() {
		switch {
		case col == ro.dateSrc && ro.date != "" && derivable(g, ro.grain):
			out[g] = ro.date
			if g != ro.grain {
				out[g] = c.d.DateTrunc(g, ro.date)
			}
		case ro.cols[col] != "":
			out[g] = c.d.DateTrunc(g, ro.cols[col])
		}
	}
	return out
}

// derivable reports whether dates truncated to from can be truncated further to
// g: a week is not made of whole months.
func derivable(g, from dialect.Grain) bool {
	switch from {
	case dialect.Day:
		return true
	case dialect.Month:
		return g == dialect.Month || g == dialect.Quarter || g == dialect.Year
	}
	return false
}

// physicalColumn returns the FCT_ORDERS column a row-level field is, when its
// expression is one bare column.
func (c *Compiler) physicalColumn(f semantic.Field) (string, bool) {
	if f.Kind == semantic.KindMetric || f.Kind == semantic.KindFilter {
		return "", false
	}
	ast, err := c.parsed(f)
	if err != nil {
		return "", false
	}
	ref, ok := ast.(sqlparse.Ref)
	if !ok || ref.Table != "" {
		return "", false
	}
	return ref.Name, true
}

// rollCtx is a rendering over a mart: the mart, whether a metric needs the
// request to group by the mart's whole key and attributes, and whether it is rendered over one
// row of the mart (each group of the request is one row) rather than
// re-aggregated.
type rollCtx struct {
	*rollup
	needKey bool
	row     bool
}

// rollScalars are the functions that pass through a re-aggregation unchanged:
// row-level functions of one value. Every other function — an aggregate, or one
// the compiler does not know (Options.AllowFunctions) — keeps a request on
// FCT_ORDERS.
var rollScalars = map[string]bool{}

func init() {
	for _, f := range []string{
		"NULLIF", "COALESCE", "IFNULL", "NVL", "NVL2", "IFF", "IF", "GREATEST", "LEAST", "ZEROIFNULL", "NULLIFZERO", "DIV0", "DIV0NULL",
		"ROUND", "ABS", "FLOOR", "CEIL", "CEILING", "SIGN", "MOD", "TRUNC",
		"UPPER", "LOWER", "TRIM", "LTRIM", "RTRIM", "CONCAT", "SUBSTR", "SUBSTRING", "LEFT", "RIGHT", "REPLACE", "LENGTH",
		"YEAR", "MONTH", "DAY", "QUARTER", "WEEK", "DAYOFWEEK", "DAYOFYEAR", "DATE_TRUNC", "DATE_PART", "LAST_DAY",
	} {
		rollScalars[f] = true
	}
}

// rollErr is a field the mart cannot give; its text is the reason Explain shows.
type rollErr struct{ why string }

func (e rollErr) Error() string { return e.why }

// rollReason returns the reason a rendering failed over a mart.
func rollReason(err error) string {
	var re rollErr
	if errors.As(err, &re) {
		return re.why
	}
	return err.Error()
}

// rollColumn maps a physical FCT_ORDERS column to the mart's.
func (r *renderer) rollColumn(name string) (string, error) {
	if col, ok := r.roll.cols[name]; ok {
		return col, nil
	}
	return "", rollErr{fmt.Sprintf("%s has no column for %s", r.roll.name, name)}
}

// rollCall re-aggregates an aggregate call over the mart's rows, exactly or not
// at all: SUM of a summed column sums the sums; COUNT(*) and a count of the
// table's key sum the mart's order counts; MIN and MAX of a grouped column or
// of a stored minimum or maximum; COUNT(DISTINCT x) counts the mart's distinct
// x when x is a column of its grain, or takes its stored distinct count when the
// request groups by the mart's whole key and attributes (one mart row per group). Over one row
// (rollCtx.row) each is the aggregate of that row alone: the stored value, a
// count's 0 for none, a distinct count of a grouped column 1 or 0.
func (r *renderer) rollCall(n sqlparse.Call) (string, typ, bool, error) {
	ro := r.roll
	agg := func(fn, x string) string {
		if ro.row {
			return x
		}
		return fn + "(" + x + ")"
	}
	switch n.Name {
	case "SUM", "MIN", "MAX", "COUNT":
	default:
		if rollScalars[n.Name] {
			return "", tNull, false, nil
		}
		return "", tNull, true, rollErr{fmt.Sprintf("%s does not re-aggregate from the rows of %s", n.Name, ro.name)}
	}
	count := func() (string, typ, bool, error) {
		if m, ok := ro.measure(warehouse.AggCount, ""); ok {
			return "COALESCE(" + agg("SUM", m) + ", 0)", tInt, true, nil
		}
		return "", tNull, true, rollErr{fmt.Sprintf("%s has no count of orders", ro.name)}
	}
	if n.Star {
		return count()
	}
	if len(n.Args) != 1 {
		return "", tNull, true, rollErr{fmt.Sprintf("%s of %d arguments does not re-aggregate", n.Name, len(n.Args))}
	}
	col, t, ok := r.argColumn(n.Args[0])
	if !ok {
		return "", tNull, true, rollErr{fmt.Sprintf("%s of an expression does not re-aggregate from %s", n.Name, ro.name)}
	}
	grouped, isGrouped := ro.cols[col]
	switch n.Name {
	case "SUM":
		if m, ok := ro.measure(warehouse.AggSum, col); ok {
			return agg("SUM", m), t, true, nil
		}
	case "MIN", "MAX":
		if isGrouped {
			return agg(n.Name, grouped), t, true, nil
		}
		stored := warehouse.AggMin
		if n.Name == "MAX" {
			stored = warehouse.AggMax
		}
		if m, ok := ro.measure(stored, col); ok {
			return agg(n.Name, m), t, true, nil
		}
	case "COUNT":
		if r.keyColumn(col) {
			return count() // the table's key: one order per row
		}
		if !n.Distinct {
			break
		}
		if isGrouped && ro.row {
			return "CASE WHEN " + grouped + " IS NULL THEN 0 ELSE 1 END", tInt, true, nil
		}
		if isGrouped {
			return "COUNT(DISTINCT " + grouped + ")", tInt, true, nil
		}
		if m, ok := ro.measure(warehouse.AggCountDistinct, col); ok {
			r.roll.needKey = true
			if ro.row {
				return m, tInt, true, nil
			}
			// over no row (a month without orders) the count is 0, as COUNT's
			return "COALESCE(SUM(" + m + "), 0)", tInt, true, nil
		}
	}
	d := ""
	if n.Distinct {
		d = "DISTINCT "
	}
	return "", tNull, true, rollErr{fmt.Sprintf("%s(%s%s) is not a measure of %s", n.Name, d, col, ro.name)}
}

// argColumn returns the physical column (and type) an aggregate's argument
// reads: a logical field that is one bare column, or a bare column.
func (r *renderer) argColumn(n sqlparse.Node) (string, typ, bool) {
	ref, ok := n.(sqlparse.Ref)
	if !ok {
		return "", tNull, false
	}
	if ref.Table == "" {
		return ref.Name, tNull, true
	}
	f, err := r.c.model.Lookup(ref.Table + "." + ref.Name)
	if err != nil {
		return "", tNull, false
	}
	col, ok := r.c.physicalColumn(f)
	return col, r.c.fields[f.Index].typ, ok
}

// keyColumn reports whether col is the one-column primary key of the table the
// mart stands in for.
func (r *renderer) keyColumn(col string) bool {
	for _, t := range r.c.model.Tables {
		if strings.EqualFold(t.Name, r.roll.over) {
			return t.PrimaryKey != nil && len(t.PrimaryKey.Columns) == 1 && strings.EqualFold(t.PrimaryKey.Columns[0], col)
		}
	}
	return false
}

// measure returns the mart's qualified measure column holding agg of source.
func (ro *rollup) measure(agg warehouse.Agg, source string) (string, bool) {
	for _, m := range ro.mart.Measures() {
		if m.Agg == agg && m.Source == source {
			return ro.table.alias + "." + `"` + m.Column + `"`, true
		}
	}
	return "", false
}
